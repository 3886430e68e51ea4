import { useCallback, useEffect, useState } from 'react'
import type { ReplayFrame } from '../../../../shared/history/index.ts'
import { fetchReplay } from './resultsApi.ts'
import { useCredentials } from './useResults.ts'

export type FramesState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; frames: readonly ReplayFrame[] }

/** The workshop's replay frames, oldest first; `reload` asks again (after a new snapshot). */
export function useReplayFrames(enabled = true): { state: FramesState; reload(): void } {
  const credentials = useCredentials()
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<FramesState>({ kind: 'loading' })
  useEffect(() => {
    if (!credentials || !enabled) return
    let live = true
    fetchReplay(credentials)
      .then((frames) => live && setState({ kind: 'ready', frames }))
      .catch(() => live && setState({ kind: 'failed' }))
    return () => {
      live = false
    }
  }, [credentials, enabled, attempt])
  const reload = useCallback(() => setAttempt((a) => a + 1), [])
  return { state, reload }
}
