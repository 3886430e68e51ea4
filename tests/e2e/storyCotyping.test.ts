/**
 * Two people typing in one paragraph of a story at the same moment, in real Chromium over the real
 * server: Ada writes on at the end of the paragraph she started while Bea adds a word earlier in
 * it. Both keep every letter in place. The editor's binding used to put Ada's caret back one place
 * for each of Bea's letters (it second-guesses the caret in a block with attributes of its own,
 * as a start paragraph has), so what Ada typed meanwhile landed reversed at the end:
 * "She lives with" became "Shes with … evil".
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createStory, goToStage, joinAsParticipant, readControl } from '../../shared/doc/index.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { useBrowserAndServer } from './support/app.ts'
import { storyEditorOf, storyParagraphs } from './support/story.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

const STORY = 'A Tuesday with Sara'
const FIRST = 'Sara is fifteen and worried about her exams.'
const MORE = ' She lives with her mum and two cats in Varissuo.'

describe.skipIf(browserTestsSkipped)('two people typing in one paragraph, in Chromium', () => {
  const app = useBrowserAndServer()

  /** Puts the page's caret just before `word` in the story text, as a click there would. */
  const caretBefore = (page: Page, word: string) =>
    storyEditorOf(page).evaluate((editor, word) => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(word)
        if (at < 0) continue
        ;(editor as HTMLElement).focus()
        const range = document.createRange()
        range.setStart(node, at)
        const selection = getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return
      }
      throw new Error(`no “${word}” in the story`)
    }, word)

  it('each keeps every letter in place: a word added earlier in the paragraph does not push the other’s caret back', { timeout: 120_000 }, async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040', focalQuestion: 'What will care look like?', horizonYear: 2040 })
    const board = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
    await synced(board, control)
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(board.doc, sam, 'Sam')
    createStory(board.doc, { title: STORY, persona: { name: 'Sara', age: 15 } }, sam)
    goToStage(control.doc, readControl(control.doc).stages.find((s) => s.kind === 'stories')!.id)
    const [ada, bea] = await Promise.all([
      openAs(app.browser, app.server, links.links.participant, { name: 'Ada' }),
      openAs(app.browser, app.server, links.links.participant, { name: 'Bea' }),
    ])
    board.destroy()
    control.destroy()
    try {
      for (const { page } of [ada, bea]) {
        await expectStage(page, 'Future stories')
        await page.getByRole('button', { name: STORY }).click()
        await storyEditorOf(page).waitFor(SLOW)
      }
      // Ada starts the story; both see her sentence.
      await storyEditorOf(ada.page).click()
      await ada.page.keyboard.type(FIRST, { delay: 20 })
      for (const { page } of [ada, bea]) await expect.poll(() => storyParagraphs(page), SLOW).toEqual([FIRST])

      // Ada writes on at the end while Bea adds "very " before "worried".
      await caretBefore(bea.page, 'worried')
      await Promise.all([
        ada.page.keyboard.type(MORE, { delay: 50 }),
        (async () => {
          await bea.page.waitForTimeout(300)
          await bea.page.keyboard.type('very ', { delay: 50 })
        })(),
      ])
      const expected = [`${FIRST.replace('worried', 'very worried')}${MORE}`]
      for (const { page } of [ada, bea]) await expect.poll(() => storyParagraphs(page), SLOW).toEqual(expected)
      await screenshot(ada.page, 'story-cotyping-1366')
      expect([...ada.errors, ...bea.errors]).toEqual([])
    } finally {
      await Promise.all([ada.close(), bea.close()])
    }
  })
})
