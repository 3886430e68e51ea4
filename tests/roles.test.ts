import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, goToStage, joinAsParticipant, readBoard, readControl, setLocked } from '../shared/doc/index.ts'
import { appConnection, synced, upgradeStatus } from './support/clients.ts'
import { useServers } from './support/fixture.ts'
import { createWorkshop, mintIdentity, waitFor } from './support/server.ts'

const servers = useServers()
const setup = () => servers.workshop({ extensions: true })

describe('roles are enforced by the server', () => {
  it('a participant’s write to the control document is refused, never reaches the facilitator or the store', async () => {
    const { server, workshop, open } = await setup()
    const facilitator = open('control', workshop.keys.facilitator)
    const participant = open('control', workshop.keys.participant)
    const honest = open('control', workshop.keys.participant)
    await synced(facilitator, participant, honest)
    await waitFor(() => readControl(participant.doc).stages.length === 7, 5_000, 'the stages to arrive')
    const [, signals, trends] = readControl(participant.doc).stages
    // Every stage the honest participant is ever shown, from the first update on.
    const honestSaw: (string | null)[] = []
    honest.doc.on('update', () => honestSaw.push(readControl(honest.doc).currentStageId))

    goToStage(participant.doc, trends!.id)
    await waitFor(() => participant.denied.length > 0, 5_000, 'a permission-denied answer')
    expect(participant.denied[0]).toMatch(/participant may not change the control document/)
    // The app says why in the person's language: a participant never writes the control document.
    await waitFor(() => participant.refusals.length > 0, 5_000, 'the notice after the refusal')
    expect(participant.refusals).toEqual(['readOnly'])

    goToStage(facilitator.doc, signals!.id)
    // The facilitator's later move is the marker: had the server passed the forgery on, the honest
    // participant would have seen it before this.
    await waitFor(() => readControl(honest.doc).currentStageId === signals!.id, 5_000, 'the facilitator’s move')
    expect(honestSaw).not.toContain(trends!.id)
    expect(readControl(facilitator.doc).currentStageId).toBe(signals!.id)

    await server.registry.settle()
    const stored = await server.store.load(workshop.id, 'control')
    const reloaded = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(reloaded, update)
    expect(readControl(reloaded).currentStageId).toBe(signals!.id)
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/reason="write_forbidden"\} [1-9]/)
  })

  it('a card written while the board was locked (a phone offline at the lock) reaches everyone once it is unlocked', async () => {
    const { server, workshop, open } = await setup()
    const lee = await mintIdentity(server.url, workshop.id, workshop.keys.participant)
    const facilitator = open('control', workshop.keys.facilitator)
    const phone = open('board', workshop.keys.participant, { identity: lee.token })
    const phoneControl = open('control', workshop.keys.participant)
    const observer = open('board', workshop.keys.facilitator)
    await synced(facilitator, phone, phoneControl, observer)
    const actor = { participantId: lee.participantId }
    joinAsParticipant(phone.doc, actor, 'Lee')
    await waitFor(() => readBoard(observer.doc).participants.size === 1, 5_000, 'Lee to join')
    const titles = () => [...readBoard(observer.doc).signals.values()].map((signal) => signal.title).sort()

    setLocked(facilitator.doc, true)
    await waitFor(() => readControl(phoneControl.doc).locked, 5_000, 'the lock to arrive')
    addSignal(phone.doc, { title: 'Written while locked' }, actor)
    await waitFor(() => phone.refusals.length > 0, 5_000, 'the refusal')
    expect(phone.refusals).toEqual(['locked'])
    setLocked(facilitator.doc, false)
    await waitFor(() => !readControl(phoneControl.doc).locked, 5_000, 'the unlock to arrive')
    // Her next card builds on the refused one: both arrive.
    addSignal(phone.doc, { title: 'Written after the unlock' }, actor)
    await waitFor(() => titles().length === 2, 5_000, 'both cards').catch(() => undefined)
    expect(titles()).toEqual(['Written after the unlock', 'Written while locked'])
  })

  it('the app hears that the lock refused its card, in a word it can translate, and forgets it once the card is stored', async () => {
    const { server, workshop, open } = await setup()
    const lee = await mintIdentity(server.url, workshop.id, workshop.keys.participant)
    const facilitator = open('control', workshop.keys.facilitator)
    const phoneControl = open('control', workshop.keys.participant)
    const doc = new Y.Doc()
    const phone = appConnection({
      doc,
      workshopId: workshop.id,
      docName: 'board',
      key: workshop.keys.participant,
      identityToken: lee.token,
      origin: server.url,
    })
    servers.defer(() => phone.destroy())
    await synced(facilitator, phoneControl)
    await waitFor(() => phone.getState().synced, 5_000, 'the phone to sync')
    const actor = { participantId: lee.participantId }
    joinAsParticipant(doc, actor, 'Lee')
    await waitFor(() => phone.getState().pending === 0, 5_000, 'Lee’s name to be stored')

    setLocked(facilitator.doc, true)
    await waitFor(() => readControl(phoneControl.doc).locked, 5_000, 'the lock to arrive')
    // Every reason the page shows, in order: the right one from the first (never "read-only" for a moment).
    const shown: string[] = []
    phone.subscribe(() => {
      const denied = phone.getState().denied
      if (denied !== null && shown.at(-1) !== denied) shown.push(denied)
    })
    addSignal(doc, { title: 'Written while locked' }, actor)
    await waitFor(() => phone.getState().denied !== null, 5_000, 'the refusal')
    expect(shown).toEqual(['locked'])

    setLocked(facilitator.doc, false)
    await waitFor(() => phone.getState().denied === null, 20_000, 'the card to be stored after the unlock')
    expect(phone.getState().pending).toBe(0)
  })

  it('a screen connection cannot write the board', async () => {
    const { workshop, open } = await setup()
    const screen = open('board', workshop.keys.screen)
    const participant = open('board', workshop.keys.participant)
    await synced(screen, participant)
    screen.doc.getMap('signals').set('x', 'graffiti')
    await waitFor(() => screen.refusals.length > 0)
    expect(screen.refusals).toEqual(['readOnly'])
    participant.doc.getMap('signals').set('y', 'a real signal')
    await waitFor(() => screen.doc.getMap('signals').get('y') === 'a real signal')
    expect(participant.doc.getMap('signals').has('x')).toBe(false)
  })

  it('refuses at the upgrade: malformed id 400, unknown workshop 404, no or wrong key 401', async () => {
    const { server, workshop } = await setup()
    const base = `${server.wsUrl}/${workshop.id}/board`
    expect(await upgradeStatus(`${server.wsUrl}/not-an-id/board?key=${workshop.keys.participant}`)).toBe(400)
    expect(await upgradeStatus(`${server.wsUrl}/${workshop.id}/attic?key=${workshop.keys.participant}`)).toBe(400)
    expect(await upgradeStatus(`${server.wsUrl}/AAAAAAAAAAAAAAAAAAAAAA/board?key=${workshop.keys.participant}`)).toBe(404)
    expect(await upgradeStatus(base)).toBe(401)
    const wrongFacilitatorKey = workshop.keys.facilitator.slice(0, -1) + (workshop.keys.facilitator.endsWith('A') ? 'B' : 'A')
    expect(await upgradeStatus(`${base}?key=${wrongFacilitatorKey}`)).toBe(401)
    expect(await upgradeStatus(`${server.wsUrl}/${workshop.id}/control?key=${wrongFacilitatorKey}`)).toBe(401)
    expect(await upgradeStatus(`${base}?key=${workshop.keys.facilitator}`)).toBe(101)
    expect(await upgradeStatus(`${server.wsUrl}/${workshop.id}/draft-AAAAAAAAAAAAAAAAAAAAAA?key=${workshop.keys.screen}`)).toBe(403)
  })

  it('the workshop id alone grants nothing; the facilitator key gets the other links back', async () => {
    const { server, workshop } = await setup()
    const url = `${server.url}/api/workshops/${workshop.id}`
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(url, { headers: { authorization: `Bearer ${workshop.keys.participant}` } })).status).toBe(403)
    const res = await fetch(url, { headers: { authorization: `Bearer ${workshop.keys.facilitator}` } })
    expect(res.status).toBe(200)
    const again = (await res.json()) as typeof workshop
    expect(again.keys).toEqual(workshop.keys)
    expect(again.links.participant).toBe(workshop.links.participant)
    expect(workshop.links.participant).toMatch(new RegExp(`/w/${workshop.id}/join#key=${workshop.keys.participant}$`))
  })
})

