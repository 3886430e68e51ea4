import { useCallback, useEffect, useRef, useState } from 'react'
import type { FieldWrite, OwnWritesMeeting } from '../../shared/doc/index.ts'

export interface SharedDraftOptions<T> {
  /** A draft from before, opened unsaved (see below). */
  kept?: { value: T } | null
  /** Both people's changes made at once, kept (see below). */
  merge?: (base: T, mine: T, theirs: T, baseReplaced?: T) => T
  /** With `merge`: how this person's saves stand to the values that follow them (see below). */
  lineage?: SaveLineage
}

/** A field's saves in the shared document, as Yjs orders them (`meetsOwnWrites`). */
export interface SaveLineage {
  /** The save that wrote the field's current value: asked right after each of this person's saves. */
  mark(): FieldWrite | null
  /** Where the current value stands to these saves of this person, oldest first. */
  meet(saves: readonly FieldWrite[]): OwnWritesMeeting
}

/** This person's saves kept to find where a crossing save met them: more in one round trip is typing, not saving. */
const MAX_OWN_SAVES = 32

/**
 * How long typing pauses before a field is shared: others see words appear, not every keystroke,
 * and a room of 60 is not sent a document update per key. Long enough to span the gap between
 * keys of a word, short enough that a neighbour reading over the projector sees it "live".
 */
export const SHARE_AFTER_MS = 400

/**
 * A form field over a value in the shared document (a trend's name, the focal question, a
 * persona's age, a story's title): the one rule for every such field in the app.
 *
 * - While the person types, their text stays in the field even if someone else changes the same
 *   value: nothing is yanked from under the cursor (Excalidraw's rule). A save that trims the
 *   value does not eat the space just typed either, since the field shows the draft, not the save.
 * - The draft is saved after a pause in typing (`SHARE_AFTER_MS`), at once on blur (`finish`), and
 *   on unmount (stage change, back to the list): leaving mid-word never loses the last keystrokes.
 * - Only an unsaved change is saved: blurring an untouched field, or after the pause already saved
 *   it, writes nothing (no empty update to every device, no empty step in undo).
 * - `commit` may refuse a value it cannot store (an age of 300, an empty theme) by returning
 *   false: the draft stays for the person to fix, `invalid` says so, and a later change retries.
 * - After `finish` accepts, the field shows the shared value again, so it never drifts from it.
 * - Whoever saves last wins, so a change made elsewhere while this person types is not hidden from
 *   them: `elsewhere` holds it (the shared value, when it is no longer what they started from or
 *   last saved), for the field to show, and `discard` drops their draft to take it instead. While
 *   it shows, the pause no longer saves: only finishing does (blur, Enter), as a decision.
 *   Their own save, as the store keeps it (trimmed, or no change at all), is never "elsewhere".
 * - With `merge` (a longer text, where two people add to one narrative at once), a save over a
 *   change made elsewhere writes both (`merge(start, mine, theirs)`, see `mergeText`), the pause
 *   saves as usual, and the field goes on from the merged text: nobody decides, nothing is lost.
 * - With `lineage` too: saves that crossed on the network (this person's, one or several, made
 *   before someone else's arrived, and Yjs kept theirs) leave the kept value without what this
 *   person saved, and a merge from their last save would take those words for deleted. So their
 *   words are merged again from the value where the two histories meet (`meetsOwnWrites`), and
 *   saved, whether they are still typing or have left the field, as long as the field is open:
 *   a crossing that arrives after it has gone (the stage moved on within the round trip) is not.
 *
 * - `kept`, read when the field mounts, is a draft from before (kept on the device while it could
 *   not be saved, `useLimitedSharedDraft`): the field opens with it, unsaved, as if just typed.
 *
 * @example
 * const name = useSharedDraft(trend.name, (name) => updateTrend(board, trend.id, { name }))
 * <input value={name.value} onChange={(e) => name.change(e.target.value)} onBlur={name.finish} />
 */
