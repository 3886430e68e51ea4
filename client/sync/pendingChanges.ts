/**
 * "N changes waiting": local changes the server has not yet confirmed as stored.
 *
 * A change, as a person counts them: a card added, a title edited, a sentence typed. The story
 * editor makes a transaction of every keystroke, and "65 changes waiting" after one sentence
 * typed offline alarmed the person it was meant to reassure. So a transaction that writes exactly
 * where the last waiting one wrote (the same text, the same field of the same record) adds to that
 * change instead of counting as a new one; the next card, or the next paragraph, is a new change.
 *
 * After each local transaction we note this client's clock in the document (the clock of
 * `doc.clientID` in the store). The server's `saved` message carries its durable state vector;
 * every noted transaction whose clock is at or below the server's entry for our client id is safe.
 *
 * Known limits (inherent to state vectors):
 * - A delete-only transaction does not advance the clock; it counts while an earlier insert is
 *   still waiting and is confirmed together with it, otherwise it is not counted.
 * - Changes restored from IndexedDB were made under an earlier client id (a new Y.Doc gets a new
 *   one), so they sync on reconnect but are not counted here.
 */
import * as Y from 'yjs'

export interface PendingTracker {
  /** Local transactions not yet acknowledged. */
  count(): number
  /**
   * This client's clock as far as the server has confirmed it stored (its durable state vector's
   * entry for `doc.clientID`): a local transaction that left the clock above it may not have
   * reached anyone.
   */
  confirmed(): number
  /** Feeds the server's durable state vector (already decoded). */
  acknowledge(serverState: Map<number, number>): void
  subscribe(listener: () => void): () => void
  destroy(): void
}

export function createPendingTracker(doc: Y.Doc, isLocal: (origin: unknown) => boolean): PendingTracker {
  let acknowledged = 0
  /** Each unacknowledged change: the clock after its last transaction, and where it wrote. Ascending. */
  let waiting: { clock: number; wrote: string }[] = []
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  const whereWritten = placesOf()

  const onAfterTransaction = (transaction: Y.Transaction) => {
    if (!isLocal(transaction.origin)) return
    const changedSomething = transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0
    if (!changedSomething) return
    const clock = Y.getState(doc.store, doc.clientID)
    if (clock <= acknowledged) return
    const wrote = whereWritten(transaction)
    const last = waiting.at(-1)
    if (last && last.wrote === wrote) {
      last.clock = clock
      return
    }
    waiting.push({ clock, wrote })
    notify()
  }
  doc.on('afterTransaction', onAfterTransaction)

  return {
    count: () => waiting.length,
    confirmed: () => acknowledged,
    acknowledge(serverState) {
      const clock = serverState.get(doc.clientID) ?? 0
      if (clock <= acknowledged) return
      acknowledged = clock
      const before = waiting.length
      waiting = waiting.filter((change) => change.clock > acknowledged)
      if (waiting.length !== before) notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      doc.off('afterTransaction', onAfterTransaction)
      listeners.clear()
    },
  }
}

/**
 * Names where a transaction wrote: each type it changed (numbered as first met) with the keys it
 * changed there (none for a text). Two keystrokes in one text name the same place.
 */
function placesOf(): (transaction: Y.Transaction) => string {
  const numbers = new WeakMap<object, number>()
  let next = 0
  const numberOf = (type: object) => {
    let number = numbers.get(type)
    if (number === undefined) numbers.set(type, (number = next++))
    return number
  }
  return (transaction) =>
    [...transaction.changed]
      .map(([type, keys]) => `${numberOf(type)}:${[...keys].sort().join(',')}`)
      .sort()
      .join(' ')
}
