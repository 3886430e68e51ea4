/**
 * A story body at a glance, for story cards and the facilitator's overview: its citations and how
 * long it is, read in one walk of the `Y.XmlFragment` (cards re-read it as people type).
 */
import * as Y from 'yjs'
import type { CitationAttrs } from '../../schema/index'
import { citationOf, isCitationElement } from './citations'

export interface StoryBodySummary {
  /** Citation chips in reading order (see `readCitations`). */
  readonly citations: readonly CitationAttrs[]
  readonly words: number
}

const WORD = /\S+/g

const isTextOrCitation = (type: unknown) => type instanceof Y.XmlText || isCitationElement(type)

/**
 * Citations and word count of a body. Text runs are counted one by one, so a word that formatting
 * splits in two ("**wo**rd") counts twice: close enough for "about 250 words".
 *
 * @example
 * const { citations, words } = summarizeStoryBody(body)
 */
export function summarizeStoryBody(body: Y.XmlFragment): StoryBodySummary {
  const citations: CitationAttrs[] = []
  let words = 0
  for (const node of body.createTreeWalker(isTextOrCitation)) {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') words += op.insert.match(WORD)?.length ?? 0
      }
    } else {
      const citation = citationOf(node as Y.XmlElement)
      if (citation) citations.push(citation)
    }
  }
  return { citations, words }
}

/** Same summaries, same answer: lets a subscriber skip a re-render while people type mid-word. */
export function sameSummary(a: StoryBodySummary, b: StoryBodySummary): boolean {
  return (
    a.words === b.words &&
    a.citations.length === b.citations.length &&
    a.citations.every((c, i) => {
      const d = b.citations[i]!
      return c.kind === d.kind && c.refId === d.refId && c.label === d.label
    })
  )
}
