// @vitest-environment happy-dom
/**
 * The editor in happy-dom: ProseMirror runs here well enough for commands, the toolbar, the
 * picker and the Yjs binding; typing itself (DOM input events, IME) is left to the browser tests.
 */
import { Editor } from '@tiptap/core'
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createStory, createTrend, deleteTrend, getStoryBody } from '../../../../shared/doc/index.ts'
import { readCitations } from '../../../../shared/doc/stories/index.ts'
import { newBoard } from '../../../../shared/doc/testing/fixtures.ts'
import { connectDocs } from '../../../../shared/doc/testing/network.ts'
import { isStoryMarkFormat, type CitationAttrs } from '../../../../shared/schema/index.ts'
import { cleanup, typeInto } from '../../../testing/render.ts'
import { ACTOR, buttonNamed, click, mountStories, newControl, nextFrame, paragraph, type Harness } from '../testing/storiesHarness.tsx'
import { JOINING_MS } from './startOrder.ts'
import { storyExtensions } from './storyExtensions.ts'

let harness: Harness | null = null
const editors: Editor[] = []
afterEach(() => {
  cleanup()
  harness?.teardown()
  harness = null
  editors.splice(0).forEach((editor) => editor.destroy())
})

async function openStory() {
  const board = newBoard(1)
  const trendId = createTrend(board, { name: 'Care moves home' }, ACTOR)
  const { storyId } = createStory(board, { title: 'A Tuesday at home', persona: { name: 'Aino' } }, ACTOR)
  const body = getStoryBody(board, storyId)!
  body.insert(0, [paragraph('Aino wakes at seven.')])
  harness = mountStories({ board, control: newControl() })
  click(buttonNamed(harness.container, 'A Tuesday at home'))
  await eventually(() => harness!.container.querySelector('.ProseMirror') !== null)
  const dom = harness.container.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }
  return { board, body, trendId, editor: dom.editor, dom }
}

describe('the story editor', () => {
  it('edits the story body itself (no copy): text, formatting and chips land in the Y.XmlFragment', async () => {
    const { body, editor, dom } = await openStory()
    expect(dom.getAttribute('aria-label')).toBe('Story text')
    expect(dom.textContent).toBe('Aino wakes at seven.')

    act(() => {
      editor.chain().selectAll().run()
    })
    const bold = buttonNamed(harness!.container, 'Bold')
    expect(bold.getAttribute('aria-pressed')).toBe('false')
    expect(bold.getAttribute('aria-keyshortcuts')).toBe('Control+B')
    click(bold)
    expect(bold.getAttribute('aria-pressed')).toBe('true')
    expect(((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).toDelta()).toEqual([{ insert: 'Aino wakes at seven.', attributes: { bold: {} } }])
    // Italic on and off again: every formatting item the editor wrote is one the server admits.
    click(buttonNamed(harness!.container, 'Italic'))
    click(buttonNamed(harness!.container, 'Italic'))
    const formats: [string, unknown][] = []
    for (let item = ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText)._start; item; item = item.right) {
      if (item.content instanceof Y.ContentFormat) formats.push([item.content.key, item.content.value])
    }
    expect(formats.map(([key]) => key)).toEqual(expect.arrayContaining(['bold', 'italic']))
    expect(formats.filter(([key, value]) => !isStoryMarkFormat(key, value))).toEqual([])
  })

  it('names every tool and keeps one tab stop in the toolbar', async () => {
    await openStory()
    const toolbar = harness!.container.querySelector('[role="toolbar"]')!
    const names = [...toolbar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent)
    expect(names).toEqual(['Heading', 'Bold', 'Italic', 'Bulleted list', 'Numbered list', 'Quote', 'Cite…', 'Undo my typing', 'Redo'])
    expect([...toolbar.querySelectorAll('button')].filter((b) => b.tabIndex === 0)).toHaveLength(1)
  })

  it('cites through the picker: search, Enter, and the chip is in the body with the contract’s attributes', async () => {
    const { body, trendId, editor } = await openStory()
    act(() => {
      editor.commands.setTextSelection(editor.state.doc.content.size - 1)
    })
    click(buttonNamed(harness!.container, 'Cite…'))
    const search = harness!.container.querySelector<HTMLInputElement>('[role="combobox"]')!
    typeInto(search, 'care moves')
    await nextFrame()
    expect([...harness!.container.querySelectorAll('[role="option"]')].map((o) => o.querySelector('.cite-option__name')?.textContent)).toEqual([
      'Care moves home',
    ])
    act(() => {
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    })
    expect(readCitations(body)).toEqual([{ kind: 'trend', refId: trendId, label: 'Care moves home' }])
    expect(harness!.announcements).toContain('Trend “Care moves home” cited.')
    await nextFrame()
    expect(harness!.container.querySelector('.sources')!.textContent).toContain('Care moves home')
    expect(harness!.container.querySelector('.story-head .trend-flag')!.textContent).toBe('Links back to 1 trend')
  })

  it('opens the same picker when "@" starts a word, and gives the "@" back on Esc', async () => {
    const { editor, dom } = await openStory()
    act(() => {
      editor.commands.setTextSelection(editor.state.doc.content.size - 1)
      editor.commands.insertContent(' ')
    })
    const at = editor.state.selection.from
    // What ProseMirror does with a typed character: ask handleTextInput first.
    act(() => {
      editor.view.someProp('handleTextInput', (handle) => handle(editor.view, at, at, '@', () => editor.state.tr))
    })
    const dialog = harness!.container.querySelector('dialog.cite-picker')!
    expect(dialog.hasAttribute('open')).toBe(true)
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    })
    expect(dom.textContent).toBe('Aino wakes at seven. @')

    // Inside a word ("anna@") it is just a character.
    const handled = editor.view.someProp('handleTextInput', (handle) =>
      handle(editor.view, editor.state.selection.from, editor.state.selection.from, '@', () => editor.state.tr),
    )
    expect(handled).toBeFalsy()
  })

  it('puts a full stop typed after a chip against it, in place of the space the chip brought', async () => {
    const { trendId, editor, dom } = await openStory()
    act(() => {
      editor.commands.setTextSelection(editor.state.doc.content.size - 1)
      editor.commands.insertContent(' She reads')
      editor.commands.insertCitation({ kind: 'trend', refId: trendId, label: 'Care moves home' })
    })
    expect(dom.textContent).toBe('Aino wakes at seven. She reads Trend: Care moves home ')
    // What ProseMirror does with a typed character: ask handleTextInput first, else insert it.
    const type = (char: string) =>
      act(() => {
        const { from } = editor.state.selection
        if (!editor.view.someProp('handleTextInput', (handle) => handle(editor.view, from, from, char, () => editor.state.tr)))
          editor.commands.insertContent(char)
      })
    type('.')
    expect(dom.textContent).toBe('Aino wakes at seven. She reads Trend: Care moves home.')
    // A letter keeps its space, and a full stop after a word is only a full stop.
    type(' ')
    type('I')
    type('.')
    expect(dom.textContent).toBe('Aino wakes at seven. She reads Trend: Care moves home. I.')
  })

  it('shows a chip whose trend was deleted as "removed trend: <label>", and keeps it', async () => {
    const { board, body, trendId, editor, dom } = await openStory()
    act(() => {
      editor.commands.setTextSelection(editor.state.doc.content.size - 1)
      editor.commands.insertCitation({ kind: 'trend', refId: trendId, label: 'Care moves home' })
    })
    const chip = dom.querySelector('.citation')!
    expect(chip.textContent).toBe('Trend: Care moves home')
    act(() => {
      deleteTrend(board, trendId)
    })
    expect(chip.classList.contains('citation--removed')).toBe(true)
    expect(chip.textContent).toBe('removed trend: Care moves home')
    expect(readCitations(body)).toHaveLength(1)
    await nextFrame()
    expect(harness!.container.querySelector('.story-head .trend-flag')!.textContent).toContain('No trend cited yet')
  })
})

