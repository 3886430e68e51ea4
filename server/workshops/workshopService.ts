import { KEY_PATTERN, workshopLink, type Role } from '../../shared/protocol.ts'
import type { DocStore, WorkshopRecord } from '../store/docStore.ts'
import { deriveKeys, hashKey, newFacilitatorKey, newWorkshopId, sameHash } from './keys.ts'

export interface CreatedWorkshop {
  id: string
  keys: Record<Role, string>
  links: Record<Role, string>
}

/** Workshops and their keys: creation, and which role a key grants. */
export class WorkshopService {
  constructor(private readonly store: DocStore) {}

  async create(title: string): Promise<{ id: string; keys: Record<Role, string> }> {
    const id = newWorkshopId()
    const keys = deriveKeys(id, newFacilitatorKey())
    const record: WorkshopRecord = {
      id,
      title,
      createdAt: Date.now(),
      facilitatorKeyHash: hashKey(keys.facilitator),
      participantKeyHash: hashKey(keys.participant),
      screenKeyHash: hashKey(keys.screen),
      participantKeyGeneration: 0,
      boardGeneration: 0,
    }
    await this.store.createWorkshop(record)
    return { id, keys }
  }

  /** The keys of a workshop as its facilitator key derives them now (from the record `identify` read). */
  static keysOf(record: WorkshopRecord, facilitatorKey: string): Record<Role, string> {
    return deriveKeys(record.id, facilitatorKey, record.participantKeyGeneration)
  }

  /** Replaces the participant key (the old link and QR code stop working); returns the new keys. */
  async rotateParticipantKey(id: string, facilitatorKey: string): Promise<Record<Role, string>> {
    const record = await this.store.getWorkshop(id)
    if (!record) throw new Error('no such workshop')
    const generation = record.participantKeyGeneration + 1
    const keys = deriveKeys(id, facilitatorKey, generation)
    await this.store.setParticipantKey(id, hashKey(keys.participant), generation)
    return keys
  }

  /**
   * The workshop and the role a key grants in it (null for a missing or wrong key), from ONE read
   * of the store: every connection and API call asks this, so a room of 60 opening the workshop
   * at once costs 60 × (board, control, identity) reads, not twice that.
   */
  async identify(workshopId: string, key: string | null | undefined): Promise<{ record?: WorkshopRecord; role: Role | null }> {
    const record = await this.store.getWorkshop(workshopId)
    return { record, role: record ? roleIn(record, key) : null }
  }

  static describe(origin: string, id: string, keys: Record<Role, string>): CreatedWorkshop {
    return {
      id,
      keys,
      links: {
        facilitator: workshopLink(origin, id, 'facilitator', keys.facilitator),
        participant: workshopLink(origin, id, 'participant', keys.participant),
        screen: workshopLink(origin, id, 'screen', keys.screen),
      },
    }
  }
}

/** The role a key grants in a workshop, or null (compared in constant time). */
function roleIn(record: WorkshopRecord, key: string | null | undefined): Role | null {
  if (!key || !KEY_PATTERN.test(key)) return null
  const hash = hashKey(key)
  if (sameHash(hash, record.facilitatorKeyHash)) return 'facilitator'
  if (sameHash(hash, record.participantKeyHash)) return 'participant'
  if (sameHash(hash, record.screenKeyHash)) return 'screen'
  return null
}
