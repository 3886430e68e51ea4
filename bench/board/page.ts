/**
 * What the benchmark does inside the page, and how it reads it back. Page code is given as
 * source text: tsx compiles this file with esbuild's keep-names, which wraps named inner
 * functions in a `__name` helper that does not exist in the page.
 */
import type { Page } from 'playwright-core'

interface BoardProbe {
  frames: { deltas: number[]; running: boolean }
}

declare global {
  interface Window {
    __boardProbe: BoardProbe
  }
}

/** Before any page script: the frame recorder's state. */
export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__boardProbe = { frames: { deltas: [], running: false } }
  })
}

export interface LoadTimes {
  /** The stage's first render with content: React starts it → DOM committed (marks in the component). */
  renderToCommitMs: number
  /** … → the frame after (painted). The first-render budget applies here. */
  renderToPaintMs: number
  /** Navigation start → that frame: adds loading the app and syncing the board from the server. */
  navigationToPaintMs: number
  /** Cards in the DOM at that moment (cards far below the fold render as they come near). */
  cardsRendered: number
}

export async function readLoadTimes(page: Page, timeoutMs = 60_000): Promise<LoadTimes> {
  await page.waitForFunction(() => performance.getEntriesByName('trends:painted').length > 0, undefined, { timeout: timeoutMs, polling: 50 })
  return page.evaluate<LoadTimes>(`(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime
    return {
      renderToCommitMs: at('trends:commit') - at('trends:render-start'),
      renderToPaintMs: at('trends:painted') - at('trends:render-start'),
      navigationToPaintMs: at('trends:painted'),
      cardsRendered: document.getElementsByClassName('tcard').length,
    }
  })()`)
}

export async function startFrameRecording(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const frames = window.__boardProbe.frames
    frames.deltas = []
    frames.running = true
    let last = -1
    const tick = (time) => {
      if (!frames.running) return
      if (last >= 0) frames.deltas.push(time - last)
      last = time
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
}

export async function stopFrameRecording(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    window.__boardProbe.frames.running = false
    return window.__boardProbe.frames.deltas
  })
}
