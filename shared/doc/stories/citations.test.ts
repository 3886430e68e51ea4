import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CitationAttrs } from '../../schema/index'
import { createStory, getStoryBody } from '../commands/stories'
import { addSignal, deleteSignal } from '../commands/signals'
import { createTrend, deleteTrend, renameTrend } from '../commands/trends'
import { addWheelNode, deleteWheelNode } from '../commands/wheel'
import { anna, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { citationSources, lacksTrend, readCitations, resolveCitations } from './citations'
import { sameSummary, summarizeStoryBody } from './summary'

// The body as the editor's Yjs binding stores it: block elements, text runs as Y.XmlText, and a
// citation chip as an inline element between runs (see shared/schema/storyBody.ts).
const text = (value: string, marks?: Record<string, unknown>) => {
  const run = new Y.XmlText()
  run.insert(0, value, marks)
  return run
}
const chip = (attrs: CitationAttrs) => {
  const element = new Y.XmlElement('citation')
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value)
  return element
}
const element = (name: string, ...children: (Y.XmlElement | Y.XmlText)[]) => {
  const node = new Y.XmlElement(name)
  node.insert(0, children)
  return node
}

const AGEING: CitationAttrs = { kind: 'trend', refId: 'trend-ageing-00000001', label: 'Ageing at home' }
const ROBOT: CitationAttrs = { kind: 'signal', refId: 'sig-robot-0000000001', label: 'Care robots' }
const LONELY: CitationAttrs = { kind: 'wheelNode', refId: 'node-lonely-00000001', label: 'Less loneliness' }

/** The body's words with chips as [kind:label], one line per paragraph. */
function plain(body: Y.XmlFragment): string {
  const lines: string[] = []
  for (const node of body.createTreeWalker((type) => type instanceof Y.XmlElement && type.nodeName === 'paragraph')) {
    lines.push(
      (node as Y.XmlElement)
        .toArray()
        .map((child) => (child instanceof Y.XmlElement ? `[${child.getAttribute('kind')}:${child.getAttribute('label')}]` : String(child.toJSON())))
        .join(''),
    )
  }
  return lines.join('\n')
}

function storyWithBody(doc: Y.Doc, ...blocks: Y.XmlElement[]): Y.XmlFragment {
  const { storyId } = createStory(doc, { title: 'A Tuesday in 2040' }, anna)
  const body = getStoryBody(doc, storyId)!
  body.insert(0, blocks)
  return body
}

describe('readCitations', () => {
  it('finds every chip in reading order, inside lists and quotes too, and skips malformed ones', () => {
    const doc = newBoard()
    const broken = new Y.XmlElement('citation')
    broken.setAttribute('kind', 'recipe')
    broken.setAttribute('refId', 'x')
    const body = storyWithBody(
      doc,
      element('heading', text('Morning')),
      element('paragraph', text('Aino wakes. '), chip(AGEING), text(' The robot '), chip(ROBOT)),
      element('bulletList', element('listItem', element('paragraph', text('Then '), chip(LONELY), broken))),
      element('blockquote', element('paragraph', chip(AGEING))),
    )
    expect(readCitations(body)).toEqual([AGEING, ROBOT, LONELY, AGEING])
  })

  it('keeps both edits when one person types before a chip while another inserts a chip', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    b.clientID = 2
    const link = connectDocs(a, b)
    const aBody = storyWithBody(a, element('paragraph', text('Aino wakes at seven. '), chip(AGEING), text(' She walks to the square.')))
    const storyId = [...readValid(a).stories.keys()][0]!
    const bBody = getStoryBody(b, storyId)!
    expect(plain(bBody)).toBe(plain(aBody))

    link.hold()
    // Anna types at the start of the paragraph, right before the existing chip's run ends.
    const aParagraph = aBody.get(0) as Y.XmlElement
    ;(aParagraph.get(0) as Y.XmlText).insert(0, 'On a grey morning, ')
    ;(aParagraph.get(0) as Y.XmlText).insert('On a grey morning, Aino wakes at seven. '.length, 'Her tablet hums. ')
    // Ben, at the same moment, cites a signal at the end and a consequence right before the chip.
    const bParagraph = bBody.get(0) as Y.XmlElement
    bParagraph.insert(bParagraph.length, [chip(ROBOT)])
    bParagraph.insert(1, [chip(LONELY)])
    link.release()

    const expected =
      'On a grey morning, Aino wakes at seven. Her tablet hums. [wheelNode:Less loneliness][trend:Ageing at home] She walks to the square.[signal:Care robots]'
    expect(plain(aBody)).toBe(expected)
    expect(plain(bBody)).toBe(expected)
    expect(readCitations(aBody)).toEqual([LONELY, AGEING, ROBOT])
    expect(readCitations(bBody)).toEqual(readCitations(aBody))
  })

  it('keeps both chips when two people cite at the same spot at once', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    b.clientID = 2
    const link = connectDocs(a, b)
    const aBody = storyWithBody(a, element('paragraph', text('Aino wakes.')))
    const bBody = getStoryBody(b, [...readValid(a).stories.keys()][0]!)!
    link.hold()
    ;(aBody.get(0) as Y.XmlElement).insert(1, [chip(AGEING)])
    ;(bBody.get(0) as Y.XmlElement).insert(1, [chip(ROBOT)])
    link.release()
    expect(readCitations(aBody)).toHaveLength(2)
    expect(readCitations(aBody)).toEqual(readCitations(bBody))
    expect(new Set(readCitations(aBody).map((c) => c.refId))).toEqual(new Set([AGEING.refId, ROBOT.refId]))
  })
})

