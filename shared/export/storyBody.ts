/**
 * A story's rich-text body (a `Y.XmlFragment` in the shape of `shared/schema/storyBody.ts`) as
 * plain, immutable blocks the renderers walk without touching Yjs.
 *
 * The fragment is written by other people's editors, or by an imported file, so the walk is
 * defensive: unknown nodes keep their text, unknown marks are dropped (a `link` mark never
 * becomes a link), attribute values are checked, and nesting deeper than `MAX_DEPTH` is read
 * as plain text instead of overflowing the stack.
 */
import * as Y from 'yjs'
import { CitationAttrsSchema, STORY_MARKS, STORY_NODES, type CitationKind } from '../schema/index'

export type Inline =
  | { readonly type: 'text'; readonly text: string; readonly bold: boolean; readonly italic: boolean }
  | { readonly type: 'break' }
  /** `footnote` is 0 as read; the report numbers citations across all stories. */
  | { readonly type: 'citation'; readonly kind: CitationKind; readonly refId: string; readonly label: string; readonly footnote: number }

export type Block =
  | { readonly type: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly type: 'heading'; readonly level: number; readonly content: readonly Inline[] }
  | { readonly type: 'bulletList'; readonly items: readonly (readonly Block[])[] }
  | { readonly type: 'orderedList'; readonly start: number; readonly items: readonly (readonly Block[])[] }
  | { readonly type: 'blockquote'; readonly blocks: readonly Block[] }

/**
 * Text that may follow a citation with nothing between: punctuation that closes or ends what came
 * before. Anything else runs into the citation, which the editor sets apart as a chip, so both
 * renderers put a space between them (and "[^1](…" would read as a Markdown link).
 */
export const HUGS_CITATION = /^[\s.,;:!?…)\]}»”’%]/u

/**
 * The text after a citation, without the space between it and punctuation: the editor puts a space
 * after a chip it inserts, and a full stop typed next came out as "at home² ." in the report.
 */
export function textAfterCitation(text: string): string {
  return text.replace(/^[^\S\n]+(?=[.,;:!?…)\]}»”’%])/u, '')
}

/** A citation's label as one line of text: a label is short, and a line break in it would start a new block. */
export function citationLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim()
}

/** Deeper nesting than any editor produces; past it, content is flattened to a paragraph. */
const MAX_DEPTH = 24

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook

/**
 * Reads a story body into blocks; empty paragraphs are dropped.
 *
 * @example
 * const body = getStoryBody(boardDoc, storyId)
 * const blocks = body ? readStoryBody(body) : []
 */
export function readStoryBody(fragment: Y.XmlFragment): Block[] {
  return readBlocks(fragment.toArray(), 0)
}

function readBlocks(nodes: readonly Node[], depth: number): Block[] {
  const blocks: Block[] = []
  // Inline nodes sitting directly in a block container (text at the top level) form a paragraph.
  let loose: Node[] = []
  const flushLoose = () => {
    if (loose.length > 0) pushParagraph(blocks, readInlines(loose))
    loose = []
  }
  for (const node of nodes) {
    if (node instanceof Y.XmlElement && isBlockName(node.nodeName)) {
      flushLoose()
      const block = readBlock(node, depth)
      if (block) blocks.push(block)
    } else {
      loose.push(node)
    }
  }
  flushLoose()
  return blocks
}

function readBlock(element: Y.XmlElement, depth: number): Block | null {
  const children = element.toArray()
  if (depth >= MAX_DEPTH) return paragraphOf([{ type: 'text', text: plainText(element), bold: false, italic: false }])
  switch (element.nodeName) {
    case STORY_NODES.paragraph:
      return paragraphOf(readInlines(children))
    case STORY_NODES.heading: {
      const content = trimInlines(readInlines(children))
      return content.length > 0 ? { type: 'heading', level: intAttr(element, 'level', 1, 1, 6), content } : null
    }
    case STORY_NODES.bulletList:
    case STORY_NODES.orderedList: {
      const items = children.map((child) =>
        readBlocks(child instanceof Y.XmlElement && child.nodeName === STORY_NODES.listItem ? child.toArray() : [child], depth + 1),
      )
      const filled = items.filter((item) => item.length > 0)
      if (filled.length === 0) return null
      return element.nodeName === STORY_NODES.bulletList
        ? { type: 'bulletList', items: filled }
        : { type: 'orderedList', start: intAttr(element, 'start', 1, 0, 999_999), items: filled }
    }
    case STORY_NODES.blockquote: {
      const blocks = readBlocks(children, depth + 1)
      return blocks.length > 0 ? { type: 'blockquote', blocks } : null
    }
    default:
      // A node this export does not know (a future editor feature): keep its words.
      return paragraphOf([{ type: 'text', text: plainText(element), bold: false, italic: false }])
  }
}

