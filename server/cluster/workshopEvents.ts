import type { Logger } from '../log.ts'
import * as z from 'zod/mini'
import { BOARD_RENEWED_REASON, CloseCode, ID_PATTERN } from '../../shared/protocol.ts'
import type { DocStore } from '../store/docStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import type { Relay } from './relay.ts'

/** Not a document's channel (those are `<workshop>/<doc>`): news about whole workshops. */
export const WORKSHOP_EVENTS_CHANNEL = 'workshops'

const eventSchema = z.object({
  type: z.enum(['keys', 'deleted', 'renewed']),
  workshopId: z.string().check(z.regex(ID_PATTERN)),
  /** The board's new generation, for `renewed`. */
  generation: z.optional(z.number().check(z.int(), z.nonnegative())),
})

/** What the other instances must act on, as the instance that handled the request already did. */
export interface WorkshopEventHandlers {
  /** A key of the workshop was replaced: close connections whose key no longer grants their role. */
  keysChanged(workshopId: string): Promise<void>
  /** The workshop was deleted: close its connections and forget its rooms. */
  deleted(workshopId: string): Promise<void>
  /** The board's history started afresh: close the connections of an older generation and forget its room. */
  renewed(workshopId: string, generation: number): Promise<void>
}

/**
 * Key rotation, deletion and a board started afresh, told to every instance. The request lands on one instance, which
 * closes its own old-key connections; the others hear it here and check their connections
 * against the database, so the old participant link stops on every instance at once.
 * A message lost while Redis is away is not replayed; instead, when the link returns, every
 * instance checks all its connections' keys again (see `startWorkshopEvents`).
 */
export class WorkshopEvents {
  constructor(
    private readonly relay: Relay,
    private readonly logger: Logger,
  ) {}

  /** Starts acting on other instances' news; resolves once subscribed. */
  async listen(handlers: WorkshopEventHandlers): Promise<void> {
    this.relay.onMessage((channel, message) => {
      if (channel !== WORKSHOP_EVENTS_CHANNEL) return
      let event: z.infer<typeof eventSchema>
      try {
        event = eventSchema.parse(JSON.parse(message.toString('utf8')))
      } catch (error) {
        this.logger.warn({ err: error }, 'a workshop event from another instance was not understood')
        return
      }
      const handled =
        event.type === 'keys'
          ? handlers.keysChanged(event.workshopId)
          : event.type === 'deleted'
            ? handlers.deleted(event.workshopId)
            : handlers.renewed(event.workshopId, event.generation ?? 0)
      handled.catch((error: unknown) => this.logger.error({ workshop: event.workshopId, event: event.type, err: error }, 'acting on a workshop event failed'))
    })
    await this.relay.subscribe(WORKSHOP_EVENTS_CHANNEL)
  }

  keysChanged(workshopId: string): void {
    this.publish({ type: 'keys', workshopId })
  }

  deleted(workshopId: string): void {
    this.publish({ type: 'deleted', workshopId })
  }

  renewed(workshopId: string, generation: number): void {
    this.publish({ type: 'renewed', workshopId, generation })
  }

  private publish(event: z.infer<typeof eventSchema>): void {
    this.relay.publish(WORKSHOP_EVENTS_CHANNEL, Buffer.from(JSON.stringify(event)))
  }
}

/** The parts of an instance that act on the news. */
interface Instance {
  registry: Pick<RoomRegistry, 'drop' | 'discardBoard' | 'discardStaleBoards'>
  store: Pick<DocStore, 'deleteWorkshop'>
  sync: { recheckKeys(workshopId: string | null, code: number, reason: string): Promise<void> }
}

/**
 * Acts on other instances' news: a key change closes the connections whose key stopped working;
 * a deletion closes everything of the workshop, forgets its rooms and deletes whatever this
 * instance stored while the news travelled; a board started afresh is closed and forgotten here.
 * After Redis was away (news may have been missed), every connection's key and every loaded
 * board's generation is checked again. Returns the events, to announce this instance's own.
 */
export async function startWorkshopEvents(relay: Relay, { registry, store, sync }: Instance, logger: Logger): Promise<WorkshopEvents> {
  const events = new WorkshopEvents(relay, logger)
  await events.listen({
    keysChanged: (id) => sync.recheckKeys(id, CloseCode.forbidden, 'this link was replaced; ask for the new one'),
    deleted: async (id) => {
      await registry.drop(id, () => true, CloseCode.forbidden, 'this workshop was deleted')
      await store.deleteWorkshop(id)
      await sync.recheckKeys(id, CloseCode.forbidden, 'this workshop was deleted')
    },
    renewed: async (id, generation) => registry.discardBoard(id, generation, CloseCode.renewed, BOARD_RENEWED_REASON),
  })
  relay.onResync(() => {
    sync
      .recheckKeys(null, CloseCode.forbidden, 'this link no longer works; ask for the new one')
      .catch((error: unknown) => logger.error({ err: error }, 'checking keys after the Redis link returned failed'))
    // A board started afresh elsewhere meanwhile: this instance's copy is of the old generation.
    registry
      .discardStaleBoards(CloseCode.renewed, BOARD_RENEWED_REASON)
      .catch((error: unknown) => logger.error({ err: error }, 'checking board generations after the Redis link returned failed'))
  })
  return events
}
