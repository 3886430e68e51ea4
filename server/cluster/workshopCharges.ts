import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Logger } from '../log.ts'
import { soloRelay, type Relay } from './relay.ts'

/** A workshop's channel of charges. No slash: RoomLink reads only documents' `<workshop>/<doc>` channels. */
const CHANNEL_PREFIX = 'charges:'
/** Where the last instance to spend from a workshop's allowance keeps its level (`Relay.remember`). */
const LEVEL_PREFIX = 'allowance:'
/**
 * How long a new copy waits after reading the kept level before taking it: a charge already in
 * that level was sent on the subscription before the level was read, but on another connection,
 * which Node may read a moment later. Taken after it, the lower of the two counts it once.
 */
const SETTLE_MS = 20

/** How long a socket waits at most for its copies to take the kept levels (`whenSettled`). */
const SETTLE_WAIT_MOST_MS = 500

/**
 * The allowance of all a workshop's facilitators (content, in KiB), among the people's in a
 * charge: no participant id looks like it (participant ids are URL-safe base64).
 */
export const FACILITATORS_ALLOWANCE = '\u0001facilitators'
/** People in one charge at most: a turn's writers of one workshop (a bound on a message's cost). */
const MOST_PEOPLE_PER_CHARGE = 1_000

/** This instance's copies of the workshops' allowances, as the charges need them. */
export interface AllowanceCopies {
  /** Spends what another instance admitted (not told again). */
  spendRelayed(workshopId: string, records: number): void
  /**
   * Spends what another instance admitted from one person's allowance (`''` for the participants
   * without an identity; FACILITATORS_ALLOWANCE for the facilitators' content), making this
   * instance's copy of it if need be, so that their next socket here finds it spent.
   */
  spendPersonRelayed(workshopId: string, who: string, records: number): void
  /**
   * The copy's level now (negative while owed) and how long until it is full again, of the
   * workshop's allowance or with `who` of one person's; undefined without a copy.
   */
  levelOf(workshopId: string, who?: string): { level: number; msUntilFull: number } | undefined
  /** Lowers a copy (the workshop's, or with `who` one person's) to the level another copy had at `at` (epoch ms), refilled since. */
  lowerTo(workshopId: string, level: number, at: number, who?: string): void
}

/**
 * Keeps a workshop's writing allowance (the records all its participants may add, see
 * `WRITE_BURST_PER_WORKSHOP`) one for every instance. Each instance keeps a copy: it spends what
 * its own participants write and, once per turn, tells the others on the workshop's channel and
 * keeps its copy's level in Redis; it spends what the others tell it. A copy made later (the
 * workshop's first connection to this instance) starts from the level kept in Redis, then follows
 * the channel. Each person's allowance (and the facilitators') goes the same way: told with the
 * workshop's charges, its level kept beside the workshop's, and a person's copy made here later
 * (their first socket here) starts from it, so a person spread over several instances gets one
 * allowance even where the workshop was opened after they wrote. The copies see the same spends and refill alike, so they agree, a few milliseconds
 * behind, and scripted identities spread over several instances get one allowance, not one each.
 *
 * Not covered: what is published while Redis is away (each copy then allows its own for as
 * long), and a charge in the kept level that reaches a new copy more than SETTLE_MS after the
 * level does (counted twice: the copy owes more for a while). The level's time is the writing
 * instance's clock: a skew of a second between instances is a second's refill.
 */
export class WorkshopCharges {
  /** Workshops this instance follows (has a copy of the allowance of). */
  private readonly following = new Set<string>()
  /** Records charged here in this turn, by workshop (and by person in it), not yet told. */
  private readonly due = new Map<string, { workshop: number; people: Map<string, number> }>()
  /**
   * Workshops whose copy here has taken the kept level (or found none): only those keep theirs,
   * so a copy that has not yet heard of the others' spending never passes for the allowance's level.
   */
  private readonly settled = new Set<string>()
  /** The same for people's copies, by workshop. */
  private readonly settledPeople = new Map<string, Set<string>>()
  /** Each followed workshop's subscription: a person's copy takes its kept level only after it. */
  private readonly subscribed = new Map<string, Promise<void>>()
  /** When each copy (by `levelKey`) has taken the kept level, or found none, or failed to read it. */
  private readonly taking = new Map<string, Promise<void>>()
  private scheduled = false
  /** Alone there is no one to tell, nor anything to hear. */
  private readonly alone: boolean

