import { useCallback, useEffect, useRef, useState } from 'react'

/** How long typing pauses before a field is shared: others see words, not every keystroke. */
const SAVE_AFTER_MS = 400

/**
 * A form field over a shared value (persona fields, the story title). While the person types,
 * their text stays in the field even if someone else changes the same value (nothing is yanked
 * from under the cursor); it is saved after a pause, on blur and on unmount. `commit` returns
 * false for a value it cannot save (an age of 300), which then stays for the person to fix.
 */
export function useSharedField<T>(remote: T, commit: (value: T) => boolean) {
  const [draft, setDraft] = useState<{ value: T } | null>(null)
  const [invalid, setInvalid] = useState(false)
  const latest = useRef({ draft, commit })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    latest.current = { draft, commit }
  })

  const save = useCallback((): boolean => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    const pending = latest.current.draft
    const ok = pending ? latest.current.commit(pending.value) : true
    setInvalid(!ok)
    return ok
  }, [])

  const change = useCallback(
    (value: T) => {
      setDraft({ value })
      latest.current.draft = { value }
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(save, SAVE_AFTER_MS)
    },
    [save],
  )

  /** On blur: save now and, when accepted, show the shared value again. */
  const finish = useCallback(() => {
    if (!save()) return
    latest.current.draft = null
    setDraft(null)
  }, [save])

  // Leaving mid-word (back to the list, stage change) must not lose the last keystrokes.
  useEffect(
    () => () => {
      if (timer.current === null) return
      clearTimeout(timer.current)
      const pending = latest.current.draft
      if (pending) latest.current.commit(pending.value)
    },
    [save],
  )

  return { value: draft ? draft.value : remote, invalid, change, finish }
}
