/**
 * What a note being written may be compared with. The rule of a private round lives here, once:
 * the wall everyone already sees and the writer's own private cards, never another person's
 * private card. Those exist only in their authors' draft documents, which the writer's browser
 * never opens; building the pool from the board and the writer's own draft keeps it that way
 * even if a draft were somehow at hand.
 */
import type { Signal } from '../schema/signal'
import type { NoteInput } from './features'

export interface PoolNote extends NoteInput {
  /** A private card of the writer's own (not on the wall yet). */
  readonly private: boolean
  readonly authorId: string
}

/**
 * The comparison pool for one writer: the board's cards, then their own private cards.
 *
 * @example
 * findSimilar(draft, similarityPool(board.signals.values(), myDraft.signals.values()))
 */
export function similarityPool(wall: Iterable<Signal>, ownPrivate: Iterable<Signal>): PoolNote[] {
  const pool: PoolNote[] = []
  const seen = new Set<string>()
  for (const [signals, isPrivate] of [
    [wall, false],
    [ownPrivate, true],
  ] as const) {
    for (const signal of signals) {
      if (seen.has(signal.id)) continue
      seen.add(signal.id)
      pool.push({ id: signal.id, title: signal.title, description: signal.description, private: isPrivate, authorId: signal.authorId })
    }
  }
  return pool
}
