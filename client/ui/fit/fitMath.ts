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
