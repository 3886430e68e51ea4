/**
 * What every command shares: who acts, and the one transaction it runs in.
 */
import type * as Y from 'yjs'
import { idSchema } from '../../schema/common'
import { LOCAL_ORIGIN } from '../origin'

/**
 * Who performs a command. The id is made once per browser (see the client's identity module);
 * it is written where a record names its author, and scopes votes, +1s and readiness.
 */
export interface Actor {
  readonly participantId: string
}

/**
 * Throws unless the actor's id is a valid id. Checked before the transaction opens: Yjs does not
 * roll back a transaction that throws half-way, so a command must fail before it writes.
 */
export function checkActor(actor: Actor): void {
  idSchema.parse(actor.participantId)
}

/**
 * Runs `fn` as one transaction tagged `LOCAL_ORIGIN`: peers receive the command as one update,
 * observers fire once, and one undo step takes the whole command back.
 */
export function command<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T
  doc.transact(() => {
    result = fn()
  }, LOCAL_ORIGIN)
  return result
}

/** The wall clock for `createdAt`/`updatedAt` (display only) and `movedAt` (which of two moves made at once stands). */
export function now(): number {
  return Date.now()
}
