import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { chooseDensity, pagesOf } from './fitMath.ts'
import { PageIndicator } from './PageIndicator.tsx'
import { usePageTurner } from './usePageTurner.ts'
import './fit.css'

interface FitPagesProps<Level extends string> {
  /** Densities, least dense first (e.g. full, compact, titles): each is a class on the flow. */
  levels: readonly Level[]
  /** Changes whenever what is shown changes (the records themselves): the fit is found again. */
  contentKey: unknown
  /** Class of the flow of columns; `fit-flow--<level>` is added (column widths, type sizes). */
  className: string
  /** Names the flow as a list (its items are `role="listitem"`). */
  label?: string
  /** A line under the columns, left of "Page 2 of 3" (counts, what is not shown). */
  footer?: ReactNode
  children(level: Level): ReactNode
}

interface Fit {
  level: number
  /** Pages each level needed, as measured so far. */
  measured: number[]
  /** The level is chosen; only its pages are counted now. */
  settled: boolean
  pages: number
  /**
   * The pages the last settled fit had, for the page turner while a new one is measured: text
   * typed into a story shown large changes its content every keystroke, and a turner told "one
   * page" meanwhile started its 20 s again each time, so the next page never came.
   */
  shownPages: number
}

const START: Fit = { level: 0, measured: [], settled: false, pages: 1, shownPages: 1 }

/** An item that may run on into the next column: its pieces' label there ("Care moves home, continued"). */
export const FIT_CONTINUES = 'data-fit-continues'
/** A piece of such an item (a card of a trend): the first of it in a new column carries the label. */
export const FIT_PIECE = 'data-fit-piece'
/** What the label is drawn from (fit.css: `[data-fit-continued]::before`). */
const FIT_CONTINUED = 'data-fit-continued'

/**
 * Labels the first piece of an item in each column it runs on into with the item's name, so a
 * column (or a page) that starts inside a trend says whose cards these are. A label makes its
 * piece taller and can move the next break, so the labels are placed again until they stay (a
 * few passes at most; each only moves breaks further on). `on` false takes them all off.
 * Answers whether any label changed.
 */
function labelContinued(flow: HTMLElement, on: boolean): boolean {
  const items = flow.querySelectorAll<HTMLElement>(`[${FIT_CONTINUES}]`)
  let changedAny = false
  for (let pass = 0; pass < 4; pass++) {
    let changed = false
    for (const item of items) {
      const first = item.getClientRects()[0]
      if (!first) continue
      // Pieces sit inside their item's padding: another column is half a column's width away or more.
      let column = first.left
      for (const piece of item.querySelectorAll<HTMLElement>(`[${FIT_PIECE}]`)) {
        const left = piece.getBoundingClientRect().left
        const starts = on && Math.abs(left - column) > first.width / 2
        if (starts) column = left
        const label = starts ? item.getAttribute(FIT_CONTINUES)! : null
        if (piece.getAttribute(FIT_CONTINUED) === label) continue
        changed = true
        if (label === null) piece.removeAttribute(FIT_CONTINUED)
        else piece.setAttribute(FIT_CONTINUED, label)
      }
    }
    if (!changed) return changedAny
    changedAny = true
  }
  return changedAny
}

/**
 * Moves to the next column each item whose frame the browser began at the foot of a column with
 * none of its content in it: it may break between an item's top padding and its first child, and
 * when the first child must keep to the next (a trend's name to its first card) an empty frame
 * is left behind. So too an item begun below another with only one of its pieces there and the
 * rest in the next column: a trend's name and one card at a column's foot, "continued" with five
 * in the next, read as two trends. Forced breaks from an earlier layout are taken off first; each
 * move can shift the items after it, so this runs until none moves (a few passes at most).
 * Answers whether the items starting a column by force are others than before.
 */
function startItemsWhole(flow: HTMLElement): boolean {
  const items = [...flow.querySelectorAll<HTMLElement>(`[${FIT_CONTINUES}]`)]
  const forced = (item: HTMLElement) => item.style.breakBefore === 'column'
  const before = items.filter(forced)
  for (const item of before) item.style.removeProperty('break-before')
  const top = flow.getBoundingClientRect().top
  const startsBadly = (item: HTMLElement) => {
    const [first] = item.getClientRects()
    const content = item.firstElementChild?.getBoundingClientRect()
    if (!first || !content || forced(item)) return false
    const sameColumn = (left: number) => Math.abs(left - first.left) <= first.width / 2
    if (!sameColumn(content.left)) return true
    // At a column's top already, it would start the next one the same way.
    if (first.top <= top + 1) return false
    const pieces = [...item.querySelectorAll<HTMLElement>(`[${FIT_PIECE}]`)].map((piece) => piece.getBoundingClientRect().left)
    const here = pieces.filter(sameColumn).length
    return here === 1 && pieces.length > 2
  }
  for (let pass = 0; pass < 8; pass++) {
    const moving = items.find(startsBadly)
    if (!moving) break
    moving.style.breakBefore = 'column'
  }
  const after = items.filter(forced)
  return after.length !== before.length || after.some((item, index) => item !== before[index])
}