function readInlines(nodes: readonly Node[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert === 'string') pushText(out, op.insert, marksOf(op.attributes))
      }
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === STORY_NODES.hardBreak) out.push({ type: 'break' })
      else if (node.nodeName === STORY_NODES.citation) pushCitation(out, node)
      else pushText(out, plainText(node), { bold: false, italic: false })
    }
  }
  return out
}

function pushCitation(out: Inline[], element: Y.XmlElement): void {
  const attrs = CitationAttrsSchema.safeParse(element.getAttributes())
  if (attrs.success) out.push({ type: 'citation', ...attrs.data, footnote: 0 })
  else {
    // A chip we cannot resolve still shows the words it displayed.
    const label = element.getAttribute('label')
    if (typeof label === 'string') pushText(out, label.slice(0, 200), { bold: false, italic: false })
  }
}

/** Adjacent runs with the same marks are merged, so renderers open and close formatting less. */
function pushText(out: Inline[], text: string, marks: { bold: boolean; italic: boolean }): void {
  if (text === '') return
  const last = out[out.length - 1]
  if (last?.type === 'text' && last.bold === marks.bold && last.italic === marks.italic) out[out.length - 1] = { ...last, text: last.text + text }
  else out.push({ type: 'text', text, ...marks })
}

/** y-prosemirror stores marks as text attributes, overlapping ones with a `--hash` suffix. */
function marksOf(attributes: Record<string, unknown> | undefined): { bold: boolean; italic: boolean } {
  const marks = { bold: false, italic: false }
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue
    const name = key.replace(/--[a-zA-Z0-9+/=]{8}$/, '')
    if (name === STORY_MARKS.bold) marks.bold = true
    if (name === STORY_MARKS.italic) marks.italic = true
  }
  return marks
}

function paragraphOf(content: Inline[]): Block | null {
  const trimmed = trimInlines(content)
  return trimmed.length > 0 ? { type: 'paragraph', content: trimmed } : null
}

function pushParagraph(blocks: Block[], content: Inline[]): void {
  const paragraph = paragraphOf(content)
  if (paragraph) blocks.push(paragraph)
}

/** Drops breaks and whitespace-only text at the edges: an "empty" paragraph is nothing to print. */
function trimInlines(content: readonly Inline[]): Inline[] {
  const isBlank = (inline: Inline | undefined) => inline !== undefined && (inline.type === 'break' || (inline.type === 'text' && inline.text.trim() === ''))
  let start = 0
  let end = content.length
  while (start < end && isBlank(content[start])) start++
  while (end > start && isBlank(content[end - 1])) end--
  return content.slice(start, end)
}

function isBlockName(name: string): boolean {
  return name !== STORY_NODES.hardBreak && name !== STORY_NODES.citation && name !== STORY_NODES.listItem
}

function intAttr(element: Y.XmlElement, name: string, fallback: number, min: number, max: number): number {
  const value = Number(element.getAttribute(name) as unknown)
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback
}

/** The words of a subtree, iteratively (a crafted import may nest thousands deep). */
function plainText(root: Y.XmlElement): string {
  const parts: string[] = []
  const stack: Node[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node instanceof Y.XmlText) parts.push(deltaText(node))
    else if (node instanceof Y.XmlElement) {
      if (node.nodeName === STORY_NODES.citation) {
        const label = node.getAttribute('label')
        if (typeof label === 'string') parts.push(label.slice(0, 200))
      } else if (node !== root && isBlockName(node.nodeName)) parts.push(' ')
      const children = node.toArray()
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim()
}

function deltaText(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
}
