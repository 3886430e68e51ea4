/**
 * "N changes waiting": local transactions the server has not yet confirmed as stored.
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
  /** Clock after each unacknowledged local transaction, ascending. */
  let waiting: number[] = []
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())

  const onAfterTransaction = (transaction: Y.Transaction) => {
    if (!isLocal(transaction.origin)) return
    const changedSomething = transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0
    if (!changedSomething) return
    const clock = Y.getState(doc.store, doc.clientID)
    if (clock <= acknowledged) return
    waiting.push(clock)
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
      waiting = waiting.filter((c) => c > acknowledged)
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
