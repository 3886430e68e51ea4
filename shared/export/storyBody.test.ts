import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { STORY_NODES } from '../schema/index'
import { readStoryBody } from './storyBody'
import { writeStoryBody, type BodySpec } from './testing/storyBodies'

function body(spec: BodySpec): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('body')
  writeStoryBody(fragment, spec)
  return fragment
}

describe('reading a story body', () => {
  it('reads blocks, marks, breaks and citation chips as the editor stores them', () => {
    const blocks = readStoryBody(
      body([
        { type: 'heading', level: 2, runs: [{ text: 'Morning' }] },
        {
          type: 'paragraph',
          runs: [{ text: 'Plain ' }, { text: 'bold', bold: true }, { break: true }, { citation: { kind: 'trend', refId: 't1', label: 'Ageing' } }],
        },
        { type: 'orderedList', items: [[{ text: 'one' }], [{ text: 'two', italic: true }]] },
        { type: 'blockquote', runs: [{ text: 'quoted' }] },
      ]),
    )
    expect(blocks).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Morning', bold: false, italic: false }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Plain ', bold: false, italic: false },
          { type: 'text', text: 'bold', bold: true, italic: false },
          { type: 'break' },
          { type: 'citation', kind: 'trend', refId: 't1', label: 'Ageing', footnote: 0 },
        ],
      },
      {
        type: 'orderedList',
        start: 1,
        items: [
          [{ type: 'paragraph', content: [{ type: 'text', text: 'one', bold: false, italic: false }] }],
          [{ type: 'paragraph', content: [{ type: 'text', text: 'two', bold: false, italic: true }] }],
        ],
      },
      { type: 'blockquote', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted', bold: false, italic: false }] }] },
    ])
  })

  it('reads overlapping-mark names, ignores marks it does not know (a link never becomes one)', () => {
    const [paragraph] = readStoryBody(
      body([
        {
          type: 'paragraph',
          runs: [
            { text: 'hashed', attributes: { 'bold--AbCd1234': {} } },
            { text: ' link', attributes: { link: { href: 'javascript:alert(1)' } } },
            { text: ' off', attributes: { bold: null } },
          ],
        },
      ]),
    )
    expect(paragraph).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'hashed', bold: true, italic: false },
        { type: 'text', text: ' link off', bold: false, italic: false },
      ],
    })
  })

  it('keeps the words of unknown nodes and of chips that fail validation; drops empty paragraphs', () => {
    const blocks = readStoryBody(
      body([
        { type: 'raw', nodeName: 'codeBlock', runs: [{ text: 'let x = 1' }] },
        { type: 'paragraph', runs: [{ text: '   ' }] },
        { type: 'paragraph', runs: [{ citation: { kind: 'person' as 'trend', refId: 'x', label: 'Odd chip' } }] },
      ]),
    )
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'let x = 1', bold: false, italic: false }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Odd chip', bold: false, italic: false }] },
    ])
  })

  it('flattens absurdly deep nesting instead of overflowing the stack', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('body')
    doc.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = fragment
      for (let i = 0; i < 5_000; i++) {
        const quote: Y.XmlElement = new Y.XmlElement(STORY_NODES.blockquote)
        parent.push([quote])
        parent = quote
      }
      const paragraph = new Y.XmlElement(STORY_NODES.paragraph)
      parent.push([paragraph])
      paragraph.push([new Y.XmlText('deep down')])
    })
    const blocks = readStoryBody(fragment)
    expect(JSON.stringify(blocks)).toContain('deep down')
  })
})
