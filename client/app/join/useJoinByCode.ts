import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../routing.ts'
import { resolveJoinCode, type JoinCodeResult } from './resolveJoinCode.ts'

export interface JoinByCode {
  /** True while the server is asked. */
  busy: boolean
  /** What went wrong, in words for the person (already translated), or null. */
  error: string | null
  /** Resolves the code and opens the workshop; false when it did not work (see `error`). */
  submit(code: string): Promise<boolean>
  clearError(): void
}

/** Resolving a typed code and opening the workshop, for the /join page and the home page's field. */
export function useJoinByCode(): JoinByCode {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const pending = useRef<AbortController | null>(null)
  useEffect(() => () => pending.current?.abort(), [])

  const submit = useCallback(
    async (code: string) => {
      pending.current?.abort()
      const controller = new AbortController()
      pending.current = controller
      setBusy(true)
      setError(null)
      const result = await resolveJoinCode(code, window.location.origin, fetch, controller.signal)
      if (controller.signal.aborted) return false
      setBusy(false)
      if (result.kind === 'ok' && navigate(result.link)) return true
      setError(messageFor(result, t))
      return false
    },
    [t],
  )
  const clearError = useCallback(() => setError(null), [])
  return { busy, error, submit, clearError }
}

function messageFor(result: JoinCodeResult, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (result.kind) {
    case 'invalid':
      return t('joinCode.error.invalid')
    case 'unknown':
      return t('joinCode.error.unknown')
    case 'tooMany':
      return t('joinCode.error.tooMany', { count: result.seconds })
    default:
      return t('joinCode.error.offline')
  }
}
