import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSignal,
  closeAssessment,
  goToStage,
  readControl,
  requestReveal,
  setFocus,
  setGroups,
  setLocked,
  setPrivateMode,
  setShowJoinPanel,
  setThemes,
  skipStage,
  startTimer,
  toggleKeyDriver,
  updateMeta,
} from '../shared/doc/index.ts'
import { draftDocName } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import { synced, type TestClient } from './support/clients.ts'
import { createWorkshop, type startTestServer, waitFor } from './support/server.ts'
import { useServers } from './support/fixture.ts'

const servers = useServers()

/** Every facilitator command, as a forger would call it on their own copy of the document. */
const CONTROL_WRITES: [string, (doc: Y.Doc, stageId: string) => unknown][] = [
  ['goToStage', (doc, stageId) => goToStage(doc, stageId)],
  ['skipStage', (doc, stageId) => skipStage(doc, stageId)],
  ['startTimer', (doc) => startTimer(doc, Date.now())],
  ['setPrivateMode', (doc) => setPrivateMode(doc, { on: true })],
  ['requestReveal', (doc) => requestReveal(doc)],
  ['setFocus', (doc) => setFocus(doc, { kind: 'signal', id: randomId() })],
  ['setLocked', (doc) => setLocked(doc, true)],
  ['setShowJoinPanel', (doc) => setShowJoinPanel(doc, false)],
  ['closeAssessment', (doc, stageId) => closeAssessment(doc, stageId)],
  ['toggleKeyDriver', (doc) => toggleKeyDriver(doc, randomId())],
  ['setGroups', (doc) => setGroups(doc, [{ name: 'Forged group' }])],
  ['updateMeta', (doc) => updateMeta(doc, { title: 'Forged title' })],
  ['setThemes', (doc) => setThemes(doc, [{ label: 'Forged theme' }])],
]

async function storedState(server: Awaited<ReturnType<typeof startTestServer>>, workshopId: string, docName: string): Promise<Y.Doc> {
  await server.registry.settle()
  const doc = new Y.Doc()
  for (const update of (await server.store.load(workshopId, docName)).updates) Y.applyUpdate(doc, update)
  return doc
}

describe('role forgery', () => {
  for (const role of ['participant', 'screen'] as const) {
    it(`a ${role} cannot change the control document through any facilitator command`, async () => {
      const server = await servers.server()
      const workshop = await createWorkshop(server.url)
      const open = (key: string): TestClient => {
        const client = servers.client(server.wsUrl, workshop.id, 'control', { key, ext: '1' })
        return client
      }
      const witness = open(workshop.keys.facilitator)
      await synced(witness)
      const before = JSON.stringify(readControl(await storedState(server, workshop.id, 'control')))

      for (const [name, write] of CONTROL_WRITES) {
        const forger = open(workshop.keys[role])
        await synced(forger)
        await waitFor(() => readControl(forger.doc).stages.length > 0)
        write(forger.doc, readControl(forger.doc).stages[3]!.id)
        await waitFor(() => forger.denied.length > 0, 5_000, `${name} to be refused`)
        forger.destroy()
      }
      expect(JSON.stringify(readControl(witness.doc))).toBe(before)
      expect(JSON.stringify(readControl(await storedState(server, workshop.id, 'control')))).toBe(before)
    })
  }

  it('a screen cannot write the board by any command, and nothing is stored', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const screen = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.screen })
    await synced(screen)
    addSignal(screen.doc, { title: 'Written from the projector' }, { participantId: randomId() })
    await waitFor(() => screen.denied.length > 0)
    const stored = await storedState(server, workshop.id, 'board')
    expect(stored.getMap('signals').size).toBe(0)
  })

  it('another participant’s draft cannot be reached: a guessed draft id opens an empty document of one’s own', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const key = workshop.keys.participant
    // Drafts exist only while a private round is open.
    const facilitator = servers.client(server.wsUrl, workshop.id, 'control', { key: workshop.keys.facilitator })
    await synced(facilitator)
    setPrivateMode(facilitator.doc, { on: true })
    await waitFor(
      async () => server.registry.withRoom(workshop.id, 'control', (control) => readControl(control.doc).privateMode.on),
      5_000,
      'private mode on the server',
    )
    const annaDraftName = draftDocName(randomId())
    const annaDraft = servers.client(server.wsUrl, workshop.id, annaDraftName, { key })
    await synced(annaDraft)
    addSignal(annaDraft.doc, { title: 'Anna’s private card' }, { participantId: randomId() })
    await waitFor(async () => (await server.store.listDocs(workshop.id)).some((name) => name.startsWith('draft-')), 5_000, 'Anna’s draft to be stored')
    const guessedName = draftDocName(randomId())
    const guess = servers.client(server.wsUrl, workshop.id, guessedName, { key })
    await synced(guess)
    // Anna writes on while the guesser watches; then a marker in the guessed draft itself, from a
    // second tab. Anything of Anna's reaching the guesser would have arrived before the marker.
    addSignal(annaDraft.doc, { title: 'Anna’s second private card' }, { participantId: randomId() })
    await waitFor(() => server.registry.loaded(workshop.id, annaDraftName)?.doc.getMap('signals').size === 2, 5_000, 'Anna’s second card on the server')
    const secondTab = servers.client(server.wsUrl, workshop.id, guessedName, { key })
    await synced(secondTab)
    const marker = addSignal(secondTab.doc, { title: 'Marker from my other tab' }, { participantId: randomId() })
    await waitFor(() => guess.doc.getMap('signals').has(marker), 5_000, 'the marker')
    expect([...guess.doc.getMap('signals').keys()]).toEqual([marker])
  })
})
