import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

/** How long typing pauses before the text is shared (others see it grow, not every keystroke). */
const SAVE_AFTER_MS = 400

/**
 * A text field over a shared value. While the person types, their text stays in the field even
 * if someone else changes the same value (nothing is yanked from under the cursor); it is saved
 * after a short pause, on blur, and on unmount. Once saved and blurred, the field shows the
 * shared value again, so it never drifts from the document.
 */
export function useDraftText(remote: string, save: (value: string) => void) {
  const [draft, setDraft] = useState<string | null>(null)
  const latest = useRef({ draft, save })
  useLayoutEffect(() => {
    latest.current.save = save
  })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const dirty = useRef(false)

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    const { draft: pending, save: write } = latest.current
    if (pending !== null && dirty.current) write(pending)
    dirty.current = false
  }, [])

  const change = useCallback(
    (value: string) => {
      setDraft(value)
      latest.current.draft = value
      dirty.current = true
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_AFTER_MS)
    },
    [flush],
  )

  /** On blur: save now, then show the shared value. */
  const finish = useCallback(() => {
    flush()
    latest.current.draft = null
    setDraft(null)
  }, [flush])

  // Leaving the stage mid-sentence must not lose the last words.
  useEffect(() => flush, [flush])

  return { value: draft ?? remote, change, finish }
}
