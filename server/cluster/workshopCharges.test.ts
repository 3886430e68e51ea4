import { describe, expect, it } from 'vitest'
import { capturedLogger } from '../../tests/support/logLines.ts'
import { soloRelay, type Relay } from './relay.ts'
import { WorkshopCharges } from './workshopCharges.ts'

/** Two instances' relays joined in this process: what one publishes on a channel the other follows reaches it. */
function joinedRelays(): [Relay, Relay] {
  const ends = [0, 1].map(() => ({ channels: new Set<string>(), handlers: [] as ((channel: string, message: Buffer) => void)[] }))
  return ends.map((end, i) => {
    const other = ends[1 - i]!
    return {
      ...soloRelay,
      subscribe: async (channel: string) => void end.channels.add(channel),
      unsubscribe: (channel: string) => void end.channels.delete(channel),
      publish: (channel: string, message: Buffer) => {
        if (other.channels.has(channel)) for (const handler of other.handlers) handler(channel, message)
      },
      onMessage: (handler: (channel: string, message: Buffer) => void) => void end.handlers.push(handler),
    }
  }) as [Relay, Relay]
}

const turnEnd = () => new Promise((resolve) => setImmediate(resolve))

describe('WorkshopCharges', () => {
  it("tells a turn's charges to the instances following the workshop, once per workshop", async () => {
    const [here, there] = joinedRelays()
    const heard: [string, number][] = []
    const sender = new WorkshopCharges(here, capturedLogger().logger, () => {})
    const receiver = new WorkshopCharges(there, capturedLogger().logger, (workshopId, records) => heard.push([workshopId, records]))
    receiver.follow('w1')
    sender.charged('w1', 300)
    sender.charged('w1', 200)
    sender.charged('w2', 50)
    await turnEnd()
    // w2 is not followed there: no one hears it.
    expect(heard).toEqual([['w1', 500]])
    receiver.unfollow('w1')
    sender.charged('w1', 10)
    await turnEnd()
    expect(heard).toEqual([['w1', 500]])
  })

  it('logs a message it cannot read and goes on', async () => {
    const [here, there] = joinedRelays()
    const log = capturedLogger()
    const heard: number[] = []
    new WorkshopCharges(there, log.logger, (_, records) => heard.push(records)).follow('w1')
    here.publish('charges:w1', Buffer.from([0xff]))
    new WorkshopCharges(here, log.logger, () => {}).charged('w1', 7)
    await turnEnd()
    expect(heard).toEqual([7])
    expect(log.lines().map((line) => line.msg)).toEqual(['a charge from another instance was not understood'])
  })
})
