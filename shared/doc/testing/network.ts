/**
 * In-memory networks of Y.Docs for tests: updates travel between docs like over a provider, and
 * can be held back and released to play out concurrency deterministically.
 */
import * as Y from 'yjs'

/** The origin remote updates are applied with (as a provider would), so undo ignores them. */
export const REMOTE_ORIGIN = Symbol('test/remote')

export interface Connection {
  /** Queue updates instead of delivering them: both sides edit "at the same time". */
  hold(): void
  /** Deliver everything queued, in order, and go back to live delivery. */
  release(): void
  disconnect(): void
}

/**
 * Forwards updates between two docs in both directions, starting with a full state exchange.
 *
 * @example
 * const link = connectDocs(a, b)
 * link.hold(); edit(a); edit(b); link.release() // a and b edited concurrently, now converged
 */
export function connectDocs(a: Y.Doc, b: Y.Doc): Connection {
  let held = false
  const queue: { to: Y.Doc; update: Uint8Array }[] = []
  const deliver = (to: Y.Doc, update: Uint8Array) => Y.applyUpdate(to, update, REMOTE_ORIGIN)
  const forward = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE_ORIGIN) return
    if (held) queue.push({ to, update })
    else deliver(to, update)
  }
  const toB = forward(b)
  const toA = forward(a)
  a.on('update', toB)
  b.on('update', toA)
  deliver(b, Y.encodeStateAsUpdate(a))
  deliver(a, Y.encodeStateAsUpdate(b))
  return {
    hold: () => (held = true),
    release() {
      held = false
      for (const { to, update } of queue.splice(0)) deliver(to, update)
    },
    disconnect() {
      a.off('update', toB)
      b.off('update', toA)
    },
  }
}

/**
 * A mesh of docs whose every update is queued per receiver, for fuzzing: the test decides which
 * updates arrive, in which order, and which are held back (a doc offline) until the end.
 */
export class Mesh {
  private readonly queue: { from: number; to: number; update: Uint8Array }[] = []
  /** Docs that neither send nor receive for now; their traffic waits in the queue. */
  readonly offline = new Set<number>()

  constructor(readonly docs: readonly Y.Doc[]) {
    docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE_ORIGIN) return
        docs.forEach((_, to) => to !== from && this.queue.push({ from, to, update }))
      })
    })
  }

  get pending(): number {
    return this.queue.length
  }

  /**
   * Delivers one queued update chosen by `pick` among those whose ends are both online. Any order
   * is fine: Yjs buffers an update until what it depends on has arrived.
   */
  deliverOne(pick: (count: number) => number): void {
    const ready = this.queue.filter((m) => !this.offline.has(m.from) && !this.offline.has(m.to))
    if (ready.length === 0) return
    const message = ready[pick(ready.length)] as (typeof ready)[number]
    this.queue.splice(this.queue.indexOf(message), 1)
    Y.applyUpdate(this.docs[message.to] as Y.Doc, message.update, REMOTE_ORIGIN)
  }

  /** Everyone back online; delivers everything still queued, in the order `pick` chooses. */
  flush(pick: (count: number) => number = () => 0): void {
    this.offline.clear()
    while (this.queue.length > 0) this.deliverOne(pick)
  }
}
