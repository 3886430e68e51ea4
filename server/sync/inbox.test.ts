import { describe, expect, it } from 'vitest'
import { Inbox, TurnBudget } from './inbox.ts'

/** Holds the loop for `ms` of wall-clock time (a busy wait, as a costly message would). */
function hold(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // busy
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
const message = (n: number, bytes = 1) => new Uint8Array(bytes).fill(n)

/** An inbox whose messages each cost `costMs`, recording what it handled and its socket's flow. */
function recordingInbox(turn: TurnBudget, costMs = 0, label = '') {
  const handled: string[] = []
  const flow: string[] = []
  const inbox = new Inbox(
    (m) => {
      hold(costMs)
      handled.push(`${label}${m[0]}`)
    },
    { pause: () => flow.push('pause'), resume: () => flow.push('resume') },
    false,
    turn,
  )
  return { inbox, handled, flow }
}

describe('Inbox', () => {
  it('handles a message at once while the turn has time, as before', () => {
    const { inbox, handled } = recordingInbox(new TurnBudget(50))
    inbox.push(message(1))
    inbox.push(message(2))
    expect(handled).toEqual(['1', '2'])
  })

  it('spreads a burst over turns, in arrival order, a slice per turn', async () => {
    const { inbox, handled } = recordingInbox(new TurnBudget(10), 4)
    for (let i = 0; i < 12; i++) inbox.push(message(i))
    // 10 ms of slice, at least 4 ms a message: at most the third starts within the slice.
    expect(handled.length).toBeGreaterThanOrEqual(1)
    expect(handled.length).toBeLessThanOrEqual(3)
    const perTurn: number[] = []
    while (inbox.size > 0) {
      const before = handled.length
      await nextTurn()
      perTurn.push(handled.length - before)
    }
    expect(handled).toEqual(Array.from({ length: 12 }, (_, i) => String(i)))
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(3)
  })

  it('counts only the time spent on messages, not the rest of the turn', () => {
    const { inbox, handled } = recordingInbox(new TurnBudget(10))
    inbox.push(message(1))
    // An HTTP request or a store write in the same turn: not the messages' doing.
    hold(30)
    inbox.push(message(2))
    expect(handled).toEqual(['1', '2'])
  })

  it('serves waiting connections round robin, one message each', async () => {
    const turn = new TurnBudget(0)
    const log: string[] = []
    const inboxOf = (label: string) => new Inbox((m) => log.push(`${label}${m[0]}`), { pause() {}, resume() {} }, false, turn)
    const a = inboxOf('a')
    const b = inboxOf('b')
    // A zero slice: every message waits, and each turn serves one (what a starved turn is owed).
    for (let i = 0; i < 3; i++) a.push(message(i))
    for (let i = 0; i < 3; i++) b.push(message(i))
    expect(log).toEqual([])
    while (a.size + b.size > 0) await nextTurn()
    expect(log).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2'])
  })

  it('waits while held and starts in order on release', async () => {
    const turn = new TurnBudget(50)
    const handled: number[] = []
    const inbox = new Inbox((m) => handled.push(m[0]!), { pause() {}, resume() {} }, true, turn)
    inbox.push(message(1))
    inbox.push(message(2))
    await nextTurn()
    expect(handled).toEqual([])
    inbox.release()
    inbox.push(message(3))
    await nextTurn()
    expect(handled).toEqual([1, 2, 3])
  })

  it('stops reading a socket whose inbox passes a megabyte and reads it again once drained', async () => {
    const { inbox, flow } = recordingInbox(new TurnBudget(0))
    // A zero slice: every message waits.
    for (let i = 0; i < 40; i++) inbox.push(message(i, 64 * 1024))
    expect(flow).toEqual(['pause'])
    while (inbox.size > 0) await nextTurn()
    expect(flow).toEqual(['pause', 'resume'])
  })

  it('tells when everything waiting was handled; drops it all when cleared', async () => {
    const turn = new TurnBudget(0)
    const { inbox, handled } = recordingInbox(turn)
    for (let i = 0; i < 4; i++) inbox.push(message(i))
    let drained = false
    inbox.whenDrained(() => (drained = true))
    while (!drained) await nextTurn()
    expect(handled).toEqual(['0', '1', '2', '3'])

    const other = recordingInbox(turn)
    for (let i = 0; i < 4; i++) other.inbox.push(message(i))
    other.inbox.clear()
    other.inbox.push(message(9))
    while (other.inbox.size > 0) await nextTurn()
    expect(other.handled).toEqual(['9'])
  })

  it('handles everything at once when the server closes the connection', () => {
    const { inbox, handled } = recordingInbox(new TurnBudget(0))
    for (let i = 0; i < 5; i++) inbox.push(message(i))
    inbox.drainNow()
    expect(handled).toEqual(['0', '1', '2', '3', '4'])
  })
})
