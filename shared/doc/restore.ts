/**
 * Bringing a live document back to an earlier state, as new changes: everyone connected sees the
 * board return to that state, and the change can itself be reverted the same way.
 *
 * Every root of our documents is a `Y.Map` (see roots.ts), so restoring is a deep assignment of
 * maps: equal values are left alone (no churn, concurrent edits elsewhere survive), differing ones
 * are replaced by a copy of the past value, keys the past did not have are deleted.
 */
import * as Y from 'yjs'
import { mergeStory } from './mergeStory'
import { SERVER_ORIGIN } from './origin'

/**
 * Makes `live` read like `past`. Returns how many entries were written or deleted.
 *
 * @example
 * const past = new Y.Doc(); Y.applyUpdate(past, snapshotUpdate)
 * restoreDoc(liveBoard, past)
 */
export function restoreDoc(live: Y.Doc, past: Y.Doc, origin: unknown = SERVER_ORIGIN): number {
  let changes = 0
  const names = new Set([...rootNames(live), ...rootNames(past)])
  live.transact(() => {
    for (const name of names) changes += assignMap(live.getMap(name), past.getMap(name))
  }, origin)
  return changes
}

/**
 * Writes into `live` what changed from `base` to `edited`, and nothing else: entries `edited`
 * added or changed are set, entries it deleted are deleted, and everything else in `live` —
 * changes others made since — stays. A story body is merged with what others wrote in it since
 * (mergeStory.ts). Used when a document's history started afresh: `base` is the old
 * generation's last state, `edited` that
 * state with a browser's unsent changes (or the server's own, made during the switch), `live`
 * the new generation. Returns how many entries were written or deleted.
 *
 * `carries(root, key)`, when given, says which records (the entries of a root) to carry: the
 * others' changes are left behind.
 */
export function carryOver(live: Y.Doc, base: Y.Doc, edited: Y.Doc, origin: unknown = SERVER_ORIGIN, carries?: (root: string, key: string) => boolean): number {
  let changes = 0
  const names = new Set([...rootNames(base), ...rootNames(edited)])
  live.transact(() => {
    for (const name of names) changes += carryMap(live.getMap(name), base.getMap(name), edited.getMap(name), carries && ((key) => carries(name, key)))
  }, origin)
  return changes
}

function carryMap(target: Y.Map<unknown>, base: Y.Map<unknown>, edited: Y.Map<unknown>, carries: (key: string) => boolean = () => true): number {
  let changes = 0
  for (const key of base.keys()) {
    if (!carries(key)) continue
    if (!edited.has(key) && target.has(key)) {
      target.delete(key)
      changes++
    }
  }
  for (const [key, value] of edited.entries()) {
    if (!carries(key)) continue
    const before = base.get(key)
    const current = target.get(key)
    if (value instanceof Y.Map && current instanceof Y.Map) {
      // Field by field: what others changed in other fields since stays. A map new in `edited`
      // that `live` holds already (a record carried over before: its id is random; or a map
      // someone else made since) only gets the entries it lacks.
      changes += before instanceof Y.Map ? carryMap(current, before, value) : fillMap(current, value)
      continue
    }
    if (value instanceof Y.Map && before instanceof Y.Map && JSON.stringify(before.toJSON()) === JSON.stringify(value.toJSON())) continue
    if ((base.has(key) && sameValue(before, value)) || sameValue(current, value)) continue
    if (value instanceof Y.XmlFragment && before instanceof Y.XmlFragment && current instanceof Y.XmlFragment) {
      // A story: merged block by block and letter by letter with what others wrote since.
      mergeStory(current, before, value)
      changes++
      continue
    }
    // Edited here and removed there since: the edit is kept, and with it the record.
    target.set(key, copyOf(value))
    changes++
  }
  return changes
}

/** Adds the entries of `source` that `target` lacks, at every depth; changes nothing else. */
function fillMap(target: Y.Map<unknown>, source: Y.Map<unknown>): number {
  let changes = 0
  for (const [key, value] of source.entries()) {
    const current = target.get(key)
    if (value instanceof Y.Map && current instanceof Y.Map) changes += fillMap(current, value)
    else if (!target.has(key)) {
      target.set(key, copyOf(value))
      changes++
    }
  }
  return changes
}

function rootNames(doc: Y.Doc): string[] {
  return [...doc.share.keys()]
}

function assignMap(target: Y.Map<unknown>, source: Y.Map<unknown>): number {
  let changes = 0
  for (const key of [...target.keys()]) {
    if (!source.has(key)) {
      target.delete(key)
      changes++
    }
  }
  for (const [key, value] of source.entries()) {
    const current = target.get(key)
    if (value instanceof Y.Map && current instanceof Y.Map) changes += assignMap(current, value)
    else if (!sameValue(current, value)) {
      target.set(key, copyOf(value))
      changes++
    }
  }
  return changes
}

/** Yjs types belong to one document: a value from the past document is copied, never moved. */
function copyOf(value: unknown): unknown {
  if (value instanceof Y.AbstractType) return (value as Y.AbstractType<unknown> & { clone(): unknown }).clone()
  return value
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    // Rich text (story bodies) compares by content; an unchanged story is not rewritten.
    return a instanceof Y.XmlFragment && b instanceof Y.XmlFragment && a.constructor === b.constructor && a.toString() === b.toString()
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