function editorOn(body: Y.XmlFragment): Editor {
  const element = document.createElement('div')
  document.body.appendChild(element)
  const editor = new Editor({
    element,
    extensions: storyExtensions({
      body,
      awareness: null,
      unnamed: 'Someone',
      citation: { labels: { kind: (k) => k, removed: (k) => `removed ${k}:` }, onAt: null },
    }),
  })
  editors.push(editor)
  return editor
}

describe('two editors on one story', () => {
  it('keeps text typed before a chip and a chip inserted at the same time, in order, in both', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    b.clientID = 2
    const link = connectDocs(a, b)
    const { storyId } = createStory(a, { title: 'Together' }, ACTOR)
    const ageing: CitationAttrs = { kind: 'trend', refId: 'trend-ageing-00000001', label: 'Care moves home' }
    const robots: CitationAttrs = { kind: 'signal', refId: 'sig-robots-000000001', label: 'Care robots' }
    const anna = editorOn(getStoryBody(a, storyId)!)
    anna.chain().insertContent('Aino wakes. She walks.').setTextSelection(13).insertCitation(ageing).run()
    const ben = editorOn(getStoryBody(b, storyId)!)
    expect(ben.getText()).toBe(anna.getText())

    link.hold()
    // Anna types at the start, before the chip; Ben cites a signal at the end.
    anna.chain().setTextSelection(1).insertContent('At seven, ').run()
    ben
      .chain()
      .setTextSelection(ben.state.doc.content.size - 1)
      .insertCitation(robots)
      .run()
    link.release()

    for (const editor of [anna, ben]) {
      const chips: string[] = []
      editor.state.doc.descendants((node) => {
        if (node.type.name === 'citation') chips.push(node.attrs.label)
      })
      expect(chips).toEqual(['Care moves home', 'Care robots'])
      expect(editor.getText()).toMatch(/^At seven, Aino wakes\. Care moves home ?She walks\. ?Care robots ?$/)
    }
    expect(anna.getJSON()).toEqual(ben.getJSON())
    expect(readCitations(getStoryBody(a, storyId)!)).toEqual([ageing, robots])
    expect(readCitations(getStoryBody(b, storyId)!)).toEqual([ageing, robots])
  })
})

