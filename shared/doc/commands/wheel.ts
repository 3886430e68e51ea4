/**
 * Futures wheels: consequences ring by ring around a trend.
 */
import type * as Y from 'yjs'
import { MAX_RING, WheelNodePatchSchema, type WheelNodePatch } from '../../schema/index'
import { randomId } from '../../util/ids'
import { deleteRecord, getRecord, hasRecord, insertRecord, listRecords, orderFor, patchRecord } from '../collections'
import { checkActor, command, type Actor } from './command'

export interface WheelNodeInput extends WheelNodePatch {
  /** The trend at the wheel's centre. */
  readonly trendId: string
  /** The consequence this one follows from; `null` = directly from the trend. */
  readonly parentId: string | null
  readonly groupId?: string | null
}

/**
 * Adds a consequence one ring further out than its parent and returns its id; `null` when the
 * trend or parent is gone, the parent is on another wheel, or the ring would pass the third.
 *
 * @example
 * const first = addWheelNode(board, { trendId, parentId: null, text: 'Fewer care homes', valence: 'mixed' }, me)
 * addWheelNode(board, { trendId, parentId: first, text: 'Homes adapted for care' }, me)
 */
export function addWheelNode(doc: Y.Doc, input: WheelNodeInput, actor: Actor): string | null {
  checkActor(actor)
  const fields = WheelNodePatchSchema.parse({ text: input.text ?? '', valence: input.valence ?? '' })
  return command(doc, () => {
    if (!hasRecord(doc, 'trends', input.trendId)) return null
    let ring = 1
    if (input.parentId !== null) {
      const parent = getRecord(doc, 'wheelNodes', input.parentId)
      if (!parent || parent.trendId !== input.trendId || parent.ring >= MAX_RING) return null
      ring = parent.ring + 1
    }
    const id = randomId()
    insertRecord(doc, 'wheelNodes', {
      id,
      trendId: input.trendId,
      parentId: input.parentId,
      ring,
      text: fields.text ?? '',
      valence: fields.valence ?? '',
      order: orderFor(doc, 'wheelNodes', { where: (entry) => entry.get('parentId') === input.parentId && entry.get('trendId') === input.trendId }),
      authorId: actor.participantId,
      groupId: input.groupId ?? null,
    })
    return id
  })
}

/** Writes a consequence's text or valence. */
export function updateWheelNode(doc: Y.Doc, id: string, patch: WheelNodePatch): boolean {
  const fields = WheelNodePatchSchema.parse(patch)
  return command(doc, () => patchRecord(doc, 'wheelNodes', id, fields))
}

/**
 * Deletes a consequence and everything that follows from it; returns how many nodes went. A
 * child added concurrently under a deleted node is left orphaned and hidden by `wheelTree`.
 */
export function deleteWheelNode(doc: Y.Doc, id: string): number {
  return command(doc, () => {
    const nodes = listRecords(doc, 'wheelNodes')
    const doomed = new Set<string>([id])
    // Rings are at most three deep, but a loop of parent ids from a bad peer must not spin forever.
    let grew = true
    while (grew) {
      grew = false
      for (const node of nodes) {
        if (node.parentId !== null && doomed.has(node.parentId) && !doomed.has(node.id)) {
          doomed.add(node.id)
          grew = true
        }
      }
    }
    let deleted = 0
    for (const nodeId of doomed) if (deleteRecord(doc, 'wheelNodes', nodeId)) deleted++
    return deleted
  })
}
