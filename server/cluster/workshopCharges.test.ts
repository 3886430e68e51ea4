import { describe, expect, it, vi } from 'vitest'
import { capturedLogger } from '../../tests/support/logLines.ts'
import type { Logger } from '../log.ts'
import { TokenBucket } from '../sync/tokenBucket.ts'
import { soloRelay, type Relay } from './relay.ts'
import { FACILITATORS_ALLOWANCE, WorkshopCharges, type AllowanceCopies } from './workshopCharges.ts'

/**
 * Two instances' relays joined in this process, as Redis joins them: what one publishes on a
 * channel the other follows reaches it, and what one keeps the other can read.
 */
function joinedRelays(): [Relay, Relay] {
  const kept = new Map<string, string>()
  const ends = [0, 1].map(() => ({ channels: new Set<string>(), handlers: [] as ((channel: string, message: Buffer) => void)[] }))
  const relays = ends.map((end, i): Relay => {
    const other = ends[1 - i]!
    return {
      ...soloRelay,
      subscribe: async (channel: string) => void end.channels.add(channel),
      unsubscribe: (channel: string) => void end.channels.delete(channel),
      publish: (channel: string, message: Buffer) => {
        if (other.channels.has(channel)) for (const handler of other.handlers) handler(channel, message)
      },
      onMessage: (handler: (channel: string, message: Buffer) => void) => void end.handlers.push(handler),
      remember: (key: string, value: string) => void kept.set(key, value),
      recall: async (key: string) => kept.get(key) ?? null,
    }
  })
  return [relays[0]!, relays[1]!]
}

/** A copy's name: the workshop's, or with `who` a person's in it ("w1 anna"). */
const personal = (id: string, who?: string) => (who === undefined ? id : `${id} ${who}`)

/** One instance's copies: 1,000 records at once, refilling one a minute (none refill in a test). */
function copies(): AllowanceCopies & { buckets: Map<string, TokenBucket>; make(id: string): TokenBucket } {
  const buckets = new Map<string, TokenBucket>()
  const copy = (id: string) => buckets.get(id) ?? buckets.set(id, new TokenBucket(1 / 60, 1_000, Number.POSITIVE_INFINITY)).get(id)!
  return {
    buckets,
    make: copy,
    spendRelayed: (id, records) => copy(id).spend(records),
    // A person's copy, by workshop and person ("w1 anna").
    spendPersonRelayed: (id, who, records) => copy(`${id} ${who}`).spend(records),
    levelOf: (id, who) => ({ level: copy(personal(id, who)).level(), msUntilFull: copy(personal(id, who)).msUntilFull() }),
    lowerTo: (id, level, at, who) => copy(personal(id, who)).lowerTo(level, at),
  }
}

/** What one instance admits at once here: the copies' 1,000 and a piece of 400. */
const MOST_AT_ONCE = 1_400
const chargesOn = (relay: Relay, copies: AllowanceCopies, logger: Logger) => new WorkshopCharges(relay, copies, logger, MOST_AT_ONCE)

const turnEnd = () => new Promise((resolve) => setImmediate(resolve))

/** One instance charging, another following w1, and the messages it has been told (counted). */
async function senderAndFollower() {
  const [here, there] = joinedRelays()
  const receiving = copies()
  const sender = chargesOn(here, copies(), capturedLogger().logger)
  chargesOn(there, receiving, capturedLogger().logger).follow('w1')
  await turnEnd()
  const told: number[] = []
  there.onMessage((channel) => channel === 'charges:w1' && told.push(told.length))
  return { sender, receiving, told }
}
const level = (bucket: TokenBucket | undefined) => Math.round(bucket?.level() ?? Number.NaN)

