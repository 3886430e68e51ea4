/**
 * One small line icon per citable kind, drawn the same way in React (picker, sources panel) and in
 * the editor's chips (plain DOM). Decorative: the kind is always said in words as well.
 */
import type { CitationKind } from '../../../shared/schema/index.ts'

/** 16×16 strokes: a rising arrow (trend), a ring around a centre (consequence), a pulse (signal). */
const PATHS: Record<CitationKind, string> = {
  trend: 'M2 12l4-4 3 3 5-6 M10 5h4v4',
  wheelNode: 'M8 3.2a4.8 4.8 0 1 0 0 9.6a4.8 4.8 0 1 0 0-9.6z M8 6.6a1.4 1.4 0 1 0 0 2.8a1.4 1.4 0 1 0 0-2.8z',
  signal: 'M1.5 8h3l1.5-4 3 8 1.5-4h4',
}

const SVG_NS = 'http://www.w3.org/2000/svg'

export function KindIcon({ kind, className }: { kind: CitationKind; className?: string }) {
  return (
    <svg className={['kind-icon', className].filter(Boolean).join(' ')} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** The same icon as a DOM node, for the editor's chip node view. */
export function kindIconElement(kind: CitationKind): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('class', 'kind-icon citation__icon')
  svg.setAttribute('viewBox', '0 0 16 16')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  const path = document.createElementNS(SVG_NS, 'path')
  path.setAttribute('d', PATHS[kind])
  path.setAttribute('fill', 'none')
  path.setAttribute('stroke', 'currentColor')
  path.setAttribute('stroke-width', '1.6')
  path.setAttribute('stroke-linecap', 'round')
  path.setAttribute('stroke-linejoin', 'round')
  svg.appendChild(path)
  return svg
}
