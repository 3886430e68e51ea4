/**
 * A story deleted while a co-writer is offline: what the co-writer wrote offline reached nobody,
 * and Yjs drops it wherever it lands in the deleted story. Their device offers to bring the story
 * back with it, and everyone gets it: whether the story is still open there, or the co-writer went
 * back to the list after writing. Real Chromium over the real server; the deleter is a Yjs client
 * with the facilitator's key.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createStory, deleteStory, getStoryBody, goToStage, joinAsParticipant, readBoard, readControl, storyBodyText } from '../../shared/doc/index.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop, waitFor } from '../support/server.ts'
import { useBrowserAndServer } from './support/app.ts'
import { storyEditorOf, storyParagraphs } from './support/story.ts'
import { browserTestsSkipped, screenshot, VIEWPORTS } from './support/browser.ts'
import { expectStage, openAs, SLOW, type Person } from './support/workshop.ts'

const STORY = 'Saturday at the meal ring'
const ONLINE = 'Veikko starts the soup at ten.'
const OFFLINE = 'The bus brings Aino at noon.'

const indicator = (page: Page) => page.locator('.connection .connection__text').textContent()

describe.skipIf(browserTestsSkipped)('a story deleted while its co-writer is offline, in Chromium', () => {
  const app = useBrowserAndServer()

  /**
   * Sam's story with its persona, on the stage; Ada (Chromium) opens it, writes a sentence that
   * reaches the server, goes offline and writes a second paragraph that does not.
   */
  async function adaWritingOffline() {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040', focalQuestion: 'What will care look like?', horizonYear: 2040 })
    const board = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
    await synced(board, control)
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(board.doc, sam, 'Sam')
    const { storyId } = createStory(board.doc, { title: STORY, persona: { name: 'Veikko', age: 71 } }, sam)
    goToStage(control.doc, readControl(control.doc).stages.find((s) => s.kind === 'stories')!.id)
    const ada = await openAs(app.browser, app.server, links.links.participant, { name: 'Ada' })
    const done = async () => {
      await ada.context.close()
      board.destroy()
      control.destroy()
    }
    try {
      await expectStage(ada.page, 'Future stories')
      await ada.page.getByRole('button', { name: STORY }).click()
      await storyEditorOf(ada.page).click()
      await ada.page.keyboard.type(ONLINE, { delay: 10 })
      await waitFor(
        () => {
          const body = getStoryBody(board.doc, storyId)
          return body !== null && storyBodyText(body) === ONLINE
        },
        20_000,
        'the online sentence',
      )
      await ada.context.setOffline(true)
      await expect.poll(() => indicator(ada.page), SLOW).toMatch(/^Offline/)
      await ada.page.keyboard.press('Enter')
      await ada.page.keyboard.type(OFFLINE, { delay: 10 })
      await expect.poll(() => storyParagraphs(ada.page), SLOW).toEqual([ONLINE, OFFLINE])
    } catch (error) {
      await done()
      throw error
    }
    return { board, storyId, ada, done }
  }

  /** Everyone has the story again, the offline sentence and the persona with it; Ada is in it. */
  async function expectBroughtBack(board: TestClient, ada: Person) {
    const broughtBack = () => [...readBoard(board.doc).stories.values()].find((story) => story.title === STORY)
    await waitFor(
      () => {
        const story = broughtBack()
        const body = story && getStoryBody(board.doc, story.id)
        return body ? storyBodyText(body) === `${ONLINE}\n\n${OFFLINE}` : false
      },
      20_000,
      'the story back on the server with the offline sentence',
    )
    expect(readBoard(board.doc).personas.get(broughtBack()!.personaId)?.name).toBe('Veikko')
    await expect.poll(() => storyParagraphs(ada.page), SLOW).toEqual([ONLINE, OFFLINE])
  }

  it('comes back with what the co-writer wrote offline, for everyone, when they press "Bring it back"', { timeout: 120_000 }, async () => {
    const { board, storyId, ada, done } = await adaWritingOffline()
    try {
      // A new paragraph and a sentence in it are a change or three to the person, not one a letter.
      const waiting = Number(/(\d+) changes? waiting/.exec((await indicator(ada.page)) ?? '')?.[1])
      expect(waiting).toBeGreaterThanOrEqual(1)
      expect(waiting).toBeLessThanOrEqual(3)
      deleteStory(board.doc, storyId)

      await ada.context.setOffline(false)
      const bringBack = ada.page.getByRole('button', { name: 'Bring it back' })
      await bringBack.waitFor(SLOW)
      await expect.poll(() => ada.page.evaluate(() => document.activeElement?.textContent), SLOW).toBe('Bring it back')
      await screenshot(ada.page, 'story-rescue-offer-laptop')
      await bringBack.click()

      await expectBroughtBack(board, ada)
      await screenshot(ada.page, 'story-rescue-back-laptop')
    } finally {
      await done()
    }
  })

  it('comes back for everyone when the co-writer had gone back to the list before the deletion arrived', { timeout: 120_000 }, async () => {
    const { board, storyId, ada, done } = await adaWritingOffline()
    try {
      // Offline, Ada goes back to the list: the story is closed on her device.
      await ada.page.getByRole('button', { name: 'All stories' }).click()
      await storyEditorOf(ada.page).waitFor({ state: 'detached', ...SLOW })
      deleteStory(board.doc, storyId)

      await ada.context.setOffline(false)
      const offer = ada.page.getByRole('region', { name: `“${STORY}” was deleted` })
      await offer.waitFor(SLOW)
      await expect
        .poll(() => offer.locator('p').textContent())
        .toBe('Someone deleted this story before what you wrote in it reached the others. This device still has it, with everything you wrote in it.')
      // Focus went with the story's card: it lands on the offer.
      await expect.poll(() => ada.page.evaluate(() => document.activeElement?.textContent), SLOW).toBe('Bring it back')
      await screenshot(ada.page, 'story-rescue-closed-offer-laptop')
      await ada.page.setViewportSize({ width: 390, height: 844 })
      await screenshot(ada.page, 'story-rescue-closed-offer-phone')
      await ada.page.setViewportSize(VIEWPORTS.laptop)
      await offer.getByRole('button', { name: 'Bring it back' }).click()

      await expectBroughtBack(board, ada)
      await expect.poll(() => offer.count(), SLOW).toBe(0)
    } finally {
      await done()
    }
  })
})
