/**
 * Transaction origins. Yjs hands the origin of every change to observers and to the undo
 * manager; ours say who made a change, so that undo takes back only the local user's own edits.
 */

/**
 * Every command of `shared/doc` runs with this origin. `createUndoManager` tracks only it, so
 * remote updates (applied with the provider as origin) are never undone by this user.
 */
export const LOCAL_ORIGIN: unique symbol = Symbol('signals-to-stories/local')

/** Changes the server makes itself (revealing drafts, private counts). Never undoable by a client. */
export const SERVER_ORIGIN: unique symbol = Symbol('signals-to-stories/server')

/**
 * Tidying up after a conflict that every device settles the same way (two moves of one card at
 * once, see `settleConcurrentMoves`): neither a user's edit nor undoable.
 */
export const SETTLE_ORIGIN: unique symbol = Symbol('signals-to-stories/settle')

/**
 * What a device carries into a fresh copy of the board (a renewal, or past a change the server
 * refused): the person's own changes, so they count as waiting until the server has them, but
 * made earlier, perhaps offline or in another session, so no undo step: one Ctrl+Z to take back a
 * typo would otherwise take back every card the carrying brought.
 */
export const CARRY_ORIGIN: unique symbol = Symbol('signals-to-stories/carry')

/** Schema migrations: neither a user's edit nor undoable. */
export const MIGRATION_ORIGIN: unique symbol = Symbol('signals-to-stories/migration')
