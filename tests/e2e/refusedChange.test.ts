/**
 * A phone whose own copy of the board holds a change the server refuses as another person's (here
 * an edit of Ben's card, put in its offline store as a stale copy would hold it) and, beside it, a
 * card written offline. Every connect sent both in one update, and the server refused it whole:
 * the card never reached the room. Now the page sets its copy aside, loads the room's, and carries
 * its own changes over (client/state/useRenewal.ts): the card arrives, Ben's card stays as Ben
 * wrote it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, goToStage, joinAsParticipant, readBoard, updateSignal } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { addCard, expectConnected, openAs, readWall, SLOW } from './support/workshop.ts'
import { waitFor } from '../support/server.ts'

const app = useBrowserAndServer()
const ben = { participantId: 'BenBenBenBenBenBenBen1' }
const BENS = 'Night buses run on demand'
const ANNAS = 'Libraries lend tools'

describe('a change the server refuses as another person’s', () => {
  it('does not keep this device’s other changes from the room', { timeout: 180_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server)
    const { links, board, control } = workshop
    joinAsParticipant(board.doc, ben, 'Ben')
    const bensCard = addSignal(board.doc, { title: BENS }, ben)
    goToStage(control.doc, workshop.stageId('signals'))
    const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    try {
      await expect.poll(() => readWall(anna.page), SLOW).toEqual([BENS])
      // The page is kept by the service worker, so it opens again without the network.
      await expect.poll(() => anna.page.evaluate(() => navigator.serviceWorker.controller !== null), SLOW).toBe(true)
      await expect.poll(() => anna.page.evaluate(async () => (await (await caches.open('s2s-files')).keys()).length), SLOW).toBeGreaterThan(0)

      // An edit of Ben's card, as a stale copy of this phone's could hold it (the app offers none).
      const stale = new Y.Doc()
      Y.applyUpdate(stale, Y.encodeStateAsUpdate(board.doc))
      const before = Y.encodeStateVector(stale)
      updateSignal(stale, bensCard, { title: 'Night buses are cancelled' })
      const refused = [...Y.encodeStateAsUpdate(stale, before)]
      await anna.context.setOffline(true)
      await addCard(anna.page, ANNAS)
      await anna.page.evaluate(
        ({ name, bytes }) =>
          new Promise<void>((resolve, reject) => {
            const opening = indexedDB.open(name)
            opening.onerror = () => reject(opening.error)
            opening.onsuccess = () => {
              const db = opening.result
              const adding = db.transaction('updates', 'readwrite')
              adding.objectStore('updates').add(new Uint8Array(bytes))
              adding.oncomplete = () => (db.close(), resolve())
              adding.onerror = () => reject(adding.error)
            }
          }),
        { name: `s2s:${links.id}:board`, bytes: refused },
      )
      await anna.page.reload()
      // Her copy now holds both: the refused edit shows on her phone only.
      await expect.poll(async () => (await readWall(anna.page)).sort(), SLOW).toEqual([ANNAS, 'Night buses are cancelled'])
      await anna.context.setOffline(false)

      // Anna's card reaches the room; Ben's stays as he wrote it, on her phone too.
      const titles = () => [...readBoard(board.doc).signals.values()].map((signal) => signal.title).sort()
      await waitFor(() => titles().includes(ANNAS), 30_000, "Anna's offline card on the server")
      expect(titles()).toEqual([ANNAS, BENS])
      await expect.poll(async () => (await readWall(anna.page)).sort(), SLOW).toEqual([ANNAS, BENS])
      await screenshot(anna.page, 'refused-change-carried-phone')
      // Written once more after that, it goes through at once.
      await addCard(anna.page, 'Repair cafés open on Sundays')
      await waitFor(() => titles().includes('Repair cafés open on Sundays'), 30_000, "Anna's next card on the server")
      // The phone's stored copy is the room's now: after a reload, the same wall, and nothing refused.
      await anna.page.reload()
      await expect.poll(async () => (await readWall(anna.page)).sort(), SLOW).toEqual([ANNAS, BENS, 'Repair cafés open on Sundays'])
      await expectConnected(anna.page)
      expect(await anna.page.getByText(/was not accepted|wasn't accepted|not saved/i).count()).toBe(0)
      expect(anna.errors).toEqual([])
    } finally {
      workshop.close()
      await anna.close()
    }
  })
})
