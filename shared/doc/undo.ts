/**
 * Undo for the board: the local user's own commands only.
 */
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './origin'
import { boardRootTypes } from './roots'

/**
 * Edits closer together than this undo as one step (a burst of typing, a drag and its drop).
 */
export const UNDO_CAPTURE_MS = 500

/**
 * A `Y.UndoManager` over every board root that tracks only `LOCAL_ORIGIN`. Changes that arrive
 * from peers carry the provider as origin, so undo never takes back someone else's work; when
 * someone edited the same field since, Yjs undoes only what is still ours.
 *
 * @example
 * const undo = createUndoManager(board)
 * addSignal(board, { title: 'Oops' }, me)
 * undo.undo() // the card is gone again
 */
export function createUndoManager(doc: Y.Doc, options: { captureTimeout?: number } = {}): Y.UndoManager {
  return new Y.UndoManager(boardRootTypes(doc), {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: options.captureTimeout ?? UNDO_CAPTURE_MS,
  })
}
