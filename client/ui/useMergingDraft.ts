import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { FieldWrite, OwnWritesMeeting } from '../../shared/doc/index.ts'
import { useAnnounce } from './LiveAnnouncer.tsx'
import { mergeText } from './mergeText.ts'
import { useLimitedSharedDraft } from './useLimitedSharedDraft.ts'

/** Where this device's saves of the field are written, for Yjs to tell whether a crossing save was kept instead. */
export interface FieldWrites {
  /** The save that wrote the field's current value (after a save of this device's: that save). */
  current(): FieldWrite | null
  /** Where the current value stands to these saves of this device (see `meetsOwnWrites`). */
  meet(writes: readonly FieldWrite[]): OwnWritesMeeting
}

/**
 * `useLimitedSharedDraft` for a longer text that several people write at once (a trend's
 * narrative, a persona's needs): a save over someone else's change keeps both (`mergeText`), and
 * so do saves that crossed theirs on the network (`lineage`, see `useSharedDraft`). The caret
 * stays in the person's own words, and the merge is announced with `mergedMessage` and shown as
 * `merged` until the field is left (`left`).
 *
 * @example
 * const { draft, merged, left } = useMergingDraft({ remote: trend.narrative, max, keptAs, commit, writes, textarea, mergedMessage })
 */
export function useMergingDraft({
  remote,
  max,
  keptAs,
  commit,
  writes,
  textarea,
  mergedMessage,
}: {
  remote: string
  max: number
  keptAs: string
  commit: (value: string) => boolean
  writes: FieldWrites
  textarea: RefObject<HTMLTextAreaElement | null>
  mergedMessage: string
}) {
  const announce = useAnnounce()
  /** Where the caret goes once the merged text shows: where it was in the person's own words. */
  const caretAfterMerge = useRef<number | null>(null)
  const [merged, setMerged] = useState(false)
  const merge = useCallback(
    (base: string, mine: string, theirs: string, baseReplaced?: string) => {
      const result = mergeText(base, mine, theirs, baseReplaced)
      const element = textarea.current
      if (element && element === document.activeElement) caretAfterMerge.current = result.caret(element.selectionStart)
      return result.text
    },
    [textarea],
  )
  // Yjs tells where someone else's save that crossed this device's stands to them (`useSharedDraft`).
  const latestWrites = useRef(writes)
  latestWrites.current = writes
  const lineage = useMemo(() => ({ mark: () => latestWrites.current.current(), meet: (saves: readonly FieldWrite[]) => latestWrites.current.meet(saves) }), [])
  const draft = useLimitedSharedDraft(remote, max, keptAs, commit, { merge, lineage })
  useLayoutEffect(() => {
    const caret = caretAfterMerge.current
    caretAfterMerge.current = null
    if (caret !== null) textarea.current?.setSelectionRange(caret, caret)
  }, [draft.value, textarea])
  // Said once per merge, after it is in the field (not while the field goes away).
  useEffect(() => {
    if (draft.merges === 0) return
    setMerged(true)
    announce(mergedMessage)
  }, [draft.merges, announce, mergedMessage])
  /** Leaving the field saves it, and the merge is no longer news. */
  const left = useCallback(() => {
    draft.finish()
    setMerged(false)
  }, [draft])
  return { draft, merged, left }
}
