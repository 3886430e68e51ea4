/**
 * Takeaways (what, who, when) and their +1s.
 */
import type * as Y from 'yjs'
import { TAKEAWAY_DEFAULTS, TakeawayInputSchema, TakeawayPatchSchema, type TakeawayInput, type TakeawayPatch } from '../../schema/index'
import { randomId } from '../../util/ids'
import { deleteRecord, hasRecord, insertRecord, orderFor, patchRecord, plusOneKey } from '../collections'
import { boardCollection } from '../roots'
import { checkActor, command, now, type Actor } from './command'

/**
 * Adds a takeaway at the end of the list and returns its id.
 *
 * @example
 * addTakeaway(board, { text: 'Pilot robot-assisted home care', who: 'Social services', when: 'year', trendIds: [trendId] }, me)
 */
export function addTakeaway(doc: Y.Doc, input: TakeawayInput, actor: Actor): string {
  checkActor(actor)
  const fields = TakeawayInputSchema.parse(input)
  return command(doc, () => {
    const id = randomId()
    insertRecord(doc, 'takeaways', {
      id,
      ...TAKEAWAY_DEFAULTS,
      ...fields,
      createdBy: actor.participantId,
      createdAt: now(),
      order: orderFor(doc, 'takeaways'),
    })
    return id
  })
}

export function updateTakeaway(doc: Y.Doc, id: string, patch: TakeawayPatch): boolean {
  const fields = TakeawayPatchSchema.parse(patch)
  return command(doc, () => patchRecord(doc, 'takeaways', id, fields))
}

/** Deletes a takeaway and its +1s. */
export function deleteTakeaway(doc: Y.Doc, id: string): boolean {
  return command(doc, () => {
    const plusOnes = boardCollection(doc, 'plusOnes')
    for (const key of [...plusOnes.keys()]) if (key.startsWith(`${id}|`)) plusOnes.delete(key)
    return deleteRecord(doc, 'takeaways', id)
  })
}

/**
 * Adds or removes the actor's +1 and returns whether it is now on. Each +1 is its own record
 * (`takeawayId|participantId`), so +1s given at the same moment by different people all count.
 *
 * @example
 * togglePlusOne(board, takeawayId, me) // true: +1 given
 */
export function togglePlusOne(doc: Y.Doc, takeawayId: string, actor: Actor): boolean {
  checkActor(actor)
  return command(doc, () => {
    const key = plusOneKey(takeawayId, actor.participantId)
    if (deleteRecord(doc, 'plusOnes', key)) return false
    if (!hasRecord(doc, 'takeaways', takeawayId)) return false
    insertRecord(doc, 'plusOnes', { takeawayId, participantId: actor.participantId })
    return true
  })
}