export function useSharedDraft<T>(remote: T, commit: (value: T) => boolean | void, { kept = null, merge, lineage }: SharedDraftOptions<T> = {}) {
  const [draft, setDraft] = useState<{ value: T } | null>(kept)
  const [invalid, setInvalid] = useState(false)
  /** Counts saves: the render after each one learns what the store kept (see `baseline`). */
  const [saves, setSaves] = useState(0)
  /** Counts the saves that merged a change made elsewhere (`merge`): the field says so. */
  const [merges, setMerges] = useState(0)
  /** The draft and commit of the latest render, for timers and the unmount cleanup. */
  const latest = useRef({ draft, commit, merge, lineage, unsaved: draft !== null })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /**
   * The shared value this person's draft starts from, or last saved (see `elsewhere`); when it is
   * their own save, what that save `replaced` (`merge` tells their words from it).
   */
  const baseline = useRef<{ value: T; rebase: boolean; replaced?: T }>({ value: remote, rebase: false })
  /** What this person's latest save replaced, for the baseline the save becomes. */
  const lastReplaced = useRef<{ value: T } | null>(null)
  const remoteNow = useRef(remote)
  remoteNow.current = remote
  /** This person's saves since the shared value last showed they were seen: what each wrote and replaced. */
  const ownSaves = useRef<{ mark: FieldWrite; replaced: T; value: T }[]>([])
  /** Whether `elsewhere` is shown: the pause does not save over it. */
  const conflict = useRef(false)
  useEffect(() => {
    latest.current.commit = commit
    latest.current.merge = merge
    latest.current.lineage = lineage
  })
  // After a save the shared value is this person's, as the store kept it (trimmed, or unchanged):
  // the store is updated within the save, so the render it causes already holds it.
  useEffect(() => {
    if (baseline.current.rebase) baseline.current = { value: remote, rebase: false, ...(lastReplaced.current && { replaced: lastReplaced.current.value }) }
  }, [remote, saves])

  /**
   * What saving `mine` writes: with `merge`, over a change made elsewhere since this person's
   * draft started (or their last save), both; else `mine`. The same for every save, the last one
   * on unmount included (a stage moved on just after the other's save arrived).
   */
  const toSave = useCallback((mine: T): { value: T; merged: boolean } => {
    const theirs = remoteNow.current
    const { merge: mergeWith } = latest.current
    if (mergeWith === undefined || baseline.current.rebase || Object.is(theirs, baseline.current.value) || Object.is(theirs, mine))
      return { value: mine, merged: false }
    return { value: mergeWith(baseline.current.value, mine, theirs, baseline.current.replaced), merged: true }
  }, [])

  /**
   * Saves an unsaved draft; true when there was nothing to save or the value was accepted. A
   * merge made `quietly` (the person had left the field) is not counted in `merges`.
   */
  const save = useCallback(
    (quietly = false): boolean => {
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = null
      const { draft: pending, unsaved } = latest.current
      if (!pending || !unsaved) return true
      const { value, merged } = toSave(pending.value)
      const replaced = remoteNow.current
      const ok = latest.current.commit(value) !== false
      latest.current.unsaved = !ok
      setInvalid(!ok)
      const mark = ok ? latest.current.lineage?.mark() : null
      if (mark) {
        ownSaves.current.push({ mark, replaced, value })
        if (ownSaves.current.length > MAX_OWN_SAVES) ownSaves.current.shift()
      }
      if (merged) {
        // The field goes on from the text both wrote, saved or not (too long together, it waits
        // in the field, counted, for the person to shorten): theirs is in it, so it is no longer
        // "elsewhere", and the next save starts from theirs.
        latest.current.draft = { value }
        setDraft({ value })
        if (!quietly) setMerges((count) => count + 1)
        if (!ok) baseline.current = { value: remoteNow.current, rebase: false }
      }
      if (ok) {
        lastReplaced.current = { value: replaced }
        // Until the next render says what the store kept, nothing shown is "elsewhere".
        baseline.current.rebase = true
        setSaves((count) => count + 1)
      }
      return ok
    },
    [toSave],
  )

  /** The pause's save, unless a change made elsewhere is shown: then finishing decides. */
  const saveAfterPause = useCallback(() => {
    timer.current = null
    if (!conflict.current || latest.current.merge) save()
  }, [save])

  // Their save crossed this person's and was kept: merge again what this person saved, from the
  // value where the two met, with what they typed since if they are still at it.
  useEffect(() => {
    const saves = ownSaves.current
    const last = saves.at(-1)
    const { merge: mergeWith, lineage: order } = latest.current
    if (!last || !mergeWith || !order || Object.is(remote, last.value)) return
    const met = order.meet(saves.map((saved) => saved.mark))
    // Their own save, as the store keeps it (trimmed): it may still be overtaken later.
    if (met === 'current') return
    ownSaves.current = []
    if (typeof met !== 'number') return
    const base = met === -1 ? saves[0]!.replaced : saves[met]!.value
    const idle = latest.current.draft === null
    if (idle) {
      latest.current.draft = { value: last.value }
      setDraft({ value: last.value })
    }
    // From their own save where the two met: what it replaced tells their words (see `merge`).
    baseline.current = met === -1 ? { value: base, rebase: false } : { value: base, rebase: false, replaced: saves[met]!.replaced }
    latest.current.unsaved = true
    // Left unsaved (too long with theirs), the merged text waits in the field like any other merge.
    if (save(idle) && idle) {
      latest.current.draft = null
      setDraft(null)
    }
  }, [remote, save])

  const change = useCallback(
    (value: T) => {
      if (latest.current.draft === null) baseline.current = { value: remoteNow.current, rebase: false }
      latest.current.draft = { value }
      latest.current.unsaved = true
      setDraft({ value })
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(saveAfterPause, SHARE_AFTER_MS)
    },
    [saveAfterPause],
  )

  /** Drops the draft unsaved: the field shows the shared value (someone else's, see `elsewhere`). */
  const discard = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    latest.current.draft = null
    latest.current.unsaved = false
    setDraft(null)
    setInvalid(false)
  }, [])

  /** On blur: save now and, when accepted, show the shared value again. */
  const finish = useCallback(() => {
    if (!save()) return
    latest.current.draft = null
    setDraft(null)
  }, [save])

  // Unmounting saves what is pending; no state is set on the way out.
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
      const { draft: pending, unsaved } = latest.current
      if (pending && unsaved) latest.current.commit(toSave(pending.value).value)
    },
    [toSave],
  )

  const elsewhere =
    draft !== null && !baseline.current.rebase && !Object.is(remote, baseline.current.value) && !Object.is(remote, draft.value) ? { value: remote } : null
  conflict.current = elsewhere !== null
  return { value: draft ? draft.value : remote, editing: draft !== null, invalid, elsewhere, merges, change, finish, discard }
}
