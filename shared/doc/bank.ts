/**
 * The signal bank's held-back signals: brought in by the facilitator (`importSignals` works on
 * the bank document as on the board: same `signals` root), kept out of participants' reach (the
 * bank is a facilitator-only document, see `BANK_DOC`), and released onto the board when the
 * facilitator chooses.
 */
import type * as Y from 'yjs'
import type { Signal } from '../schema/index'
import { orderAfterAll } from '../util/order'
import { BOARD_SPECS, insertRecord, orderFor } from './collections'
import { LOCAL_ORIGIN } from './origin'
import { readCollection } from './read'
import { schemaVersionOf, writeSchemaVersion } from './migrate'
import { boardCollection } from './roots'

/** Stamps a fresh bank document with the schema version (once). */
export function initBank(doc: Y.Doc): void {
  if (schemaVersionOf(doc, 'bank') === null) doc.transact(() => writeSchemaVersion(doc, 'bank'), LOCAL_ORIGIN)
}

/** The held-back signals, in the order they were brought. */
export function heldSignals(bank: Y.Doc): Signal[] {
  return [...readCollection(boardCollection(bank, 'signals'), BOARD_SPECS.signals).values()].sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1,
  )
}

/**
 * Moves held-back signals onto the board (all of them, or those in `ids`), keeping their ids, at
 * the end of the wall. The board gets them first and the bank lets them go after, so a crash in
 * between leaves a card in both places (a second release skips it), never in neither. Returns
 * how many were added to the board.
 *
 * @example
 * releaseSignals(board, bank)              // release all
 * releaseSignals(board, bank, [signalId])  // release one
 */
export function releaseSignals(board: Y.Doc, bank: Y.Doc, ids?: readonly string[], origin: unknown = LOCAL_ORIGIN): number {
  const wanted = ids ? new Set(ids) : null
  const held = heldSignals(bank).filter((signal) => !wanted || wanted.has(signal.id))
  let added = 0
  board.transact(() => {
    const signals = boardCollection(board, 'signals')
    let order: string | null = null
    for (const signal of held) {
      if (signals.has(signal.id)) continue
      order = order === null ? orderFor(board, 'signals') : orderAfterAll([order])
      insertRecord(board, 'signals', { ...signal, order, createdAt: Date.now(), updatedAt: Date.now() })
      added++
    }
  }, origin)
  bank.transact(() => {
    const signals = boardCollection(bank, 'signals')
    for (const signal of held) signals.delete(signal.id)
  }, origin)
  return added
}
