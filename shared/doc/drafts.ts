/**
 * Private drafts. While private mode is on, each participant writes signals into their own draft
 * document (same `signals` root as the board, so `addSignal` and friends work on it unchanged);
 * the server counts them for the room and, on reveal, copies them onto the board.
 */
import type * as Y from 'yjs'
import { DraftOwnerSchema, type DraftOwner, type Signal } from '../schema/index'
import { orderAfterAll } from '../util/order'
import { writeFields } from './codec'
import { BOARD_SPECS, insertRecord, orderFor } from './collections'
import { command } from './commands/command'
import { writeSchemaVersion } from './migrate'
import { SERVER_ORIGIN } from './origin'
import { readCollection, readDraftOwner } from './read'
import { boardCollection, draftOwnerRoot } from './roots'

/**
 * Names the owner of a fresh draft (and renames them later). The name is shown next to their
 * card count; the draft's own id stays secret.
 *
 * @example
 * initDraft(draftDoc, { participantId: me.participantId, name: 'Anna' })
 */
export function initDraft(doc: Y.Doc, owner: DraftOwner): void {
  const valid = DraftOwnerSchema.parse(owner)
  command(doc, () => {
    writeFields(draftOwnerRoot(doc), valid)
    writeSchemaVersion(doc, 'draft')
  })
}

/** What the server publishes about a draft: whose it is and how many cards it holds. */
export interface DraftCount {
  readonly participantId: string
  readonly name: string
  readonly count: number
}

/** Counts a draft's valid signals; `null` for a draft without a (valid) owner. */
export function countDraft(draft: Y.Doc): DraftCount | null {
  const owner = readDraftOwner(draft)
  if (!owner) return null
  const count = readCollection(boardCollection(draft, 'signals'), BOARD_SPECS.signals).size
  return { participantId: owner.participantId, name: owner.name, count }
}

/**
 * Copies every valid draft signal onto the board under its own id, then empties the drafts.
 * Keeping the id makes it idempotent: a signal already on the board (a second reveal, a retry
 * after a crash between the two steps) is not copied again, and an edit made on the board since
 * is not overwritten. Revealed cards go to the end of the wall in the order they were written.
 * Returns how many cards were added.
 *
 * @example
 * // server, when control's privateMode.revealSeq grows:
 * revealDrafts(board, drafts)
 */
export function revealDrafts(board: Y.Doc, drafts: readonly Y.Doc[], origin: unknown = SERVER_ORIGIN): number {
  return moveToBoard(board, drafts, origin, (signals, id) => signals.has(id))
}

/**
 * A device's draft after the round (the server revealed and deleted the drafts): the cards in it
 * the board never had — written offline while the facilitator revealed, or sent too late — go
 * onto the board as the reveal would have put them; then the draft is emptied. A card the board
 * had once is left out even if someone deleted it since (Yjs keeps a deleted key's last entry):
 * the reveal brought it, and bringing it back would undo that deletion.
 */
export function revealLeftovers(board: Y.Doc, draft: Y.Doc, origin: unknown): number {
  return moveToBoard(board, [draft], origin, (signals, id) => signals._map.has(id))
}

function moveToBoard(board: Y.Doc, drafts: readonly Y.Doc[], origin: unknown, skip: (signals: Y.Map<unknown>, id: string) => boolean): number {
  const incoming: Signal[] = []
  for (const draft of drafts) incoming.push(...readCollection(boardCollection(draft, 'signals'), BOARD_SPECS.signals).values())
  incoming.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  let added = 0
  board.transact(() => {
    const signals = boardCollection(board, 'signals')
    let order: string | null = null
    for (const signal of incoming) {
      if (skip(signals, signal.id)) continue
      // One scan of the wall for the first key, then each next key after the previous one.
      order = order === null ? orderFor(board, 'signals') : orderAfterAll([order])
      insertRecord(board, 'signals', { ...signal, order })
      added++
    }
  }, origin)
  // Only after the board holds them: a crash in between leaves cards in both places (harmless,
  // the next reveal skips them), never in neither.
  for (const draft of drafts) {
    draft.transact(() => {
      const signals = boardCollection(draft, 'signals')
      for (const key of [...signals.keys()]) signals.delete(key)
    }, origin)
  }
  return added
}
