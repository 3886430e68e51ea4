import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeStory } from './mergeStory'

/** A story as the editor's binding stores it: paragraphs (or other blocks) holding one text each. */
function paragraph(text: string, name = 'paragraph', attributes: Record<string, string> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/**
 * The old generation's story (`base`), this device's copy of it (`mine`, same item ids), and the
 * new generation's (`live`: a copy with new ids, as the renewal makes it).
 */
function renewal(...blocks: Y.XmlElement[]) {
  const base = new Y.Doc()
  base.getXmlFragment('body').insert(0, blocks)
  const mine = new Y.Doc()
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(base))
  const live = new Y.Doc()
  live.getXmlFragment('body').insert(
    0,
    base
      .getXmlFragment('body')
      .toArray()
      .map((block) => (block as Y.XmlElement).clone()),
  )
  const merge = () => live.transact(() => mergeStory(live.getXmlFragment('body'), base.getXmlFragment('body'), mine.getXmlFragment('body')))
  return { base, mine, live, merge }
}

const body = (doc: Y.Doc) => doc.getXmlFragment('body')
/** The text of block `index` (its first text, inside any lists). */
function textOf(doc: Y.Doc, ...path: number[]): Y.XmlText {
  let node: Y.XmlElement | Y.XmlText | Y.XmlFragment = body(doc)
  for (const index of path) node = (node as Y.XmlFragment).get(index) as Y.XmlElement | Y.XmlText
  return (node as Y.XmlElement).get(0) as Y.XmlText
}
/** Each block's letters, without formatting. */
const lettersOf = (doc: Y.Doc) =>
  body(doc)
    .toArray()
    .map((block) =>
      (block as Y.XmlElement)
        .toArray()
        .map((text) =>
          (text as Y.XmlText)
            .toDelta()
            .map((run: { insert: string }) => run.insert)
            .join(''),
        )
        .join(''),
    )

