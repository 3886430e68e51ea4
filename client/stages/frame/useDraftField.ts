import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A form field over a shared value that saves as the person types.
 *
 * While the field holds a local edit, remote changes do not replace what is being typed (the
 * Excalidraw rule: nothing is yanked from under the cursor), and a save that trims the value does
 * not eat the space just typed. The edit is committed after a pause, on blur and on unmount;
 * `commit` returns false for a value it could not save (e.g. an invalid year), which then stays
 * in the field for the person to fix.
 */
export function useDraftField<T>(remote: T, commit: (value: T) => boolean, delayMs = 500) {
  const [draft, setDraft] = useState<{ value: T } | null>(null)
  const latest = useRef<{ draft: { value: T } | null; commit: (value: T) => boolean }>({ draft, commit })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    latest.current = { draft, commit }
  })

  const cancelTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
  }

  const change = useCallback(
    (value: T) => {
      setDraft({ value })
      latest.current.draft = { value }
      cancelTimer()
      timer.current = setTimeout(() => {
        timer.current = null
        const pending = latest.current.draft
        if (pending) latest.current.commit(pending.value)
      }, delayMs)
    },
    [delayMs],
  )

  /** Saves now and, when the value was accepted, goes back to showing the shared value. */
  const finish = useCallback(() => {
    cancelTimer()
    const pending = latest.current.draft
    if (!pending) return
    if (latest.current.commit(pending.value)) {
      latest.current.draft = null
      setDraft(null)
    }
  }, [])

  // Unmounting (stage change, tab closed by the router) must not lose the last keystrokes.
  useEffect(
    () => () => {
      if (timer.current === null) return
      cancelTimer()
      const pending = latest.current.draft
      if (pending) latest.current.commit(pending.value)
    },
    [],
  )

  return { value: draft ? draft.value : remote, editing: draft !== null, change, finish }
}
