// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { pickNext } from './targeting.ts'

/** A pile with two cards, then two trends, in document order; `active` is the first card. */
function board() {
  document.body.innerHTML = `
    <section id="pile"><ul><li id="card1"></li><li id="card2"></li></ul></section>
    <article id="trendA"></article>
    <article id="trendB"></article>`
  const stop = (id: string) => ({ id, node: { current: document.getElementById(id) } })
  return { pile: stop('pile'), card2: stop('card2'), trendA: stop('trendA'), trendB: stop('trendB'), card1: document.getElementById('card1')! }
}

describe('keyboard stepping through drop targets (pickNext)', () => {
  it('goes forward in reading order from the dragged card, skipping itself', () => {
    const { pile, card2, trendA, trendB, card1 } = board()
    const stops = [pile, card2, trendA, trendB]
    expect(pickNext(stops, card1, 1)?.id).toBe('card2')
    expect(pickNext(stops, card2.node.current, 1)?.id).toBe('trendA')
  })

  it('goes back to the container before the card (the pile holding it)', () => {
    const { pile, card2, trendA, trendB, card1 } = board()
    expect(pickNext([pile, card2, trendA, trendB], card1, -1)?.id).toBe('pile')
  })

  it('wraps around at both ends', () => {
    const { pile, trendA, trendB } = board()
    expect(pickNext([pile, trendA, trendB], trendB.node.current, 1)?.id).toBe('pile')
    expect(pickNext([pile, trendA, trendB], pile.node.current, -1)?.id).toBe('trendB')
  })

  it('with containers only (Left/Right), jumps from a card straight to the next trend', () => {
    const { pile, trendA, trendB, card1 } = board()
    expect(pickNext([pile, trendA, trendB], card1, 1)?.id).toBe('trendA')
  })

  it('starts at the first or last stop when there is no position yet, and finds nothing in an empty board', () => {
    const { pile, trendA } = board()
    expect(pickNext([pile, trendA], null, 1)?.id).toBe('pile')
    expect(pickNext([pile, trendA], null, -1)?.id).toBe('trendA')
    expect(pickNext([], null, 1)).toBeUndefined()
  })
})