describe('creating a workshop', () => {
  async function post(url: string, body: string) {
    const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    return { status: res.status, body: (await res.json()) as { error: string; field?: string } }
  }

  it('answers 201 with unguessable ids and keys', async () => {
    const { workshop } = await setup()
    expect(workshop.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    for (const key of Object.values(workshop.keys)) expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(new Set(Object.values(workshop.keys)).size).toBe(3)
  })

  it('validates the body and names the field', async () => {
    const { server } = await setup()
    const missing = await post(server.url, JSON.stringify({ focalQuestion: 'What then?' }))
    expect(missing).toMatchObject({ status: 400, body: { field: 'title' } })
    expect(missing.body.error).toMatch(/title/)
    const wrongType = await post(server.url, JSON.stringify({ title: 'Ok', horizonYear: 'soon' }))
    expect(wrongType).toMatchObject({ status: 400, body: { field: 'horizonYear' } })
    const badTemplate = await post(server.url, JSON.stringify({ title: 'Ok', template: 'nope' }))
    expect(badTemplate).toMatchObject({ status: 400, body: { field: 'template' } })
    const longTitle = await post(server.url, JSON.stringify({ title: 'x'.repeat(500) }))
    expect(longTitle).toMatchObject({ status: 400, body: { field: 'title' } })
    const notJson = await post(server.url, '{"title": ')
    expect(notJson.status).toBe(400)
    const huge = await post(server.url, JSON.stringify({ title: 'x'.repeat(10 * 1024 * 1024) }))
    expect(huge.status).toBe(413)
    expect(huge.body.error).toMatch(/larger than/)
  })

  it('limits how many workshops one address creates', async () => {
    const server = await servers.server({ limits: { workshopsPerIpPerHour: 2 } })
    await createWorkshop(server.url)
    await createWorkshop(server.url)
    const third = await post(server.url, JSON.stringify({ title: 'third' }))
    expect(third.status).toBe(429)
  })
})

describe('checking a link before connecting', () => {
  it('tells each key its role, and refuses a wrong one with a status a browser can read', async () => {
    const { server, workshop } = await setup()
    const access = (id: string, key?: string) => fetch(`${server.url}/api/workshops/${id}/access`, key ? { headers: { authorization: `Bearer ${key}` } } : {})
    for (const role of ['facilitator', 'participant', 'screen'] as const) {
      const res = await access(workshop.id, workshop.keys[role])
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ role })
    }
    expect((await access(workshop.id)).status).toBe(401)
    expect((await access(workshop.id, 'x'.repeat(32))).status).toBe(401)
    expect((await access('AAAAAAAAAAAAAAAAAAAAAA', workshop.keys.participant)).status).toBe(404)
    expect((await access('bad', workshop.keys.participant)).status).toBe(400)
  })
})
