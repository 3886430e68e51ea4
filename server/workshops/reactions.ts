import type * as Y from 'yjs'
import { countDraft, migrate, readControl, revealDrafts, setPrivateCounts } from '../../shared/doc/index.ts'
import { CONTROL_DOC, BOARD_DOC, DRAFT_DOC_PREFIX } from '../../shared/protocol.ts'
import type { DocStore } from '../store/docStore.ts'
import type { Room } from '../sync/room.ts'
import { RoomsFullError, type RoomRegistry } from '../sync/roomRegistry.ts'

interface ControlFacts {
  locked: boolean
  privateOn: boolean
  revealSeq: number
}

/**
 * What the server itself does to a workshop's documents, in reaction to what the facilitator
 * stored in `control`:
 * - remembers whether the workshop is locked, so board writes can be refused;
 * - keeps the private-mode card counts ("Anna: 3 cards") in `control`, read from the drafts;
 * - reveals every draft onto the board when the facilitator asks (revealSeq grows) or turns
 *   private mode off, so no card stays hidden once the room moves on.
 * It also brings every document to the current schema version as it loads.
 */
export class WorkshopReactions {
  private readonly facts = new Map<string, ControlFacts>()
  private readonly revealing = new Map<string, Promise<void>>()

  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: DocStore,
    private readonly log: (line: string) => void,
  ) {
    registry.listen({
      onLoad: (room) => this.onLoad(room),
      onStored: (room) => this.onStored(room),
    })
  }

  isLocked(workshopId: string): boolean {
    return this.facts.get(workshopId)?.locked ?? false
  }

  /** Loads the control document if needed, so the facts above are known before a board write. */
  async ensureControl(workshopId: string): Promise<void> {
    if (this.facts.has(workshopId)) return
    try {
      this.registry.releaseIfIdle(await this.registry.open(workshopId, CONTROL_DOC))
    } catch (error) {
      // The connection's own join meets the same condition and closes with its reason.
      if (!(error instanceof RoomsFullError)) throw error
    }
  }

  private onLoad(room: Room): void {
    const result = migrate(room.doc, room.kind)
    if (!result.ok) this.log(`${room.workshopId}/${room.docName} is schema version ${result.found}; this server understands ${result.supported}`)
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
      if (before && (now.revealSeq > before.revealSeq || (before.privateOn && !now.privateOn))) void this.reveal(room.workshopId)
    } else if (room.kind === 'draft') {
      void this.publishCount(room)
    }
  }

  private async publishCount(draft: Room): Promise<void> {
    const count = countDraft(draft.doc)
    if (!count) return
    const control = await this.registry.open(draft.workshopId, CONTROL_DOC)
    const counts = { ...readControl(control.doc).privateCounts }
    const previous = counts[count.participantId]
    if (previous?.count === count.count && previous.name === count.name) return
    counts[count.participantId] = { name: count.name, count: count.count }
    setPrivateCounts(control.doc, counts)
    this.registry.releaseIfIdle(control)
  }

  /** One reveal at a time per workshop; a request during one runs after it. */
  private reveal(workshopId: string): Promise<void> {
    const previous = this.revealing.get(workshopId) ?? Promise.resolve()
    const next = previous
      .then(() => this.revealNow(workshopId))
      .catch((error: unknown) => this.log(`reveal in ${workshopId} failed: ${String(error)}`))
    this.revealing.set(workshopId, next)
    return next
  }

  private async revealNow(workshopId: string): Promise<void> {
    const names = (await this.store.listDocs(workshopId)).filter((name) => name.startsWith(DRAFT_DOC_PREFIX))
    if (names.length === 0) return
    const drafts = await Promise.all(names.map((name) => this.registry.open(workshopId, name)))
    const withCards = drafts.filter((draft) => (countDraft(draft.doc)?.count ?? 0) > 0)
    if (withCards.length > 0) {
      const board = await this.registry.open(workshopId, BOARD_DOC)
      const added = revealDrafts(board.doc, withCards.map((draft) => draft.doc))
      this.log(`revealed ${added} private cards in ${workshopId}`)
      this.registry.releaseIfIdle(board)
    }
    for (const draft of drafts) this.registry.releaseIfIdle(draft)
  }
}

function readFacts(control: Y.Doc): ControlFacts {
  const session = readControl(control)
  return { locked: session.locked, privateOn: session.privateMode.on, revealSeq: session.privateMode.revealSeq }
}
