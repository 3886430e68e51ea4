/**
 * Participants as the board knows them (name, colour) and their "ready" toggles.
 */
import type * as Y from 'yjs'
import { ParticipantSchema, colorForId, type Participant } from '../../schema/index'
import { getRecord, insertRecord, patchRecord, readyKey } from '../collections'
import { checkActor, command, now, type Actor } from './command'

/**
 * Records the actor as a participant, or renames them when they joined before (a second device
 * of the same person). Returns the record as stored.
 *
 * @example
 * joinAsParticipant(board, { participantId: localId }, 'Anna')
 */
export function joinAsParticipant(doc: Y.Doc, actor: Actor, name: string): Participant {
  checkActor(actor)
  const valid = ParticipantSchema.shape.name.parse(name)
  return command(doc, () => {
    const existing = getRecord(doc, 'participants', actor.participantId)
    if (existing) {
      patchRecord(doc, 'participants', actor.participantId, { name: valid })
      return { ...existing, name: valid }
    }
    return insertRecord(doc, 'participants', {
      id: actor.participantId,
      name: valid,
      color: colorForId(actor.participantId),
      joinedAt: now(),
    })
  })
}

/** Renames the actor; `false` when they have not joined. */
export function setParticipantName(doc: Y.Doc, actor: Actor, name: string): boolean {
  checkActor(actor)
  const valid = ParticipantSchema.shape.name.parse(name)
  return command(doc, () => patchRecord(doc, 'participants', actor.participantId, { name: valid }))
}

/** The actor's "I'm done with this stage" toggle. */
export function setReady(doc: Y.Doc, stageId: string, ready: boolean, actor: Actor): void {
  checkActor(actor)
  command(doc, () => {
    const key = readyKey(stageId, actor.participantId)
    if (!patchRecord(doc, 'ready', key, { ready })) insertRecord(doc, 'ready', { stageId, participantId: actor.participantId, ready })
  })
}
