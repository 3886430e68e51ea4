/**
 * What a future story cites: the citation chips in its rich-text body (see
 * `shared/schema/storyBody.ts`), read straight from the `Y.XmlFragment`, and resolved against the
 * board. The body is the one source of truth: the sources panel, the "no trend cited" flag and the
 * story cards all derive from the chips, so what the story says and what it claims to draw on can
 * never disagree.
 */
import * as Y from 'yjs'
import { MAX_RING, CitationAttrsSchema, STORY_NODES, type CitationAttrs, type CitationKind } from '../../schema/index'
import type { BoardSnapshot } from '../snapshot'

/** The board collections a citation can point at. */
export type CitableBoard = Pick<BoardSnapshot, 'trends' | 'signals' | 'wheelNodes'>

/** A chip as the reader shows it: `name` is the item's current name, or the chip's own label. */
export interface ResolvedCitation extends CitationAttrs {
  readonly name: string
  /** The cited item was deleted since: the chip reads "removed trend: <label>". */
  readonly removed: boolean
}

/** One cited item, however often the story cites it. */
export interface CitationSource extends ResolvedCitation {
  readonly count: number
}

/** Whether a body node is a citation chip. */
export const isCitationElement = (type: unknown): type is Y.XmlElement => type instanceof Y.XmlElement && type.nodeName === STORY_NODES.citation

/** A chip's attributes, or `null` when a broken or hostile peer wrote something else. */
export function citationOf(element: Y.XmlElement): CitationAttrs | null {
  const attrs = CitationAttrsSchema.safeParse(element.getAttributes())
  return attrs.success ? attrs.data : null
}

/**
 * Every citation chip in a story body, in reading order (a chip cited twice appears twice). A chip
 * whose attributes are malformed (a hostile or broken peer) is skipped, never thrown on.
 *
 * @example
 * const body = getStoryBody(boardDoc, storyId)
 * const cited = body ? readCitations(body) : []
 */
export function readCitations(body: Y.XmlFragment): CitationAttrs[] {
  const out: CitationAttrs[] = []
  // The tree walker is iterative: a crafted body nested thousands deep cannot overflow the stack.
  for (const node of body.createTreeWalker(isCitationElement)) {
    const citation = citationOf(node as Y.XmlElement)
    if (citation) out.push(citation)
  }
  return out
}

/**
 * Looks each chip up on the board. An item that is gone keeps its chip, marked `removed`, with the
 * label it had when it was cited; a renamed item shows its new name.
 *
 * @example
 * resolveCitations(readCitations(body), board).filter((c) => c.removed) // chips to show as "removed …"
 */
export function resolveCitations(citations: readonly CitationAttrs[], board: CitableBoard): ResolvedCitation[] {
  return citations.map((citation) => resolveCitation(citation, board))
}

export function resolveCitation(citation: CitationAttrs, board: CitableBoard): ResolvedCitation {
  const name = liveName(citation.kind, citation.refId, board)
  return { ...citation, name: name || citation.label, removed: name === null }
}

/** The item's current name (may be `''` for an unnamed trend), or `null` when it is gone. */
function liveName(kind: CitationKind, refId: string, board: CitableBoard): string | null {
  if (kind === 'trend') return board.trends.get(refId)?.name.trim() ?? null
  if (kind === 'signal') return board.signals.get(refId)?.title.trim() ?? null
  return isShownWheelNode(refId, board) ? (board.wheelNodes.get(refId)?.text.trim() ?? '') : null
}

/**
 * A consequence counts as present only while its wheel shows it: its trend and every parent up to
 * the trend still exist (deleting a node deletes its subtree; see `derive/wheel.ts`).
 */
function isShownWheelNode(id: string, board: CitableBoard): boolean {
  let node = board.wheelNodes.get(id)
  if (!node || !board.trends.has(node.trendId)) return false
  const trendId = node.trendId
  for (let step = 0; step < MAX_RING; step++) {
    if (node.parentId === null) return node.ring === 1
    const parent = board.wheelNodes.get(node.parentId)
    if (!parent || parent.trendId !== trendId || parent.ring !== node.ring - 1) return false
    node = parent
  }
  return false
}

/** What a story draws on, broadest first: the trend, what follows from it, the evidence. */
const SOURCE_ORDER: Record<CitationKind, number> = { trend: 0, wheelNode: 1, signal: 2 }

/**
 * The distinct items a story cites, for its sources list: trends first, then consequences, then
 * signals, each in the order the story first cites them.
 */
export function citationSources(citations: readonly ResolvedCitation[]): CitationSource[] {
  const byKey = new Map<string, { source: ResolvedCitation; count: number }>()
  for (const citation of citations) {
    const key = `${citation.kind}|${citation.refId}`
    const seen = byKey.get(key)
    if (seen) seen.count++
    else byKey.set(key, { source: citation, count: 1 })
  }
  // Array sort is stable: within a kind, first-cited stays first.
  return [...byKey.values()].map(({ source, count }) => ({ ...source, count })).sort((a, b) => SOURCE_ORDER[a.kind] - SOURCE_ORDER[b.kind])
}

/**
 * The method asks every story to link back to at least one trend: true when no chip cites a trend
 * that still exists (a story whose only trend was deleted is flagged again).
 *
 * @example
 * if (lacksTrend(resolveCitations(cited, board))) showFlag()
 */
export function lacksTrend(citations: readonly ResolvedCitation[]): boolean {
  return !citations.some((citation) => citation.kind === 'trend' && !citation.removed)
}
