import { useCallback, useEffect, useRef, useState } from 'react'
import { useDraftOwner } from '../state/storeContext.ts'
import { lengthStatus } from './LengthCounter.tsx'
import { keepOverLimitText, loadOverLimitText } from './overLimitText.ts'
import { useSharedDraft, type SharedDraftOptions } from './useSharedDraft.ts'

/**
 * `useSharedDraft` for a text with a limit (see `LengthCounter`): a text past `max` is never
 * committed, so it stays in this person's field and is kept on this device under `keptAs` (a
 * name for the field, like `story:<id>:title`). Back at the field later (the stage again, the
 * story reopened, a reload) it opens with that text, unsaved, as long as the shared text is still
 * the one it was written over: once someone has changed that, their text is what the field shows.
 * Shortening it to fit saves it as usual and forgets the kept copy; taking someone else's text
 * instead (`discard`) forgets it too.
 *
 * @example
 * const title = useLimitedSharedDraft(story.title, STORY_LIMITS.title, `story:${story.id}:title`, (title) => updateStory(board, story.id, { title }))
 */
export function useLimitedSharedDraft(
  remote: string,
  max: number,
  keptAs: string,
  commit: (value: string) => boolean | void,
  /** Two people's changes made at once, both kept (see `useSharedDraft`). */
  merging: Pick<SharedDraftOptions<string>, 'merge' | 'lineage'> = {},
) {
  const owner = useDraftOwner()
  // Read once, as the field opens: later changes to the shared text are `useSharedDraft`'s to show.
  const [kept] = useState(() => {
    const entry = owner ? loadOverLimitText(owner, keptAs) : null
    // Compared trimmed, as saves are stored: a space the store dropped is no change of the text.
    const stillApplies = entry !== null && entry.base.trim() === remote.trim() && lengthStatus(entry.text, max).kind === 'over'
    return { found: entry !== null, restored: entry && stillApplies ? { value: entry.text } : null }
  })
  const draft = useSharedDraft(remote, (value) => lengthStatus(value, max).kind !== 'over' && commit(value), { ...merging, kept: kept.restored })
  useEffect(() => {
    if (owner && kept.found && !kept.restored) keepOverLimitText(owner, keptAs, null)
  }, [owner, keptAs, kept])

  /** Whether a copy of this field's text is kept now: only then does a fitting text need to forget it. */
  const keeping = useRef(kept.restored !== null)
  const remoteNow = useRef(remote)
  remoteNow.current = remote
  const { change: changeDraft, discard: discardDraft } = draft
  const change = useCallback(
    (value: string) => {
      const over = lengthStatus(value, max).kind === 'over'
      // Written as it is typed, not when the field unmounts: a reload never unmounts it.
      if (owner && (over || keeping.current)) keepOverLimitText(owner, keptAs, over ? { text: value, base: remoteNow.current, at: Date.now() } : null)
      keeping.current = over
      changeDraft(value)
    },
    [owner, keptAs, max, changeDraft],
  )
  const discard = useCallback(() => {
    if (owner && keeping.current) keepOverLimitText(owner, keptAs, null)
    keeping.current = false
    discardDraft()
  }, [owner, keptAs, discardDraft])
  return { ...draft, change, discard }
}
