import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import type * as Y from 'yjs'
import { countDraft, migrate, readControl, revealDrafts, setPrivateCounts } from '../../shared/doc/index.ts'
import { CONTROL_DOC, BOARD_DOC, CloseCode, DRAFT_DOC_PREFIX } from '../../shared/protocol.ts'
import { soloRelay, type Relay } from '../cluster/relay.ts'
import type { DocStore } from '../store/docStore.ts'
import type { Room } from '../sync/room.ts'
import { RoomsFullError, type RoomRegistry } from '../sync/roomRegistry.ts'

/** Drafts opened at once while revealing. */
const REVEAL_BATCH = 8
/** Longest a reveal may hold its lease: a killed instance's lease runs out after this. */
const REVEAL_LEASE_MS = 60_000
/**
 * How long an instance waits, after another instance stored a change to a draft it also has
 * open, before checking that draft's count: long enough for the storing instance's count to
 * arrive, so the check finds it right and writes nothing.
 */
const RELAYED_COUNT_CHECK_MS = 1_000

interface ControlFacts {
  locked: boolean
  privateOn: boolean
  revealSeq: number
}

/**
 * What the server itself does to a workshop's documents, in reaction to what the facilitator
 * stored in `control`:
 * - remembers whether the workshop is locked, so board writes can be refused;
 * - keeps the private-mode card counts ("Anna: 3 cards") in `control`, read from the drafts.
 *   With several instances the count is written by the instance that stored the draft change,
 *   and written only when it differs from what `control` shows, so the same change never writes
 *   it twice. An instance that has the draft open and receives another's change checks the count
 *   a moment later: if two instances counted from drafts that had not yet met (one person on two
 *   devices), the later check corrects it; otherwise it finds the count right and writes nothing;
 * - reveals every draft onto the board when the facilitator asks (revealSeq grows) or turns
 *   private mode off, so no card stays hidden once the room moves on.
 * It also brings every document to the current schema version as it loads.
 */
