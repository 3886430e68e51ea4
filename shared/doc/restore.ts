/**
 * Bringing a live document back to an earlier state, as new changes: everyone connected sees the
 * board return to that state, and the change can itself be reverted the same way.
 *
 * Every root of our documents is a `Y.Map` (see roots.ts), so restoring is a deep assignment of
 * maps: equal values are left alone (no churn, concurrent edits elsewhere survive), differing ones
 * are replaced by a copy of the past value, keys the past did not have are deleted.
 */
import * as Y from 'yjs'
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