describe('resolveCitations', () => {
  it('keeps the chip and its label when the cited trend is deleted, and marks it removed', () => {
    const doc = newBoard()
    const trendId = createTrend(doc, { name: 'Ageing at home' }, anna)
    const cited: CitationAttrs = { kind: 'trend', refId: trendId, label: 'Ageing at home' }
    const body = storyWithBody(doc, element('paragraph', text('Aino stays home. '), chip(cited)))

    expect(resolveCitations(readCitations(body), readValid(doc))).toEqual([{ ...cited, name: 'Ageing at home', removed: false }])
    deleteTrend(doc, trendId)

    expect(plain(body)).toBe('Aino stays home. [trend:Ageing at home]')
    expect(resolveCitations(readCitations(body), readValid(doc))).toEqual([{ ...cited, name: 'Ageing at home', removed: true }])
  })

  it('shows a renamed item by its new name, and resolves signals and consequences', () => {
    const doc = newBoard()
    const trendId = createTrend(doc, { name: 'Ageing' }, anna)
    const signalId = addSignal(doc, { title: 'Care robots in a Turku home' }, anna)
    const first = addWheelNode(doc, { trendId, parentId: null, text: 'Homes adapted for care' }, anna)!
    const second = addWheelNode(doc, { trendId, parentId: first, text: 'Less loneliness' }, anna)!
    renameTrend(doc, trendId, 'Ageing at home')
    const citations: CitationAttrs[] = [
      { kind: 'trend', refId: trendId, label: 'Ageing' },
      { kind: 'signal', refId: signalId, label: 'Care robots' },
      { kind: 'wheelNode', refId: second, label: 'Less loneliness' },
    ]
    expect(resolveCitations(citations, readValid(doc)).map((c) => [c.name, c.removed])).toEqual([
      ['Ageing at home', false],
      ['Care robots in a Turku home', false],
      ['Less loneliness', false],
    ])

    // Deleting a consequence takes its subtree; deleting a signal leaves its chip.
    deleteWheelNode(doc, first)
    deleteSignal(doc, signalId)
    expect(resolveCitations(citations, readValid(doc)).map((c) => [c.name, c.removed])).toEqual([
      ['Ageing at home', false],
      ['Care robots', true],
      ['Less loneliness', true],
    ])
  })

  it('counts a consequence as removed when its trend is gone', () => {
    const doc = newBoard()
    const trendId = createTrend(doc, { name: 'Ageing' }, anna)
    const nodeId = addWheelNode(doc, { trendId, parentId: null, text: 'Homes adapted for care' }, anna)!
    deleteTrend(doc, trendId)
    const board = readValid(doc)
    expect(resolveCitations([{ kind: 'wheelNode', refId: nodeId, label: 'Homes adapted' }], board)[0]?.removed).toBe(true)
  })
})

describe('lacksTrend: the "no trend cited" flag', () => {
  const board = () => {
    const doc = newBoard()
    return { doc, trendId: createTrend(doc, { name: 'Ageing at home' }, anna) }
  }

  it('flags a story with no chips, or with signals and consequences only', () => {
    const { doc } = board()
    expect(lacksTrend([])).toBe(true)
    expect(lacksTrend(resolveCitations([ROBOT, LONELY], readValid(doc)))).toBe(true)
  })

  it('clears once a trend is cited, and flags again when that trend is deleted', () => {
    const { doc, trendId } = board()
    const cited: CitationAttrs[] = [ROBOT, { kind: 'trend', refId: trendId, label: 'Ageing at home' }]
    expect(lacksTrend(resolveCitations(cited, readValid(doc)))).toBe(false)
    deleteTrend(doc, trendId)
    expect(lacksTrend(resolveCitations(cited, readValid(doc)))).toBe(true)
  })
})

describe('citationSources', () => {
  it('lists each item once with its count, trends first, then consequences, then signals', () => {
    const resolved = [ROBOT, AGEING, LONELY, ROBOT, AGEING, ROBOT].map((c) => ({ ...c, name: c.label, removed: false }))
    expect(citationSources(resolved).map((s) => [s.kind, s.count])).toEqual([
      ['trend', 2],
      ['wheelNode', 1],
      ['signal', 3],
    ])
  })
})

describe('summarizeStoryBody', () => {
  it('counts words across blocks and formatting, and reads the chips', () => {
    const doc = newBoard()
    const body = storyWithBody(
      doc,
      element('heading', text('Morning in 2040')),
      element('paragraph', text('Aino '), text('wakes', { bold: true }), text(' at seven. '), chip(AGEING)),
    )
    const summary = summarizeStoryBody(body)
    expect(summary.words).toBe(7)
    expect(summary.citations).toEqual([AGEING])
    expect(sameSummary(summary, summarizeStoryBody(body))).toBe(true)
    ;(body.get(1) as Y.XmlElement).insert(0, [chip(ROBOT)])
    expect(sameSummary(summary, summarizeStoryBody(body))).toBe(false)
  })
})
