/**
 * Writes story bodies the way the editor's Yjs binding stores them (see
 * `shared/schema/storyBody.ts`): elements named after ProseMirror nodes, marks as text
 * attributes, a citation as an inline element with `kind`, `refId` and `label`. Tests and the
 * benchmark use it to make bodies without an editor.
 */
import * as Y from 'yjs'
import { STORY_MARKS, STORY_NODES, type CitationAttrs } from '../../schema/index'

export type RunSpec =
  | { readonly text: string; readonly bold?: boolean; readonly italic?: boolean; readonly attributes?: Record<string, unknown> }
  | { readonly citation: CitationAttrs }
  | { readonly break: true }

export type BlockSpec =
  | { readonly type: 'paragraph' | 'blockquote'; readonly runs: readonly RunSpec[] }
  | { readonly type: 'heading'; readonly level: number; readonly runs: readonly RunSpec[] }
  | { readonly type: 'bulletList' | 'orderedList'; readonly items: readonly (readonly RunSpec[])[] }
  /** Any element name with text inside, to test what the export does with nodes it does not know. */
  | { readonly type: 'raw'; readonly nodeName: string; readonly runs: readonly RunSpec[] }

export type BodySpec = readonly BlockSpec[]

/**
 * Appends the blocks to a story body in one transaction.
 *
 * @example
 * writeStoryBody(getStoryBody(board, storyId)!, [{ type: 'paragraph', runs: [{ text: 'Hello', bold: true }] }])
 */
export function writeStoryBody(fragment: Y.XmlFragment, body: BodySpec): void {
  const write = () => {
    for (const block of body) writeBlock(fragment, block)
  }
  if (fragment.doc) fragment.doc.transact(write)
  else write()
}

/** Each element joins its parent before it is filled: Yjs types are read and edited once integrated. */
function child(parent: Y.XmlFragment | Y.XmlElement, nodeName: string): Y.XmlElement {
  const element = new Y.XmlElement(nodeName)
  parent.push([element])
  return element
}

function writeBlock(parent: Y.XmlFragment, block: BlockSpec): void {
  switch (block.type) {
    case 'paragraph':
      return writeRuns(child(parent, STORY_NODES.paragraph), block.runs)
    case 'heading': {
      const heading = child(parent, STORY_NODES.heading)
      // The binding stores node attributes as they are; a heading level is a number.
      heading.setAttribute('level', block.level as unknown as string)
      return writeRuns(heading, block.runs)
    }
    case 'blockquote':
      return writeRuns(child(child(parent, STORY_NODES.blockquote), STORY_NODES.paragraph), block.runs)
    case 'bulletList':
    case 'orderedList': {
      const list = child(parent, block.type === 'bulletList' ? STORY_NODES.bulletList : STORY_NODES.orderedList)
      for (const runs of block.items) writeRuns(child(child(list, STORY_NODES.listItem), STORY_NODES.paragraph), runs)
      return
    }
    case 'raw':
      return writeRuns(child(parent, block.nodeName), block.runs)
  }
}

/** Text runs share one Y.XmlText until an inline element (citation, break) interrupts it. */
function writeRuns(element: Y.XmlElement, runs: readonly RunSpec[]): void {
  let text: Y.XmlText | null = null
  for (const run of runs) {
    if ('citation' in run) {
      const chip = child(element, STORY_NODES.citation)
      for (const [key, value] of Object.entries(run.citation)) chip.setAttribute(key, value)
      text = null
    } else if ('break' in run) {
      child(element, STORY_NODES.hardBreak)
      text = null
    } else {
      if (!text) {
        text = new Y.XmlText()
        element.push([text])
      }
      const attributes: Record<string, unknown> = { ...run.attributes }
      // y-prosemirror stores a mark as its attrs object (`{}` for bold and italic).
      if (run.bold) attributes[STORY_MARKS.bold] = {}
      if (run.italic) attributes[STORY_MARKS.italic] = {}
      // `{}` (not undefined) so a plain run does not inherit the formatting before it.
      text.insert(text.length, run.text, attributes)
    }
  }
}