  constructor(
    private readonly relay: Relay,
    private readonly copies: AllowanceCopies,
    private readonly logger: Logger,
    /**
     * What one instance can admit at once (a whole allowance and a piece past it): a charge, or a
     * debt in a kept level, past it is taken as this much, so a corrupt message or value cannot
     * lock a workshop for days.
     */
    private readonly mostAtOnce: number,
  ) {
    this.alone = relay === soloRelay
    relay.onMessage((channel, message) => {
      if (!channel.startsWith(CHANNEL_PREFIX)) return
      const workshopId = channel.slice(CHANNEL_PREFIX.length)
      try {
        const decoder = decoding.createDecoder(message)
        copies.spendRelayed(workshopId, Math.min(decoding.readVarUint(decoder), this.mostAtOnce))
        // People's charges follow (an instance of an earlier version sends none).
        const people = decoding.hasContent(decoder) ? Math.min(decoding.readVarUint(decoder), MOST_PEOPLE_PER_CHARGE) : 0
        for (let i = 0; i < people; i++) {
          const who = decoding.readVarString(decoder)
          copies.spendPersonRelayed(workshopId, who, Math.min(decoding.readVarUint(decoder), this.mostAtOnce))
        }
      } catch (error) {
        this.logger.warn({ workshop: workshopId, err: error }, 'a charge from another instance was not understood')
      }
    })
  }

  /** Called when this instance makes a copy: follows the charges, then takes the level the others left. */
  follow(workshopId: string): void {
    if (this.alone) return
    this.following.add(workshopId)
    this.settledPeople.set(workshopId, new Set())
    // Subscribed first: a charge told after the level was kept then arrives, and one told before
    // is in the level; taking the lower of the two counts it once.
    const subscribed = this.relay.subscribe(CHANNEL_PREFIX + workshopId)
    this.subscribed.set(workshopId, subscribed)
    this.takeKeptLevel(workshopId, subscribed)
  }

  /** Called when this instance makes a copy of one person's allowance (after `follow`): takes the level the others left. */
  followPerson(workshopId: string, who: string): void {
    const subscribed = this.subscribed.get(workshopId)
    if (subscribed) this.takeKeptLevel(workshopId, subscribed, who)
  }

