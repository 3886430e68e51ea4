/**
 * Issue 14, finding 13, in real Chromium: the server gives each person their identity in a
 * workshop, and the browser keeps it. A participant who reloads (or comes back to the same
 * browser) is the same person: their dots and their "I'm done" are still theirs, and the server
 * went on accepting them.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { joinAsParticipant, readBoard } from '../../shared/doc/index.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop, mintIdentity } from '../support/server.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { ROOM_TRENDS, seedRoom } from './support/room.ts'
import { addCard, expectConnected, expectStage, openAs, SLOW } from './support/workshop.ts'
import { onServer, useBrowserAndServer } from './support/app.ts'

describe.skipIf(browserTestsSkipped)('a returning participant keeps their identity', () => {
  const app = useBrowserAndServer()

  const keptIdentity = (page: Page, workshopId: string) =>
    page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { participantId: string } | null, `s2s:identity:${workshopId}`)

  it('after a reload: the same person, with their dots and "I\'m done"', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('assess')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai' })
    const page = person.page
    const observer = connectClient(app.server.wsUrl, room.links.id, 'board', { key: room.links.keys.facilitator })
    try {
      await expectStage(page, 'Assess')
      const identity = await keptIdentity(page, room.links.id)
      expect(identity?.participantId).toMatch(/^[A-Za-z0-9_-]{22}$/)
      const trend = ROOM_TRENDS[1]
      await page.getByRole('button', { name: `Give a dot to ${trend}` }).click()
      const done = page.getByRole('button', { name: "I'm done" })
      await done.click()
      await expect.poll(() => done.getAttribute('aria-pressed'), SLOW).toBe('true')

      // What the server stored is Kai's, under the id it gave him.
      await synced(observer)
      const mine = () => [...readBoard(observer.doc).votes.values()].filter((v) => v.participantId === identity!.participantId)
      await expect.poll(() => mine().length, SLOW).toBe(1)
      await expect.poll(() => [...readBoard(observer.doc).ready.values()].some((r) => r.participantId === identity!.participantId && r.ready), SLOW).toBe(true)

      await page.reload()
      await expectConnected(page)
      await expectStage(page, 'Assess')
      expect((await keptIdentity(page, room.links.id))?.participantId).toBe(identity!.participantId)
      // Not asked for a name again, and everything Kai did is still his on this screen.
      expect(await page.getByRole('dialog', { name: 'What should we call you?' }).count()).toBe(0)
      await expect.poll(() => page.getByRole('button', { name: "I'm done" }).getAttribute('aria-pressed'), SLOW).toBe('true')
      await expect.poll(() => page.getByRole('button', { name: `Take a dot back from ${trend}` }).count(), SLOW).toBe(1)

      // And the server still takes his changes: a second dot lands under the same id.
      await page.getByRole('button', { name: `Give a dot to ${ROOM_TRENDS[2]}` }).click()
      await expect.poll(() => mine().length, SLOW).toBe(2)
      expect(readBoard(observer.doc).participants.get(identity!.participantId)?.name).toBe('Kai')
      await screenshot(page, 'identity-after-reload')
      expect(person.errors).toEqual([])
    } finally {
      observer.destroy()
      await person.close()
      room.done()
    }
  })

  it('is the same person in a workshop imported from one they were in: listed once, and their cards still theirs', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('signals')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai' })
    const page = person.page
    const readers: { destroy(): void }[] = []
    try {
      await expectStage(page, 'Signals')
      await page.getByLabel('What did you notice?').fill('Libraries lend sewing machines')
      await page.getByRole('button', { name: 'Add card' }).click()
      const kai = (await keptIdentity(page, room.links.id))!.participantId
      const original = connectClient(app.server.wsUrl, room.links.id, 'board', { key: room.links.keys.facilitator })
      readers.push(original)
      await synced(original)
      await expect.poll(() => [...readBoard(original.doc).signals.values()].filter((s) => s.authorId === kai).length, SLOW).toBe(1)

      // The workshop goes on from its backup, as the facilitator's "Open a backup" makes it.
      const backup = await fetch(`${app.server.url}/api/workshops/${room.links.id}/export?format=json`, {
        headers: { authorization: `Bearer ${room.links.keys.facilitator}` },
      })
      const imported = await fetch(`${app.server.url}/api/workshops/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: await backup.text(),
      })
      const copy = (await imported.json()) as WorkshopLinks
      await page.goto(copy.links.participant)
      await expectConnected(page)
      await expectStage(page, 'Signals')
      expect((await keptIdentity(page, copy.id))?.participantId).toBe(kai)
      const board = connectClient(app.server.wsUrl, copy.id, 'board', { key: copy.keys.participant })
      readers.push(board)
      await synced(board)
      // His card is his to edit here too.
      const card = page.locator('.signal-card', { hasText: 'Libraries lend sewing machines' })
      await expect.poll(() => card.getByRole('button', { name: /^Edit/ }).count(), SLOW).toBeGreaterThan(0)
      // Once a card he adds here has arrived, the people are those who came with the backup: Kai once.
      await page.getByLabel('What did you notice?').fill('Repair cafés in every library')
      await page.getByRole('button', { name: 'Add card' }).click()
      await expect.poll(() => [...readBoard(board.doc).signals.values()].filter((s) => s.authorId === kai).length, SLOW).toBe(2)
      expect(readBoard(board.doc).participants.size).toBe(readBoard(original.doc).participants.size)
      expect([...readBoard(board.doc).participants.values()].filter((p) => p.name === 'Kai').map((p) => p.id)).toEqual([kai])
      await screenshot(page, 'identity-after-import')
      expect(person.errors).toEqual([])
    } finally {
      for (const reader of readers) reader.destroy()
      await person.close()
      room.done()
    }
  })

  it("a facilitator's phone goes on as the facilitator already in the room, not a second person of the same name", { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('assess')
    // A participant who is also called Fiona, in the room first: the phone is not asked about her.
    const participantFiona = await mintIdentity(app.server.url, room.links.id, room.links.keys.participant)
    const hers = connectClient(app.server.wsUrl, room.links.id, 'board', { key: room.links.keys.participant, identity: participantFiona.token })
    await synced(hers)
    joinAsParticipant(hers.doc, { participantId: participantFiona.participantId }, 'Fiona')
    const laptop = await openAs(app.browser, app.server, room.links.links.facilitator, { name: 'Fiona' })
    const phone = await openAs(app.browser, app.server, room.links.links.facilitator, { name: 'Fiona', viewport: 'phone', samePerson: 'ask' })
    const observer = connectClient(app.server.wsUrl, room.links.id, 'board', { key: room.links.keys.facilitator })
    try {
      const fiona = (await keptIdentity(laptop.page, room.links.id))!.participantId
      const question = phone.page.getByRole('dialog', { name: 'Fiona is already in this workshop' })
      await question.waitFor(SLOW)
      await screenshot(phone.page, 'identity-same-facilitator-phone')
      await question.getByRole('button', { name: "Yes, I'm Fiona" }).click()
      await expect.poll(() => keptIdentity(phone.page, room.links.id).then((kept) => kept?.participantId), SLOW).toBe(fiona)
      await expectConnected(phone.page)
      // Once a later change from the phone has arrived (her name, changed there), Fiona is one person on the board.
      await synced(observer)
      await phone.page.getByRole('button', { name: 'Fiona, change your name' }).click()
      const rename = phone.page.getByRole('dialog', { name: 'What should we call you?' })
      await rename.getByLabel('Your name').fill('Fiona K')
      await rename.getByRole('button', { name: 'Save' }).click()
      await expect.poll(() => readBoard(observer.doc).participants.get(fiona)?.name, SLOW).toBe('Fiona K')
      expect(
        [...readBoard(observer.doc).participants.values()]
          .filter((person) => person.name.startsWith('Fiona'))
          .map((person) => person.id)
          .sort(),
      ).toEqual([participantFiona.participantId, fiona].sort())
      expect([...laptop.errors, ...phone.errors]).toEqual([])
    } finally {
      hers.destroy()
      observer.destroy()
      await laptop.close()
      await phone.close()
      room.done()
    }
  })

  it(
    "a facilitator's phone that comes with another name, kept from an earlier workshop, is asked who of the facilitator's link it is",
    { timeout: 120_000 },
    async () => {
      const room = await seedRoom(app.server)
      room.go('assess')
      const earlier = await createWorkshop(app.server.url, { title: 'Last spring' })
      const laptop = await openAs(app.browser, app.server, room.links.links.facilitator, { name: 'Fiona' })
      // The phone took part in an earlier workshop as "Fiona K.", and keeps that name.
      const phone = await openAs(app.browser, app.server, earlier.links.participant, { name: 'Fiona K.', viewport: 'phone', samePerson: 'ask' })
      const observer = connectClient(app.server.wsUrl, room.links.id, 'board', { key: room.links.keys.facilitator })
      try {
        const fiona = (await keptIdentity(laptop.page, room.links.id))!.participantId
        await phone.page.goto(onServer(room.links.links.facilitator, app.server))
        const question = phone.page.getByRole('dialog', { name: 'Are you already in this workshop?' })
        await question.waitFor(SLOW)
        await screenshot(phone.page, 'identity-same-facilitator-other-name-phone')
        // The keyboard starts on the safe answer: a co-facilitator pressing Enter stays themselves.
        await expect.poll(() => phone.page.evaluate(() => document.activeElement?.textContent), SLOW).toBe("No, I'm someone else")
        await question.getByRole('button', { name: /^I'm Fiona, joined at \d{1,2}[.:]\d{2}$/ }).click()
        await expect.poll(() => keptIdentity(phone.page, room.links.id).then((kept) => kept?.participantId), SLOW).toBe(fiona)
        await expectConnected(phone.page)
        await synced(observer)
        // One person, under the name the room knows: the phone's own name from before does not rename her.
        await phone.page.getByRole('button', { name: 'Fiona, change your name' }).waitFor(SLOW)
        expect([...readBoard(observer.doc).participants.values()].map((person) => person.name).filter((name) => name.startsWith('Fiona'))).toEqual(['Fiona'])
        expect([...laptop.errors, ...phone.errors]).toEqual([])
      } finally {
        observer.destroy()
        await laptop.close()
        await phone.close()
        room.done()
      }
    },
  )

  it('a card half-written when the stage moves on, or the page reloads, is still in the form', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('signals')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai', viewport: 'phone' })
    const page = person.page
    try {
      await expectStage(page, 'Signals')
      const title = page.getByLabel('What did you notice?')
      await title.fill('Libraries lend sewing machines')
      // The facilitator moves on while Kai types; he goes back to finish his card.
      room.go('trends')
      await expectStage(page, 'Trends')
      await page.locator('.stepper button', { hasText: 'Signals' }).click()
      await expect.poll(() => title.inputValue(), SLOW).toBe('Libraries lend sewing machines')
      await page.reload()
      await expectConnected(page)
      await page.locator('.stepper button', { hasText: 'Signals' }).click()
      await expect.poll(() => title.inputValue(), SLOW).toBe('Libraries lend sewing machines')
      await screenshot(page, 'signal-kept-after-reload-phone')
      await page.getByRole('button', { name: 'Add card' }).click()
      await expect.poll(() => title.inputValue(), SLOW).toBe('')
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.done()
    }
  })

  it('a card edit left unsaved when the page reloads opens again with its words, and Save shows it to everyone', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('signals')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai', viewport: 'phone' })
    const other = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Lea' })
    const page = person.page
    try {
      await expectStage(page, 'Signals')
      await addCard(page, 'Libraries lend sewing machines')
      const card = page.getByRole('article', { name: 'Libraries lend sewing machines' })
      await card.getByRole('button', { name: /^Edit/ }).click()
      const editor = page.getByRole('form', { name: 'Edit signal' })
      await editor.getByLabel('What did you notice?').fill('Libraries lend sewing machines and 3D printers')
      await editor.getByLabel('What is happening').fill('Helsinki Oodi lends both; queues every weekend')
      // Kai's phone drops the tab before he presses Save.
      await page.reload()
      await expectConnected(page)
      await expectStage(page, 'Signals')
      const title = editor.getByLabel('What did you notice?')
      await expect.poll(() => title.inputValue(), SLOW).toBe('Libraries lend sewing machines and 3D printers')
      expect(await editor.getByLabel('What is happening').inputValue()).toBe('Helsinki Oodi lends both; queues every weekend')
      await expect.poll(() => title.evaluate((element) => element === document.activeElement), SLOW).toBe(true)
      await screenshot(page, 'signal-edit-kept-after-reload-phone')
      await editor.getByRole('button', { name: 'Save' }).click()
      await expect.poll(() => page.getByRole('article', { name: 'Libraries lend sewing machines and 3D printers' }).count(), SLOW).toBe(1)
      expect(await editor.count()).toBe(0)
      // Lea's wall shows the saved card, its description too.
      const leas = other.page.getByRole('article', { name: 'Libraries lend sewing machines and 3D printers' })
      await expect.poll(() => leas.count(), SLOW).toBe(1)
      expect(await leas.textContent()).toContain('Helsinki Oodi lends both; queues every weekend')
      // Saved: after another reload Kai finds the card, not the editor.
      await page.reload()
      await expectConnected(page)
      await expect.poll(() => page.getByRole('article', { name: 'Libraries lend sewing machines and 3D printers' }).count(), SLOW).toBe(1)
      expect(await editor.count()).toBe(0)
      expect(person.errors).toEqual([])
      expect(other.errors).toEqual([])
    } finally {
      await person.close()
      await other.close()
      room.done()
    }
  })

  /** Kai on a phone in the seeded room at Takeaways, with "Add a takeaway" open. */
  async function openTakeawayForm() {
    const room = await seedRoom(app.server)
    room.go('takeaways')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai', viewport: 'phone' })
    const page = person.page
    await expectStage(page, 'Takeaways')
    await page.getByRole('button', { name: 'Add a takeaway', exact: true }).click()
    return { room, person, page, dialog: page.getByRole('dialog', { name: 'Add a takeaway' }) }
  }

  it('a takeaway half-written when the page reloads opens again with its words, until it is added', { timeout: 120_000 }, async () => {
    const { room, person, page, dialog } = await openTakeawayForm()
    try {
      await dialog.getByLabel('What should we do?').fill('Lend sewing machines at every library')
      await dialog.getByLabel('Who').fill('The library board')
      await page.reload()
      await expectConnected(page)
      await expect.poll(() => dialog.getByLabel('What should we do?').inputValue(), SLOW).toBe('Lend sewing machines at every library')
      expect(await dialog.getByLabel('Who').inputValue()).toBe('The library board')
      await screenshot(page, 'takeaway-kept-after-reload-phone')
      await dialog.getByRole('button', { name: 'Add the takeaway' }).click()
      await expect.poll(() => page.getByText('Lend sewing machines at every library').count(), SLOW).toBeGreaterThan(0)
      await page.reload()
      await expectConnected(page)
      await expect.poll(() => page.getByText('Lend sewing machines at every library').count(), SLOW).toBeGreaterThan(0)
      expect(await dialog.count()).toBe(0)
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.done()
    }
  })

  it('a reopened takeaway keeps the trends it links to while the board is still on its way', { timeout: 120_000 }, async () => {
    const { room, person, page, dialog } = await openTakeawayForm()
    try {
      await dialog.getByLabel('What should we do?').fill('Pilot home care robots in two districts')
      await dialog.getByRole('checkbox', { name: /^Care moves home/ }).check()
      // The page comes back on a device without the board's offline copy, and the board's socket
      // held back: the form opens from what the device kept before any trend is known.
      let boardHeld = true
      await page.routeWebSocket(/\/board(\?|$)/, (socket) => {
        if (boardHeld) return socket.close()
        socket.connectToServer()
      })
      await page.goto(`${app.server.url}/healthz`)
      await page.evaluate(
        (name) =>
          new Promise((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name)
            request.onsuccess = resolve
            request.onerror = reject
          }),
        `s2s:${room.links.id}:board`,
      )
      await page.goto(onServer(room.links.links.participant, app.server))
      await expect.poll(() => dialog.getByLabel('What should we do?').inputValue(), SLOW).toBe('Pilot home care robots in two districts')
      expect(await dialog.getByRole('checkbox', { name: /^Care moves home/ }).count()).toBe(0)
      expect(await dialog.getByRole('group', { name: /^Trends it comes from/ }).textContent()).toContain('1 chosen')
      // The board arrives: the link is still chosen, and the takeaway is added with it.
      boardHeld = false
      await expect.poll(() => dialog.getByRole('checkbox', { name: /^Care moves home/ }).isChecked(), { timeout: 30_000 }).toBe(true)
      await dialog.getByRole('button', { name: 'Add the takeaway' }).click()
      const added = page.getByRole('article').filter({ hasText: 'Pilot home care robots in two districts' })
      await expect.poll(() => added.getByText('Care moves home').count(), SLOW).toBeGreaterThan(0)
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.done()
    }
  })
})
