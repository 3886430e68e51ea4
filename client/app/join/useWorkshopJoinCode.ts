import { useCallback, useEffect, useState } from 'react'
import { API_WORKSHOPS } from '../../../shared/protocol.ts'
import { JOIN_PATH, formatJoinCode, normaliseJoinCode } from '../../../shared/joinCode.ts'
import { useStore } from '../../state/store.ts'

export type JoinCodeState =
  | { kind: 'loading' }
  | { kind: 'ready'; code: string; issuedAt: number }
  /** The workshop has no code yet (a screen opened before the facilitator ever did). */
  | { kind: 'none' }
  | { kind: 'failed' }

/** A failed fetch is tried again after this long (the projector is left alone for hours). */
const RETRY_MS = 15_000

/**
 * The workshop's join code, for the projector and the facilitator: fetched with this page's key
 * (facilitator or screen), and again whenever the server marks a new one in the control
 * document, so a code issued on the facilitator's laptop reaches the wall within a second.
 */
export function useWorkshopJoinCode(): { state: JoinCodeState; reissue(): Promise<boolean> } {
  const workshopId = useStore((s) => s.session?.workshopId ?? null)
  const key = useStore((s) => (s.session && s.session.role !== 'participant' ? s.session.key : null))
  const issuedAt = useStore((s) => s.control?.joinCodeIssuedAt ?? 0)
  const [state, setState] = useState<JoinCodeState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const url = workshopId ? `${API_WORKSHOPS}/${encodeURIComponent(workshopId)}/join-code` : null

  useEffect(() => {
    if (!url || !key) return
    const controller = new AbortController()
    let retry: ReturnType<typeof setTimeout> | undefined
    fetch(url, { headers: { authorization: `Bearer ${key}` }, cache: 'no-store', signal: controller.signal })
      .then(async (response) => {
        if (response.status === 404) return setState({ kind: 'none' })
        if (!response.ok) throw new Error(`join code answered ${response.status}`)
        setState(readCode(await response.json()))
      })
      .catch(() => {
        if (controller.signal.aborted) return
        setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' }))
        retry = setTimeout(() => setAttempt((a) => a + 1), RETRY_MS)
      })
    return () => {
      controller.abort()
      clearTimeout(retry)
    }
  }, [url, key, issuedAt, attempt])

  const reissue = useCallback(async () => {
    if (!url || !key) return false
    try {
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` }, cache: 'no-store' })
      if (!response.ok) return false
      setState(readCode(await response.json()))
      return true
    } catch {
      return false
    }
  }, [url, key])

  return { state, reissue }
}

function readCode(body: unknown): JoinCodeState {
  const { code, issuedAt } = (body ?? {}) as { code?: unknown; issuedAt?: unknown }
  const valid = typeof code === 'string' ? normaliseJoinCode(code) : null
  return valid && typeof issuedAt === 'number' ? { kind: 'ready', code: valid, issuedAt } : { kind: 'failed' }
}

/** "192.168.1.20:8080/join": where people type the code, exactly as a browser takes it. */
export function joinAddress(origin: string): string {
  return `${new URL(origin).host}${JOIN_PATH}`
}

/** What the QR code holds: the join page with the code filled in, tried at once. */
export function joinCodeLink(origin: string, code: string): string {
  return `${origin}${JOIN_PATH}#${formatJoinCode(code)}`
}

/** True when the address works only on this computer (localhost): phones in the room cannot use it. */
export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host)
}
