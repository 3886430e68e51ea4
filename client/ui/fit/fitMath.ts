/**
 * The projector's rule for work that outgrows the screen, as pure arithmetic: density changes
 * first (full cards → compact → titles only, with more columns each time), then pages. Tested in
 * fitMath.test.ts; FitPages.tsx measures and calls these.
 */

/**
 * How many pages a flow of columns fills: the flow is as wide as the screen and lays its columns
 * out one screen after another, each `width + gap` on from the last.
 */
export function pagesOf(scrollWidth: number, width: number, gap: number): number {
  if (width <= 0) return 1
  // One column past the screen is a page more; a pixel or two is rounding, not a column.
  return Math.max(1, Math.ceil((scrollWidth - 2 + gap) / (width + gap)))
}

/**
 * Which density to show, given the pages each needs (least dense first): the first that fits on
 * one page; when none does, the one with the fewest pages (the less dense of equals).
 */
export function chooseDensity(pagesPerLevel: readonly number[]): number {
  const fits = pagesPerLevel.findIndex((pages) => pages <= 1)
  if (fits >= 0) return fits
  let best = 0
  pagesPerLevel.forEach((pages, index) => {
    if (pages < pagesPerLevel[best]!) best = index
  })
  return best
}

/** A page index moved by `by` and kept within 0…pages−1 (turning past the last page starts over). */
export function turnPage(page: number, by: number, pages: number): number {
  if (pages <= 1) return 0
  return (((page + by) % pages) + pages) % pages
}

/** Rows `first`…`last` of a list, both included. */
export interface RowWindow {
  first: number
  last: number
}

/**
 * Which rows of a dated list fit `room` px when not all do (the history of a trend on the
 * projector, which nobody can scroll): the row at `anchor` (the moment shown), as many before it
 * as fit, then as many after it. Rows left out above or below are summed up in a line of their own,
 * `marker` px high, which the window makes room for.
 */
export function rowsThatFit(heights: readonly number[], gap: number, room: number, anchor: number, marker: number): RowWindow {
  const count = heights.length
  if (count === 0) return { first: 0, last: -1 }
  const at = Math.min(Math.max(anchor, 0), count - 1)
  const cost = (first: number, last: number) => {
    let total = 0
    for (let i = first; i <= last; i++) total += heights[i]!
    const markers = (first > 0 ? 1 : 0) + (last < count - 1 ? 1 : 0)
    return total + markers * marker + (last - first + markers) * gap
  }
  let first = at
  let last = at
  while (first > 0 && cost(first - 1, last) <= room) first--
  while (last < count - 1 && cost(first, last + 1) <= room) last++
  return { first, last }
}
