import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Logger } from '../log.ts'
import { soloRelay, type Relay } from './relay.ts'

/** A workshop's channel of charges. No slash: RoomLink reads only documents' `<workshop>/<doc>` channels. */
const CHANNEL_PREFIX = 'charges:'

/**
 * Keeps a workshop's writing allowance (the records all its participants may add, see
 * `WRITE_BURST_PER_WORKSHOP`) one for every instance. Each instance keeps a copy: it spends what
 * its own participants write and tells the others, once per turn, on the workshop's channel; it
 * spends what they tell it. The copies see the same spends and refill at the same rate, so they
 * agree, a few milliseconds behind; scripted identities spread over several instances get one
 * allowance, not one per instance.
 *
 * An instance follows the channel while it keeps a copy (see upgrade.ts: while it has
 * connections to the workshop, and until the copy has refilled). What is published while Redis is
 * away is not replayed: the copies then each allow their own for as long.
 */
export class WorkshopCharges {
  /** Records charged here in this turn, by workshop, not yet told. */
  private readonly due = new Map<string, number>()
  private scheduled = false
  /** Alone there is no one to tell, nor anything to hear. */
  private readonly alone: boolean

  constructor(
    private readonly relay: Relay,
    private readonly logger: Logger,
    onCharge: (workshopId: string, records: number) => void,
  ) {
    this.alone = relay === soloRelay
    relay.onMessage((channel, message) => {
      if (!channel.startsWith(CHANNEL_PREFIX)) return
      const workshopId = channel.slice(CHANNEL_PREFIX.length)
      try {
        onCharge(workshopId, decoding.readVarUint(decoding.createDecoder(message)))
      } catch (error) {
        this.logger.warn({ workshop: workshopId, err: error }, 'a charge from another instance was not understood')
      }
    })
  }

  follow(workshopId: string): void {
    if (this.alone) return
    this.relay.subscribe(CHANNEL_PREFIX + workshopId).catch((error: unknown) => {
      this.logger.warn({ workshop: workshopId, err: error }, "could not follow the workshop's charges")
    })
  }

  unfollow(workshopId: string): void {
    if (!this.alone) this.relay.unsubscribe(CHANNEL_PREFIX + workshopId)
  }

  /** Records this instance charged to the workshop's allowance: told to the others at the end of the turn. */
  charged(workshopId: string, records: number): void {
    if (this.alone || records <= 0) return
    this.due.set(workshopId, (this.due.get(workshopId) ?? 0) + records)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => this.tell())
  }

  private tell(): void {
    this.scheduled = false
    for (const [workshopId, records] of this.due) {
      const message = encoding.encode((encoder) => encoding.writeVarUint(encoder, records))
      this.relay.publish(CHANNEL_PREFIX + workshopId, Buffer.from(message.buffer, message.byteOffset, message.byteLength))
    }
    this.due.clear()
  }
}