  /**
   * Resolves once this instance's copies of the workshop's allowance and of `who`'s (a person, or
   * FACILITATORS_ALLOWANCE) have taken the levels the others kept: a socket's first change must
   * not find a copy full that the person spent elsewhere. At once when alone.
   */
  async whenSettled(workshopId: string, who: string): Promise<void> {
    const taking = [this.taking.get(levelKey(workshopId)), this.taking.get(levelKey(workshopId, who))].filter((promise) => promise !== undefined)
    if (taking.length === 0) return
    // A Redis that stopped answering must not hold connections: past this the copy is used as it is.
    let timer: NodeJS.Timeout | undefined
    await Promise.race([Promise.all(taking), new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_WAIT_MOST_MS)))])
    clearTimeout(timer)
  }

  private takeKeptLevel(workshopId: string, subscribed: Promise<void>, who?: string): void {
    const key = levelKey(workshopId, who)
    const taken = subscribed
      .then(() => this.relay.recall(levelKey(workshopId, who)))
      .then((recalled) => new Promise<string | null>((resolve) => setTimeout(() => resolve(recalled), SETTLE_MS)))
      .then((recalled) => {
        // Dropped meanwhile: a copy made since follows on its own.
        if (this.subscribed.get(workshopId) !== subscribed) return
        const kept = recalled === null ? undefined : parseLevel(recalled)
        if (kept) this.copies.lowerTo(workshopId, Math.max(kept.level, -this.mostAtOnce), kept.at, who)
        if (who === undefined) this.settled.add(workshopId)
        else this.settledPeople.get(workshopId)?.add(who)
        // What was spent here meanwhile is in this copy, and only now may be kept.
        this.keepLevel(workshopId, who)
      })
      .catch((error: unknown) => this.logger.warn({ workshop: workshopId, err: error }, "could not follow the workshop's charges"))
      .finally(() => {
        if (this.taking.get(key) === taken) this.taking.delete(key)
      })
    this.taking.set(key, taken)
  }

  unfollow(workshopId: string): void {
    if (this.alone) return
    this.relay.unsubscribe(CHANNEL_PREFIX + workshopId)
    this.following.delete(workshopId)
    this.subscribed.delete(workshopId)
    this.settled.delete(workshopId)
    this.settledPeople.delete(workshopId)
    this.due.delete(workshopId)
  }

  /**
   * Records (fractions too) this instance charged to the workshop's allowance, or with `who` to
   * one person's (or the facilitators'): told to the others at the end of the turn.
   */
  charged(workshopId: string, records: number, who?: string): void {
    if (this.alone || records <= 0) return
    let owed = this.due.get(workshopId)
    if (!owed) this.due.set(workshopId, (owed = { workshop: 0, people: new Map() }))
    if (who === undefined) owed.workshop += records
    else owed.people.set(who, (owed.people.get(who) ?? 0) + records)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => this.tell())
  }

  private tell(): void {
    this.scheduled = false
    for (const [workshopId, owed] of this.due) {
      // Whole records only: content counts in fractions of one (a record per KiB), and a letter
      // typed is a thousandth. What is left waits for the next turn with a charge, so thirty
      // typists are not charged a record a keystroke, nor a message each.
      const whole = Math.floor(owed.workshop)
      const people = [...owed.people].map(([who, records]) => [who, Math.floor(records)] as const).filter(([, records]) => records > 0)
      if (whole === 0 && people.length === 0) continue
      const message = encoding.encode((encoder) => {
        encoding.writeVarUint(encoder, whole)
        encoding.writeVarUint(encoder, people.length)
        for (const [who, records] of people) {
          encoding.writeVarString(encoder, who)
          encoding.writeVarUint(encoder, records)
        }
      })
      this.relay.publish(CHANNEL_PREFIX + workshopId, Buffer.from(message.buffer, message.byteOffset, message.byteLength))
      if (whole > 0) this.keepLevel(workshopId)
      for (const [who] of people) this.keepLevel(workshopId, who)
      owed.workshop -= whole
      for (const [who, records] of people) {
        const left = owed.people.get(who)! - records
        if (left > 0) owed.people.set(who, left)
        else owed.people.delete(who)
      }
      if (owed.workshop === 0 && owed.people.size === 0) this.due.delete(workshopId)
    }
  }

  /**
   * Keeps this copy's level (the workshop's, or with `who` a person's) for copies made later,
   * until it would have refilled (a level gone from Redis is a full allowance).
   */
  private keepLevel(workshopId: string, who?: string): void {
    const settled = who === undefined ? this.settled.has(workshopId) : this.settledPeople.get(workshopId)?.has(who)
    const copy = settled ? this.copies.levelOf(workshopId, who) : undefined
    if (!copy || !(copy.msUntilFull > 0) || !Number.isFinite(copy.msUntilFull)) return
    this.relay.remember(levelKey(workshopId, who), JSON.stringify({ level: copy.level, at: Date.now() }), copy.msUntilFull)
  }
}

/** Where a workshop's allowance level is kept, or with `who` one person's in it. */
function levelKey(workshopId: string, who?: string): string {
  return who === undefined ? LEVEL_PREFIX + workshopId : `${LEVEL_PREFIX}${workshopId}:${who}`
}

function parseLevel(kept: string): { level: number; at: number } | undefined {
  try {
    const { level, at } = JSON.parse(kept) as { level?: unknown; at?: unknown }
    return typeof level === 'number' && Number.isFinite(level) && typeof at === 'number' && Number.isFinite(at) ? { level, at } : undefined
  } catch {
    return undefined
  }
}