export class WorkshopReactions {
  private readonly facts = new Map<string, ControlFacts>()
  private readonly revealing = new Map<string, Promise<void>>()
  private readonly countChecks = new Map<Room, NodeJS.Timeout>()

  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: DocStore,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    private readonly maxDrafts: number,
    /** With several instances, a reveal runs on one of them (the one that stored the request). */
    private readonly relay: Relay = soloRelay,
  ) {
    registry.listen({
      onLoad: (room) => this.onLoad(room),
      onStored: (room) => this.onStored(room),
      onRelayed: (room) => this.onRelayed(room),
    })
  }

  isLocked(workshopId: string): boolean {
    return this.facts.get(workshopId)?.locked ?? false
  }

  /** Loads the control document if needed, so the facts above are known before a board write. */
  async ensureControl(workshopId: string): Promise<void> {
    if (this.facts.has(workshopId)) return
    try {
      // Loading it is the point: onLoad reads the facts.
      await this.registry.withRoom(workshopId, CONTROL_DOC, () => {})
    } catch (error) {
      // The connection's own join meets the same condition and closes with its reason.
      if (!(error instanceof RoomsFullError)) throw error
    }
  }

  private onLoad(room: Room): void {
    const result = migrate(room.doc, room.kind)
    if (!result.ok)
      this.logger.error(
        { workshop: room.workshopId, doc: room.kind, found: result.found, supported: result.supported },
        'document is of a newer schema version than this server understands',
      )
    if (room.kind === 'control') {
      const facts = readFacts(room.doc)
      this.facts.set(room.workshopId, facts)
      // A reveal asked for just before a crash, or private mode left off with cards still in
      // drafts: finish it now.
      if (!facts.privateOn) void this.reveal(room.workshopId)
    }
  }

  private onStored(room: Room): void {
    if (room.kind === 'control') {
      const before = this.facts.get(room.workshopId)
      const now = readFacts(room.doc)
      this.facts.set(room.workshopId, now)
      if (before && revealAsked(before, now)) void this.reveal(room.workshopId)
    } else if (room.kind === 'draft') {
      void this.publishCount(room)
    }
  }

  /**
   * Another instance stored a change: the lock must hold here too, and when its private round
   * ends our clients' drafts close.
   */
  private onRelayed(room: Room): void {
    if (room.kind === 'draft') this.checkCountLater(room)
    if (room.kind !== 'control') return
    const before = this.facts.get(room.workshopId)
    const now = readFacts(room.doc)
    this.facts.set(room.workshopId, now)
    if (before?.privateOn && !now.privateOn) {
      void this.registry
        .drop(room.workshopId, (draft) => draft.kind === 'draft', CloseCode.goingAway, 'the private round is over')
        .catch((error: unknown) => this.logger.error({ workshop: room.workshopId, err: error }, 'closing drafts failed'))
    }
    // This instance asks for the reveal too: when both facilitators press "Reveal" at once, each
    // instance may learn of the other's press before its own is stored, and then its own store
    // sees nothing change; had only the storing instance asked, neither would have revealed. The
    // lease keeps it to one, and a second reveal finds no drafts left.
    if (before && revealAsked(before, now)) void this.reveal(room.workshopId)
  }

  private checkCountLater(draft: Room): void {
    if (this.countChecks.has(draft)) return
    const timer = setTimeout(() => {
      this.countChecks.delete(draft)
      if (this.registry.loaded(draft.workshopId, draft.docName) !== draft) return
      this.publishCount(draft)
        .then((wrote) => {
          this.metrics.draftCountChecks++
          if (wrote) this.metrics.draftCountRepairs++
        })
        .catch((error: unknown) => this.logger.error({ workshop: draft.workshopId, err: error }, 'counting a draft failed'))
    }, RELAYED_COUNT_CHECK_MS)
    timer.unref()
    this.countChecks.set(draft, timer)
  }

  /** Writes the draft's count into `control` when it differs from what is there; says whether it wrote. */
  private async publishCount(draft: Room): Promise<boolean> {
    const count = countDraft(draft.doc)
    if (!count) return false
    return this.registry.withRoom(draft.workshopId, CONTROL_DOC, (control) => {
      const counts = { ...readControl(control.doc).privateCounts }
      const previous = counts[count.participantId]
      if (previous?.count === count.count && previous.name === count.name) return false
      counts[count.participantId] = { name: count.name, count: count.count }
      setPrivateCounts(control.doc, counts)
      return true
    })
  }

  /** One reveal at a time per workshop; a request during one runs after it. */
  private reveal(workshopId: string): Promise<void> {
    const previous = this.revealing.get(workshopId) ?? Promise.resolve()
    const next = previous
      .then(async () => {
        await this.relay.withLease(`reveal:${workshopId}`, REVEAL_LEASE_MS, () => this.revealNow(workshopId))
      })
      .catch((error: unknown) => this.logger.error({ workshop: workshopId, err: error }, 'reveal failed'))
    this.revealing.set(workshopId, next)
    return next
  }

  /**
   * Why a draft may not be opened now, or null. Drafts exist only while a private round is open,
   * and a workshop holds at most `maxDrafts` of them: a participant key cannot fill the disk.
   */
  async draftRefusal(workshopId: string, docName: string): Promise<string | null> {
    await this.ensureControl(workshopId)
    if (!this.facts.get(workshopId)?.privateOn) return 'private writing is not open'
    const stored = (await this.store.listDocs(workshopId)).filter((name) => name.startsWith(DRAFT_DOC_PREFIX))
    if (stored.includes(docName) || this.registry.loaded(workshopId, docName)) return null
    if (stored.length >= this.maxDrafts) return 'this workshop has as many private drafts as it may hold'
    return null
  }

  /**
   * Copies the drafts onto the board a few at a time (each batch opened, revealed, released), so
   * a reveal never holds every draft in memory at once. Once the round is over the drafts are
   * deleted: their cards are on the board and nothing else in them is kept.
   */
  private async revealNow(workshopId: string): Promise<void> {
    const names = (await this.store.listDocs(workshopId)).filter((name) => name.startsWith(DRAFT_DOC_PREFIX))
    if (names.length === 0) return
    let added = 0
    for (let i = 0; i < names.length; i += REVEAL_BATCH) {
      added += await this.registry.withRooms(workshopId, names.slice(i, i + REVEAL_BATCH), (drafts) => {
        const withCards = drafts.filter((draft) => (countDraft(draft.doc)?.count ?? 0) > 0).map((draft) => draft.doc)
        if (withCards.length === 0) return 0
        return this.registry.withRoom(workshopId, BOARD_DOC, (board) => revealDrafts(board.doc, withCards))
      })
    }
    if (added > 0) this.logger.info({ workshop: workshopId, cards: added }, 'revealed private cards')
    if (this.facts.get(workshopId)?.privateOn) return
    const round = new Set(names)
    await this.registry.drop(workshopId, (room) => round.has(room.docName), CloseCode.goingAway, 'the private round is over')
    await this.store.deleteDocs(workshopId, names)
  }
}

/** The facilitator revealed, or ended the private round, between these two readings of the control document. */
function revealAsked(before: ControlFacts, now: ControlFacts): boolean {
  return now.revealSeq > before.revealSeq || (before.privateOn && !now.privateOn)
}

function readFacts(control: Y.Doc): ControlFacts {
  const session = readControl(control)
  return { locked: session.locked, privateOn: session.privateMode.on, revealSeq: session.privateMode.revealSeq }
}
