import type { Logger } from '../log.ts'
import { randomInt } from 'node:crypto'
import { markJoinCodeIssued } from '../../shared/doc/index.ts'
import { makeJoinCode } from '../../shared/joinCode.ts'
import { CONTROL_DOC } from '../../shared/protocol.ts'
import type { DocStore, JoinCodeRecord } from '../store/docStore.ts'
import { RoomsFullError, type RoomRegistry } from '../sync/roomRegistry.ts'

/** Attempts at a code no other workshop holds; with 6 × 10⁸ codes a second try is already rare. */
const ATTEMPTS = 20

/**
 * Join codes: each workshop has one short code (see shared/joinCode.ts) that opens its participant
 * link. A code must open the workshop without the facilitator, so the server keeps the participant
 * key beside it (the facilitator and screen keys stay hashed); that key is the one the room sees
 * on the wall anyway. Issuing a new code drops the old one at once.
 */
export class JoinCodes {
  constructor(
    private readonly store: DocStore,
    private readonly registry: RoomRegistry,
    private readonly logger: Logger,
  ) {}

  /** A new code for the workshop; the previous one stops working. Tells the workshop's screens. */
  async issue(workshopId: string, participantKey: string): Promise<JoinCodeRecord> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const record: JoinCodeRecord = { code: makeJoinCode(randomInt), workshopId, participantKey, issuedAt: Date.now() }
      if (await this.store.putJoinCode(record)) {
        await this.announce(record)
        return record
      }
    }
    throw new Error(`no free join code after ${ATTEMPTS} attempts`)
  }

  /** The workshop's code, issuing one first if it has none (a workshop imported or made before codes). */
  async ensure(workshopId: string, participantKey: string): Promise<JoinCodeRecord> {
    return (await this.store.joinCodeOf(workshopId)) ?? this.issue(workshopId, participantKey)
  }

  current(workshopId: string): Promise<JoinCodeRecord | undefined> {
    return this.store.joinCodeOf(workshopId)
  }

  /** What a normalised code opens, or undefined. */
  resolve(code: string): Promise<JoinCodeRecord | undefined> {
    return this.store.findJoinCode(code)
  }

  /**
   * Projectors and consoles show the code; a mark in the control document makes them fetch the
   * new one at once. A busy server only delays that: they also fetch when they (re)open.
   */
  private async announce(record: JoinCodeRecord): Promise<void> {
    try {
      await this.registry.withRoom(record.workshopId, CONTROL_DOC, (control) => markJoinCodeIssued(control.doc, record.issuedAt))
    } catch (error) {
      if (!(error instanceof RoomsFullError)) this.logger.warn({ workshop: record.workshopId, err: error }, 'telling a workshop of its new join code failed')
    }
  }
}
