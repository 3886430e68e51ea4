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
    }
    await this.store.createWorkshop(record)
    return { id, keys }
  }

  /** The keys of a workshop as its facilitator key derives them now. */
  async keysOf(id: string, facilitatorKey: string): Promise<Record<Role, string>> {
    const record = await this.store.getWorkshop(id)
    return deriveKeys(id, facilitatorKey, record?.participantKeyGeneration ?? 0)
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

  exists(id: string): Promise<WorkshopRecord | undefined> {
    return this.store.getWorkshop(id)
  }

  /** The role a key grants in a workshop, or null. */
  async roleOf(workshopId: string, key: string | null | undefined): Promise<Role | null> {
    if (!key || !KEY_PATTERN.test(key)) return null
    const record = await this.store.getWorkshop(workshopId)
    if (!record) return null
    const hash = hashKey(key)
    if (sameHash(hash, record.facilitatorKeyHash)) return 'facilitator'
    if (sameHash(hash, record.participantKeyHash)) return 'participant'
    if (sameHash(hash, record.screenKeyHash)) return 'screen'
    return null
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