describe('WorkshopCharges', () => {
  it("tells a turn's charges to the instances following the workshop, once per workshop", async () => {
    const [here, there] = joinedRelays()
    const [sending, receiving] = [copies(), copies()]
    const sender = chargesOn(here, sending, capturedLogger().logger)
    const receiver = chargesOn(there, receiving, capturedLogger().logger)
    receiver.follow('w1')
    await turnEnd()
    for (const [id, records] of [
      ['w1', 300],
      ['w1', 200],
      ['w2', 50],
    ] as const) {
      sending.spendRelayed(id, records) // the connection's spend of its own copy
      sender.charged(id, records)
    }
    await turnEnd()
    // w2 is not followed there: no copy is made there.
    expect(level(receiving.buckets.get('w1'))).toBe(500)
    expect(receiving.buckets.has('w2')).toBe(false)
    receiver.unfollow('w1')
    sender.charged('w1', 10)
    await turnEnd()
    expect(level(receiving.buckets.get('w1'))).toBe(500)
  })

  it("tells each person's charges (and the facilitators') with the workshop's, in the same message, fractions kept", async () => {
    const { sender, receiving, told } = await senderAndFollower()
    sender.charged('w1', 300)
    sender.charged('w1', 300, 'anna')
    sender.charged('w1', 0.5, 'ben')
    sender.charged('w1', 2_048, FACILITATORS_ALLOWANCE)
    await turnEnd()
    expect(told).toHaveLength(1)
    expect(level(receiving.buckets.get('w1'))).toBe(700)
    expect(level(receiving.buckets.get('w1 anna'))).toBe(700)
    // Capped at what one instance admits at once.
    expect(level(receiving.buckets.get(`w1 ${FACILITATORS_ALLOWANCE}`))).toBe(1_000 - MOST_AT_ONCE)
    expect(receiving.buckets.has('w1 ben')).toBe(false)
    // Half a record more makes Ben's first whole one, told alone.
    sender.charged('w1', 0.5, 'ben')
    await turnEnd()
    expect(told).toHaveLength(2)
    expect(level(receiving.buckets.get('w1 ben'))).toBe(999)
    expect(level(receiving.buckets.get('w1'))).toBe(700)
  })

  it('tells fractions of a record (content, a record per KiB) only once they make whole ones', async () => {
    const { sender, receiving, told } = await senderAndFollower()
    // A letter typed a turn, a thousandth of a record each: rounded up, each would be a whole one.
    for (let letter = 0; letter < 500; letter++) {
      sender.charged('w1', 0.001)
      await turnEnd()
    }
    expect(told).toEqual([])
    sender.charged('w1', 2.7)
    await turnEnd()
    // 3.2 in all: three told, the fifth of one waits.
    expect(told).toHaveLength(1)
    expect(1_000 - receiving.make('w1').level()).toBeCloseTo(3, 2)
  })

  it('starts a later copy from the level the others kept, not from a full allowance', async () => {
    const [here, there] = joinedRelays()
    const [sending, receiving] = [copies(), copies()]
    const sender = chargesOn(here, sending, capturedLogger().logger)
    // The first instance's copy, made with the workshop's first connection, finds no level kept.
    sending.make('w1')
    sender.follow('w1')
    sending.spendRelayed('w1', 900) // the connection's spend of its own copy
    sender.charged('w1', 900)
    // Kept once that copy has settled (it must not pass for the level before it has read the others').
    await vi.waitFor(async () => expect(await here.recall('allowance:w1')).not.toBeNull())
    // The workshop's first connection to the other instance makes its copy there.
    const copy = receiving.make('w1')
    expect(level(copy)).toBe(1_000)
    chargesOn(there, receiving, capturedLogger().logger).follow('w1')
    await vi.waitFor(() => expect(level(copy)).toBe(100))
  })

  it("starts a person's copy made later from the level they left on another instance, the workshop opened there after they wrote", async () => {
    const [here, there] = joinedRelays()
    const [sending, receiving] = [copies(), copies()]
    const sender = chargesOn(here, sending, capturedLogger().logger)
    sender.follow('w1')
    sending.make('w1 anna')
    sender.followPerson('w1', 'anna')
    sending.make('w1 anna').spend(900) // the connection's spend of her copy
    sender.charged('w1', 900, 'anna')
    await vi.waitFor(async () => expect(await here.recall('allowance:w1:anna')).not.toBeNull())
    // The other instance follows the workshop only now, and makes her copy with her first socket there.
    const receiver = chargesOn(there, receiving, capturedLogger().logger)
    receiver.follow('w1')
    const copy = receiving.make('w1 anna')
    expect(level(copy)).toBe(1_000)
    receiver.followPerson('w1', 'anna')
    await vi.waitFor(() => expect(level(copy)).toBe(100))
    // Someone who wrote nothing starts full: checked once a later copy's kept level has been taken.
    here.remember('allowance:w1:cecilia', JSON.stringify({ level: 500, at: Date.now() }), 60_000)
    const ben = receiving.make('w1 ben')
    receiver.followPerson('w1', 'ben')
    const cecilia = receiving.make('w1 cecilia')
    receiver.followPerson('w1', 'cecilia')
    await vi.waitFor(() => expect(level(cecilia)).toBe(500))
    expect(level(ben)).toBe(1_000)
  })

  it('lets a socket wait for the kept levels, but not on a Redis that stopped answering', async () => {
    const [here] = joinedRelays()
    const silent = { ...here, recall: () => new Promise<string | null>(() => {}) }
    const charges = chargesOn(silent, copies(), capturedLogger().logger)
    charges.follow('w1')
    charges.followPerson('w1', 'anna')
    // Without a bound this would wait for ever (the test's own timeout).
    await expect(charges.whenSettled('w1', 'anna')).resolves.toBeUndefined()
    // Alone, or for a workshop not followed, there is nothing to wait for.
    await expect(chargesOn(soloRelay, copies(), capturedLogger().logger).whenSettled('w1', 'anna')).resolves.toBeUndefined()
    await expect(charges.whenSettled('w2', 'ben')).resolves.toBeUndefined()
  })

  it('starts a later copy full when what Redis keeps is not a level', async () => {
    const [here, there] = joinedRelays()
    here.remember('allowance:w1', '{"level":"nothing"}', 60_000)
    const log = capturedLogger()
    const receiving = copies()
    const copy = receiving.make('w1')
    const charges = chargesOn(there, receiving, log.logger)
    charges.follow('w1')
    // Settled once it has read the level: its own next spend is kept (with its own level).
    await vi.waitFor(async () => {
      copy.spend(1)
      charges.charged('w1', 1)
      await turnEnd()
      expect(await here.recall('allowance:w1')).toMatch(/^\{"level":99\d/)
    })
    expect(log.lines()).toEqual([])
  })

  it('logs a message it cannot read and goes on', async () => {
    const [here, there] = joinedRelays()
    const log = capturedLogger()
    const receiving = copies()
    chargesOn(there, receiving, log.logger).follow('w1')
    await turnEnd()
    here.publish('charges:w1', Buffer.from([0xff]))
    chargesOn(here, copies(), log.logger).charged('w1', 7)
    await turnEnd()
    expect(level(receiving.buckets.get('w1'))).toBe(993)
    expect(log.lines().map((line) => line.msg)).toEqual(['a charge from another instance was not understood'])
  })

  it('takes a charge, or a debt in a kept level, as at most what one instance admits at once', async () => {
    const [here, there] = joinedRelays()
    const receiving = copies()
    const copy = receiving.make('w1')
    chargesOn(there, receiving, capturedLogger().logger).follow('w1')
    await turnEnd()
    chargesOn(here, copies(), capturedLogger().logger).charged('w1', 1_000_000_000)
    await turnEnd()
    expect(level(copy)).toBe(1_000 - MOST_AT_ONCE)

    here.remember('allowance:w2', JSON.stringify({ level: -1_000_000_000, at: Date.now() }), 60_000)
    const later = receiving.make('w2')
    chargesOn(there, receiving, capturedLogger().logger).follow('w2')
    await vi.waitFor(() => expect(level(later)).toBe(-MOST_AT_ONCE))
  })

  it('leaves a copy dropped before it read the kept level alone', async () => {
    const [here, there] = joinedRelays()
    here.remember('allowance:w1', JSON.stringify({ level: 100, at: Date.now() }), 60_000)
    const receiving = copies()
    const copy = receiving.make('w1')
    const charges = chargesOn(there, receiving, capturedLogger().logger)
    charges.follow('w1')
    charges.unfollow('w1')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(level(copy)).toBe(1_000)
  })
})
