// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import { pauseTimer, startTimer } from '../../../../shared/doc/index.ts'
import { createServerClock, type ServerClock } from '../../../sync/clock.ts'
import { cleanup, render } from '../../../testing/render.ts'
import { openRoom, type Room } from '../facilitator/testRoom.tsx'
import { formatClock, useStageTimer, useTimeUp } from './useStageTimer.ts'

let room: Room
const FIVE_MINUTES = 5 * 60_000

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
  room = openRoom('participant')
})
afterEach(() => {
  cleanup()
  room.close()
  vi.useRealTimers()
})

/** The server's clock is the (fake) `Date.now()`; this laptop's clock is `behindMs` behind it. */
async function laptopClock(behindMs: number): Promise<ServerClock> {
  const clock = createServerClock({ fetchServerTime: async () => Date.now(), localNow: () => Date.now() - behindMs, samples: 1 })
  await clock.resample()
  return clock
}

function Readout({ clock, onTimeUp = () => {} }: { clock: ServerClock; onTimeUp?: () => void }) {
  const view = useStageTimer(room.stageIds.frame, clock)
  useTimeUp(view, onTimeUp)
  return <p>{view ? `${formatClock(view.secondsLeft * 1000)}${view.isUp ? ' up' : ''}` : 'none'}</p>
}

describe('useStageTimer', () => {
  it('counts against the server clock: a laptop 5 minutes behind shows the same time left', async () => {
    const server = await laptopClock(0)
    const behind = await laptopClock(5 * 60_000)
    // The facilitator started 5 minutes on the server clock.
    act(() => startTimer(room.control, server.now()))
    const c = render(
      <>
        <Readout clock={server} />
        <Readout clock={behind} />
      </>,
    )
    await act(() => vi.advanceTimersByTimeAsync(61_000))
    const [mine, theirs] = [...c.querySelectorAll('p')].map((p) => p.textContent)
    expect(mine).toBe('3:59')
    expect(theirs).toBe(mine)
  })

  it('without the offset the same laptop would be 5 minutes off (the control)', async () => {
    // Never reached the server: counts on its own clock, 5 minutes behind.
    const unsynced = createServerClock({ fetchServerTime: () => Promise.reject(new Error('offline')), localNow: () => Date.now() - 5 * 60_000, samples: 1 })
    await unsynced.resample()
    act(() => startTimer(room.control, Date.now()))
    const c = render(<Readout clock={unsynced} />)
    expect(c.textContent).toBe('10:00')
  })

  it('reads paused and idle timers straight from the document', async () => {
    const server = await laptopClock(0)
    act(() => startTimer(room.control, server.now()))
    await act(() => vi.advanceTimersByTimeAsync(30_000))
    act(() => pauseTimer(room.control, server.now()))
    const c = render(<Readout clock={server} />)
    await act(() => vi.advanceTimersByTimeAsync(30_000))
    expect(c.textContent).toBe('4:30')
  })

  it('signals time up once, when it reaches zero while watched, and the stage goes on', async () => {
    const server = await laptopClock(0)
    const onTimeUp = vi.fn()
    act(() => startTimer(room.control, server.now()))
    const c = render(<Readout clock={server} onTimeUp={onTimeUp} />)
    await act(() => vi.advanceTimersByTimeAsync(FIVE_MINUTES - 2_000))
    expect(onTimeUp).not.toHaveBeenCalled()
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    expect(c.textContent).toBe('0:00 up')
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(onTimeUp).toHaveBeenCalledTimes(1)
  })

  it('does not signal for a timer that was already up when the page opened', async () => {
    const server = await laptopClock(0)
    act(() => startTimer(room.control, server.now() - 2 * FIVE_MINUTES))
    const onTimeUp = vi.fn()
    render(<Readout clock={server} onTimeUp={onTimeUp} />)
    await act(() => vi.advanceTimersByTimeAsync(5_000))
    expect(onTimeUp).not.toHaveBeenCalled()
  })
})