/**
 * Shows as much of the work as the projector holds, legibly: the items flow down columns that
 * fill the stage area; when they run past it, the next density is tried (each fits more), and
 * past the densest the columns continue as pages, turned by `usePageTurner`. Measured in layout
 * effects, so no state in between is ever painted. Nothing is cut: a piece of work is either
 * wholly on the page shown or on another page; only an item made of pieces (a trend and its
 * cards) may run on into the next column, or page, between two pieces, with its name at the top
 * there (`FIT_CONTINUES`, `FIT_PIECE`).
 */
export function FitPages<Level extends string>({ levels, contentKey, className, label, footer, children }: FitPagesProps<Level>) {
  const viewport = useRef<HTMLDivElement>(null)
  const flow = useRef<HTMLDivElement>(null)
  const [fit, setFit] = useState<Fit>(START)
  const [size, setSize] = useState({ width: 0, height: 0 })
  const [fitFor, setFitFor] = useState<{ key: unknown; size: typeof size }>({ key: contentKey, size })
  const { page, paused } = usePageTurner(fit.settled ? fit.pages : fit.shownPages)

  // New content or a new screen size: search again from the least dense level (before paint).
  const stale = fitFor.key !== contentKey || fitFor.size !== size
  if (stale) {
    setFitFor({ key: contentKey, size })
    setFit({ ...START, shownPages: fit.settled ? fit.pages : fit.shownPages })
  }

  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const observer = new ResizeObserver(() => {
      const next = { width: element.clientWidth, height: element.clientHeight }
      setSize((previous) => (previous.width === next.width && previous.height === next.height ? previous : next))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // eslint-disable-next-line react-hooks/exhaustive-deps -- Measures after every render: new children can change the page count, and the state settles
  useLayoutEffect(() => {
    const box = flow.current
    if (!box || stale) return
    const gap = parseFloat(getComputedStyle(box).columnGap) || 0
    // Labels from the last layout would change this one's breaks: measured without, labelled once
    // settled. Forced column starts and labels move each other's breaks: placed in turns until
    // neither changes (a few rounds at most).
    for (let round = 0; round < 3; round++) {
      const moved = startItemsWhole(box)
      if (!labelContinued(box, fit.settled) && !moved) break
    }
    const pages = pagesOf(box.scrollWidth, box.clientWidth, gap)
    if (fit.settled) {
      if (pages !== fit.pages) setFit({ ...fit, pages, shownPages: pages })
      return
    }
    const measured = [...fit.measured]
    measured[fit.level] = pages
    if (pages <= 1 || fit.level === levels.length - 1) {
      const best = chooseDensity(measured)
      const chosen = best === fit.level ? pages : measured[best]!
      setFit({ level: best, measured, settled: true, pages: chosen, shownPages: chosen })
    } else {
      setFit({ ...fit, level: fit.level + 1, measured, pages })
    }
  })

  const level = levels[fit.level] ?? levels[0]!
  const offset = fit.settled && flow.current ? page * (flow.current.clientWidth + (parseFloat(getComputedStyle(flow.current).columnGap) || 0)) : 0
  return (
    <div className="fit-pages ui-stack">
      <div ref={viewport} className="fit-pages__viewport">
        <div
          ref={flow}
          className={`fit-flow ${className} fit-flow--${level}`}
          data-density={level}
          data-one-page={fit.settled && fit.pages <= 1 ? '' : undefined}
          role={label ? 'list' : undefined}
          aria-label={label}
          style={offset ? { transform: `translateX(${-offset}px)` } : undefined}
        >
          {children(level)}
        </div>
      </div>
      {(footer || (fit.settled && fit.pages > 1)) && (
        <div className="fit-pages__footer">
          <div className="fit-pages__note">{footer}</div>
          {fit.settled && fit.pages > 1 && <PageIndicator page={page} pages={fit.pages} paused={paused} />}
        </div>
      )}
    </div>
  )
}