describe('mergeStory', () => {
  it("merges two people's edits to one paragraph letter by letter", () => {
    const { mine, live, merge } = renewal(paragraph('Aino wakes up in a quiet town.'))
    textOf(mine, 0).insert('Aino wakes up'.length, ' early')
    textOf(live, 0).insert('Aino wakes up in a quiet'.length, ', green')
    merge()
    expect(lettersOf(live)).toEqual(['Aino wakes up early in a quiet, green town.'])
  })

  it("keeps both paragraphs when each side added one, and the story's own first", () => {
    const { mine, live, merge } = renewal(paragraph('Aino wakes up.'))
    body(mine).insert(1, [paragraph('The tram is quiet.')])
    body(live).insert(1, [paragraph('Her robot makes coffee.')])
    merge()
    expect(lettersOf(live)[0]).toBe('Aino wakes up.')
    expect(lettersOf(live).slice(1).sort()).toEqual(['Her robot makes coffee.', 'The tram is quiet.'])
  })

  it('deletes a paragraph deleted here, unless someone changed it since', () => {
    const { mine, live, merge } = renewal(paragraph('One.'), paragraph('Two.'), paragraph('Three.'))
    body(mine).delete(1, 2)
    textOf(live, 2).insert('Three'.length, ' and a half')
    merge()
    expect(lettersOf(live)).toEqual(['One.', 'Three and a half.'])
  })

  it('brings back a paragraph changed here and deleted there since', () => {
    const { mine, live, merge } = renewal(paragraph('One.'), paragraph('Two.'))
    textOf(mine, 1).insert(3, ' more')
    body(live).delete(1, 1)
    merge()
    expect(lettersOf(live)).toEqual(['One.', 'Two more.'])
  })

  it('takes a paragraph changed here only as it is here, formatting included', () => {
    const { mine, live, merge } = renewal(paragraph('Aino wakes up.'), paragraph('The tram is quiet.'))
    textOf(mine, 0).format(0, 4, { bold: {} })
    textOf(live, 1).insert('The tram is'.length, ' very')
    merge()
    expect(textOf(live, 0).toDelta()).toEqual([{ insert: 'Aino', attributes: { bold: {} } }, { insert: ' wakes up.' }])
    expect(lettersOf(live)).toEqual(['Aino wakes up.', 'The tram is very quiet.'])
  })

  it('gives inserted words their own formatting, not the formatting where they land', () => {
    const { mine, live, merge } = renewal(paragraph('Aino wakes up.'))
    textOf(mine, 0).insert(4, ' Virtanen')
    textOf(mine, 0).insert('Aino Virtanen '.length, 'really ', { italic: {} })
    textOf(live, 0).format(0, 4, { bold: {} })
    textOf(live, 0).insert('Aino wakes up.'.length, ' Late.')
    merge()
    expect(textOf(live, 0).toDelta()).toEqual([
      { insert: 'Aino', attributes: { bold: {} } },
      { insert: ' Virtanen ' },
      { insert: 'really ', attributes: { italic: {} } },
      { insert: 'wakes up. Late.' },
    ])
  })

  it('merges inside a list item', () => {
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    item.insert(0, [paragraph('Bikes in winter')])
    list.insert(0, [item])
    const { mine, live, merge } = renewal(paragraph('Ideas:'), list)
    textOf(mine, 1, 0, 0).insert(0, 'Shared ')
    textOf(live, 1, 0, 0).insert('Bikes in winter'.length, ', studded tyres')
    merge()
    expect(body(live).length).toBe(2)
    expect(textOf(live, 1, 0, 0).toString()).toBe('Shared Bikes in winter, studded tyres')
  })

  it('keeps theirs and adds this version after it when a block changed its kind here and its words there', () => {
    const { mine, live, merge } = renewal(paragraph('Morning', 'heading', { level: '2' }))
    ;(body(mine).get(0) as Y.XmlElement).setAttribute('level', '3')
    textOf(live, 0).insert(7, ' in Turku')
    merge()
    expect(lettersOf(live)).toEqual(['Morning in Turku', 'Morning'])
    expect((body(live).get(1) as Y.XmlElement).getAttribute('level')).toBe('3')
  })

  it('writes nothing when carried a second time (a tab closed before the first was stored)', () => {
    const { mine, live, merge } = renewal(paragraph('Aino wakes up in a quiet town.'), paragraph('Two.'))
    textOf(mine, 0).insert('Aino wakes up'.length, ' early')
    body(mine).insert(2, [paragraph('The tram is quiet.')])
    textOf(mine, 1).delete(0, 1)
    textOf(live, 0).insert('Aino wakes up in a quiet'.length, ', green')
    merge()
    const once = lettersOf(live)
    expect(once).toEqual(['Aino wakes up early in a quiet, green town.', 'wo.', 'The tram is quiet.'])
    const updates: Uint8Array[] = []
    live.on('update', (update: Uint8Array) => updates.push(update))
    merge()
    expect(updates).toEqual([])
    expect(lettersOf(live)).toEqual(once)
  })

  it('deletes what both sides deleted at the start of a paragraph, and not a letter more', () => {
    const { mine, live, merge } = renewal(paragraph('So, the tram is quiet.'))
    textOf(live, 0).delete(0, 'So, '.length)
    textOf(mine, 0).delete(0, 'So, the '.length)
    merge()
    expect(lettersOf(live)).toEqual(['tram is quiet.'])
  })

  it('writes a change into the paragraph it was made to, not into one someone added before it', () => {
    const { mine, live, merge } = renewal(paragraph('Morning in Turku.'), paragraph('The tram is quiet.'))
    body(live).insert(1, [paragraph('Robots deliver parcels.')])
    textOf(live, 2).insert('The tram is quiet'.length, ' today')
    textOf(mine, 1).insert('The tram is'.length, ' very')
    merge()
    expect(lettersOf(live)).toEqual(['Morning in Turku.', 'Robots deliver parcels.', 'The tram is very quiet today.'])
  })

  it('keeps both when the paragraph was rewritten past recognition there and changed here', () => {
    const { mine, live, merge } = renewal(paragraph('The tram is quiet.'))
    textOf(live, 0).delete(0, 'The tram is quiet.'.length)
    textOf(live, 0).insert(0, 'Buses run all night now.')
    textOf(mine, 0).insert('The tram is'.length, ' very')
    merge()
    // Where the base paragraph stood (here, first), with theirs kept beside it.
    expect(lettersOf(live)).toEqual(['The tram is very quiet.', 'Buses run all night now.'])
  })

  it.each([
    [
      'a paragraph added here above one changed there',
      (d: { mine: Y.Doc; live: Y.Doc }) => {
        body(d.mine).insert(1, [paragraph('A new paragraph of mine.')])
        textOf(d.live, 1).insert('The tram is quiet'.length, ' today')
      },
    ],
    [
      'a paragraph added there above one changed here',
      (d: { mine: Y.Doc; live: Y.Doc }) => {
        body(d.live).insert(1, [paragraph('Their new paragraph.')])
        textOf(d.mine, 1).insert('The tram is'.length, ' very')
      },
    ],
  ])('writes nothing when carried a second time: %s', (_, edit) => {
    const setting = renewal(paragraph('Morning in Turku.'), paragraph('The tram is quiet.'))
    edit(setting)
    setting.merge()
    const once = lettersOf(setting.live)
    const updates: Uint8Array[] = []
    setting.live.on('update', (update: Uint8Array) => updates.push(update))
    setting.merge()
    expect(updates).toEqual([])
    expect(lettersOf(setting.live)).toEqual(once)
  })

  it('merges a long paste held back on its way with what someone else added to the paragraph meanwhile: one paragraph, both writings', () => {
    // The exploratory test's case: a paste waiting on its writer's allowance when the board
    // started afresh came back as a second copy of the paragraph, once with each writer's ending.
    const opening = 'Aino wakes up in a quiet town. '
    const paste = letters(7_000)
    const { mine, live, merge } = renewal(paragraph(opening))
    textOf(mine, 0).insert(opening.length, paste)
    textOf(live, 0).insert(opening.length, 'The tram is late.')
    merge()
    expect(lettersOf(live)).toEqual([`${opening}${paste}The tram is late.`])
  })

  it('keeps both versions of a long paragraph changed throughout on both sides (a diff of it would cost seconds)', () => {
    const long = letters(12_000)
    const { mine, live, merge } = renewal(paragraph(long))
    const rewrite = (text: Y.XmlText, at: number) => {
      for (let i = 10_000; i >= 0; i -= 1_000) text.insert(i + at, '#')
    }
    rewrite(textOf(mine, 0), 0)
    rewrite(textOf(live, 0), 1)
    const [ours, theirs] = [textOf(mine, 0).toString(), textOf(live, 0).toString()]
    merge()
    expect(lettersOf(live)).toEqual([ours, theirs])
  })
})

/** `count` letters that do not repeat in short runs, as a long text would not. */
function letters(count: number): string {
  return Array.from({ length: count }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('')
}
