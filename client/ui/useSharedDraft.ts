import { useCallback, useEffect, useRef, useState } from 'react'

export interface SharedDraftOptions<T> {
  /** A draft from before, opened unsaved (see below). */
  kept?: { value: T } | null
  /** Both people's changes made at once, kept (see below). */
  merge?: (base: T, mine: T, theirs: T) => T
  /** With `merge`: whether this person's last save was replaced by one written without it. */
  overtaken?: () => boolean
}

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
 * - With `overtaken` too (whether this person's last save was replaced by one written without
 *   it: two saves that crossed on the network, see `overwroteUnseen`), the kept value lacks what
 *   this person saved, and a merge from their last save would take those words for deleted. So
 *   their words are merged again from the value both saves replaced, and saved, whether they are
 *   still typing or have left the field.
 *
 * - `kept`, read when the field mounts, is a draft from before (kept on the device while it could
 *   not be saved, `useLimitedSharedDraft`): the field opens with it, unsaved, as if just typed.
 *
 * @example
 * const name = useSharedDraft(trend.name, (name) => updateTrend(board, trend.id, { name }))
 * <input value={name.value} onChange={(e) => name.change(e.target.value)} onBlur={name.finish} />
 */
export function useSharedDraft<T>(remote: T, commit: (value: T) => boolean | void, { kept = null, merge, overtaken }: SharedDraftOptions<T> = {}) {
  const [draft, setDraft] = useState<{ value: T } | null>(kept)
  const [invalid, setInvalid] = useState(false)
  /** Counts saves: the render after each one learns what the store kept (see `baseline`). */
  const [saves, setSaves] = useState(0)
  /** Counts the saves that merged a change made elsewhere (`merge`): the field says so. */
  const [merges, setMerges] = useState(0)
  /** The draft and commit of the latest render, for timers and the unmount cleanup. */
  const latest = useRef({ draft, commit, merge, overtaken, unsaved: draft !== null })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /** The shared value this person's draft starts from, or last saved (see `elsewhere`). */
  const baseline = useRef<{ value: T; rebase: boolean }>({ value: remote, rebase: false })
  const remoteNow = useRef(remote)
  remoteNow.current = remote
  /** This person's last save and the shared value it replaced, while it may still be overtaken. */
  const lastSave = useRef<{ replaced: T; value: T } | null>(null)
  /** Whether `elsewhere` is shown: the pause does not save over it. */
  const conflict = useRef(false)
  useEffect(() => {
    latest.current.commit = commit
    latest.current.merge = merge
    latest.current.overtaken = overtaken
  })
  // After a save the shared value is this person's, as the store kept it (trimmed, or unchanged):
  // the store is updated within the save, so the render it causes already holds it.
  useEffect(() => {
    if (baseline.current.rebase) baseline.current = { value: remote, rebase: false }
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
    return { value: mergeWith(baseline.current.value, mine, theirs), merged: true }
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
      if (ok) lastSave.current = { replaced, value }
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
  // value both replaced, with what they typed since if they are still at it.
  useEffect(() => {
    const saved = lastSave.current
    const { merge: mergeWith, overtaken: wasOvertaken } = latest.current
    if (!saved || !mergeWith || !wasOvertaken || Object.is(remote, saved.value) || !wasOvertaken()) return
    lastSave.current = null
    const idle = latest.current.draft === null
    if (idle) {
      latest.current.draft = { value: saved.value }
      setDraft({ value: saved.value })
    }
    baseline.current = { value: saved.replaced, rebase: false }
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