describe('two people starting an empty story at once', () => {
  it('keeps both first paragraphs, whole, in the order they started, and the caret in the moved one', async () => {
    const a = newBoard(2)
    const b = new Y.Doc()
    b.clientID = 1 // Yjs alone would put Ben's paragraph first
    const link = connectDocs(a, b)
    const { storyId } = createStory(a, { title: 'Together' }, ACTOR)
    const anna = editorOn(getStoryBody(a, storyId)!)
    const ben = editorOn(getStoryBody(b, storyId)!)
    link.hold()
    anna.commands.insertContent('Anna starts.')
    await new Promise((resolve) => setTimeout(resolve, 5))
    ben.commands.insertContent('Ben starts.')
    link.release()
    await Promise.resolve()
    ben.commands.insertContent(' Still Ben.')
    for (const editor of [anna, ben]) {
      expect(blockTexts(editor)).toEqual(['Anna starts.', 'Ben starts. Still Ben.'])
    }
  })

  it('gives someone about to start a paragraph of their own after one that just arrived, not glued to it', async () => {
    const { board, storyId, anna, ben } = twoAboutToStart()
    anna.commands.insertContent('Anna starts.')
    await Promise.resolve()
    // Ben's caret was in the empty story: he types where it is now, and it becomes his paragraph.
    ben.commands.insertContent('Ben')
    ben.commands.insertContent(' too.')
    anna.commands.insertContent(' Anna goes on.')
    for (const editor of [anna, ben]) expect(blockTexts(editor)).toEqual(['Anna starts. Anna goes on.', 'Ben too.'])

    // Someone opening the story now just goes on writing at the end: opening is no start.
    const c = new Y.Doc()
    connectDocs(board, c)
    const cai = editorOn(getStoryBody(c, storyId)!)
    cai.commands.focus('end')
    cai.commands.insertContent(' Cai adds.')
    expect(blockTexts(anna)).toEqual(['Anna starts. Anna goes on.', 'Ben too. Cai adds.'])
  })

  it('goes on from the paragraph that just arrived when the typing begins with a space', async () => {
    // The same two at once without the space: a paragraph each (what the rules below are exceptions to).
    const pair = twoAboutToStart()
    pair.anna.commands.insertContent('Ada starts the story here.')
    await Promise.resolve()
    pair.ben.commands.insertContent('Bea starts too.')
    expect(blockTexts(pair.anna)).toEqual(['Ada starts the story here.', 'Bea starts too.'])

    const { anna, ben } = twoAboutToStart()
    anna.commands.insertContent('Ada starts the story here.')
    await Promise.resolve()
    ben.commands.insertContent(' Bea continues it.')
    for (const editor of [anna, ben]) expect(blockTexts(editor)).toEqual(['Ada starts the story here. Bea continues it.'])
  })

  it('goes on from the paragraph that arrived once there was time to read it', async () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    try {
      const { anna, ben } = twoAboutToStart()
      anna.commands.insertContent('Ada starts the story here.')
      await Promise.resolve()
      vi.advanceTimersByTime(JOINING_MS + 500)
      // His caret is where the story's end was; what he types goes there, as he sees it.
      ben.commands.insertContent('And Bea.')
      for (const editor of [anna, ben]) expect(blockTexts(editor)).toEqual(['Ada starts the story here.And Bea.'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('still gives someone about to start their own paragraph when the other then edits inside theirs', async () => {
    const { anna, ben } = twoAboutToStart()
    anna.commands.insertContent('Anna starts here.')
    await Promise.resolve()
    // Anna adds a word earlier in her paragraph: Ben's caret is put back where Yjs says it is.
    anna.chain().setTextSelection(6).insertContent('really ').run()
    await Promise.resolve()
    ben.commands.insertContent('Ben too.')
    for (const editor of [anna, ben]) expect(blockTexts(editor)).toEqual(['Anna really starts here.', 'Ben too.'])
  })
})

/** Anna (on `board`) and Ben in a new story, Ben's caret in it before anyone has typed. */
function twoAboutToStart(): { board: Y.Doc; storyId: string; anna: Editor; ben: Editor } {
  const board = newBoard(2)
  const bens = new Y.Doc()
  bens.clientID = 1
  connectDocs(board, bens)
  const { storyId } = createStory(board, { title: 'Together' }, ACTOR)
  const anna = editorOn(getStoryBody(board, storyId)!)
  const ben = editorOn(getStoryBody(bens, storyId)!)
  ben.commands.focus()
  return { board, storyId, anna, ben }
}

function blockTexts(editor: Editor): string[] {
  const texts: string[] = []
  editor.state.doc.forEach((block) => texts.push(block.textContent))
  return texts
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await nextFrame()
  }
}
