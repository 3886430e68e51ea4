import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSignal,
  addSignalToTrend,
  addTakeaway,
  addWheelNode,
  castVote,
  createTrend,
  createUndoManager,
  deleteSignal,
  deleteTakeaway,
  deleteTrend,
  deleteWheelNode,
  initDraft,
  joinAsParticipant,
  markFacilitatorPerson,
  mergeIntoSignal,
  placeAssessment,
  readBoard,
  readControl,
  retractVote,
  setReady,
  startPrivateRound,
  togglePlusOne,
  updateSignal,
  updateTakeaway,
  updateWheelNode,
  type Actor,
} from '../../shared/doc/index.ts'
import { draftDocName } from '../../shared/protocol.ts'
import { randomId } from '../../shared/util/ids.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { mintIdentity } from '../support/server.ts'
import { expectLoopBounded, openArena, waitFor, watchHealth, type Arena } from './support/harness.ts'

/**
 * Finding 13 of the hostile probe: a participant could overwrite another person's name and
 * count, take over their presence and stuff votes by inventing participant ids. Now the server
 * signs each person's id, and per-person records are accepted only from their owner. Each
 * forgery runs from its own stock y-websocket client against a real server in a child process.
 */
describe('server-known participant identity', { timeout: 60_000 }, () => {
  let arena: Arena
  let anna: { participantId: string; token: string }
  let mallory: { participantId: string; token: string }
  const clients: TestClient[] = []
  const stageId = randomId()
  const rules = { votesPerPerson: 3 }

  beforeAll(async () => {
    arena = await openArena()
    anna = await mintIdentity(arena.server.url, arena.target.id, arena.target.keys.participant)
    mallory = await mintIdentity(arena.server.url, arena.target.id, arena.target.keys.participant)
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await arena.close()
  })

  /** A stock client of the target workshop: with a participant identity, or as the facilitator. */
  async function open(docName: string, who: { token: string } | 'facilitator' | 'nobody', extensions = false): Promise<TestClient> {
    const { keys, id } = arena.target
    const params: Record<string, string> =
      who === 'facilitator' ? { key: keys.facilitator } : who === 'nobody' ? { key: keys.participant } : { key: keys.participant, identity: who.token }
    const client = connectClient(arena.server.wsUrl, id, docName, extensions ? { ...params, ext: '1' } : params)
    clients.push(client)
    await synced(client)
    return client
  }
  const as = (who: { participantId: string }): Actor => ({ participantId: who.participantId })

  /** Each forgery from its own stock client as Mallory: the server refuses it as another person's. */
  async function expectRefused(forgeries: [string, (doc: Y.Doc) => unknown][]): Promise<void> {
    for (const [what, forge] of forgeries) {
      const forger = await open('board', mallory, true)
      forge(forger.doc)
      await waitFor(() => forger.refusals.length > 0, 5_000, `the server to refuse: ${what}`)
      expect(forger.denied[0], what).toMatch(/another person/)
      // The app says it in the person's language.
      expect(new Set(forger.refusals), what).toEqual(new Set(['notYours']))
    }
  }

  it('issues an identity once and gives the same one back to the browser that offers it', async () => {
    const { url } = arena.server
    const first = await mintIdentity(url, arena.target.id, arena.target.keys.participant)
    expect(first.status).toBe(201)
    const again = await mintIdentity(url, arena.target.id, arena.target.keys.participant, first.token)
    expect(again).toMatchObject({ status: 200, participantId: first.participantId, token: first.token })
    // Anna's id with Mallory's signature, and Anna's token in another workshop: neither is Anna.
    const borrowed = await mintIdentity(url, arena.target.id, arena.target.keys.participant, `${anna.participantId}.${mallory.token.split('.')[1]}`)
    expect(borrowed.status).toBe(201)
    expect(borrowed.participantId).not.toBe(anna.participantId)
    const elsewhere = await mintIdentity(url, arena.bystander.id, arena.bystander.keys.participant, anna.token)
    expect(elsewhere.participantId).not.toBe(anna.participantId)
    const screen = await fetch(`${url}/api/workshops/${arena.target.id}/identity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${arena.target.keys.screen}` },
      body: '{}',
    })
    expect(screen.status).toBe(403)
  })

  it("lets a facilitator's other device continue as someone on the board; a participant may not, nor anyone as a stranger", async () => {
    const { url } = arena.server
    const { id, keys } = arena.target
    const fiona = await mintIdentity(url, id, keys.facilitator)
    const board = await open('board', 'facilitator')
    const control = await open('control', 'facilitator')
    joinAsParticipant(board.doc, as(fiona), 'Fiona')
    markFacilitatorPerson(control.doc, fiona.participantId)
    // A participant of the same name, on the board but not of the facilitator's link.
    const otherFiona = await mintIdentity(url, id, keys.participant)
    joinAsParticipant((await open('board', otherFiona)).doc, as(otherFiona), 'Fiona')
    await waitFor(() => readBoard(board.doc).participants.has(fiona.participantId) && readBoard(board.doc).participants.has(otherFiona.participantId))
    const continueAs = (key: string, participantId: string, workshopId = id) =>
      fetch(`${url}/api/workshops/${workshopId}/identity`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ as: participantId }),
      })
    // The board is read on the server: wait until Fiona's record has been stored there.
    await waitFor(async () => (await continueAs(keys.facilitator, fiona.participantId)).status === 201, 5_000, 'Fiona on the board')
    const phone = (await (await continueAs(keys.facilitator, fiona.participantId)).json()) as { participantId: string; token: string }
    expect(phone.participantId).toBe(fiona.participantId)
    // The token proves Fiona: offered back, it is her.
    expect(await mintIdentity(url, id, keys.participant, phone.token)).toMatchObject({ status: 200, participantId: fiona.participantId })
    expect((await continueAs(keys.participant, fiona.participantId)).status).toBe(403)
    expect((await continueAs(keys.facilitator, randomId())).status).toBe(404)
    // Nor as a participant: her vote is hers alone, whatever her name.
    expect((await continueAs(keys.facilitator, otherFiona.participantId)).status).toBe(404)
    // Not in another workshop, whose board does not have her.
    expect((await continueAs(arena.bystander.keys.facilitator, fiona.participantId, arena.bystander.id)).status).toBe(404)
  })

  it("refuses every forgery of Anna's name, ready flag, placement and vote, and vote stuffing; Anna is unaffected", async () => {
    const health = await watchHealth(arena.server.url)
    const annaBoard = await open('board', anna)
    const observer = await open('board', 'facilitator')
    const trendId = createTrend(annaBoard.doc, { name: 'Communities of care' }, as(anna))
    joinAsParticipant(annaBoard.doc, as(anna), 'Anna')
    setReady(annaBoard.doc, stageId, true, as(anna))
    placeAssessment(annaBoard.doc, { trendId, impact: 0.8, uncertainty: 0.3 }, as(anna))
    expect(castVote(annaBoard.doc, { trendId, stageId }, as(anna), rules).ok).toBe(true)
    const takeawayId = addTakeaway(annaBoard.doc, { text: 'Ask the neighbours first' }, as(anna))
    togglePlusOne(annaBoard.doc, takeawayId, as(anna))
    await waitFor(
      () => readBoard(observer.doc).votes.size === 1 && readBoard(observer.doc).ready.size === 1 && readBoard(observer.doc).plusOnes.size === 1,
      5_000,
      "Anna's records",
    )

    const forgeries: [string, (board: TestClient['doc']) => void][] = [
      ['rename Anna', (doc) => joinAsParticipant(doc, as(anna), 'Mallory was here')],
      ['take back her "I\'m done"', (doc) => setReady(doc, stageId, false, as(anna))],
      ['move her placement', (doc) => placeAssessment(doc, { trendId, impact: 0, uncertainty: 1 }, as(anna))],
      ['take back her vote', (doc) => retractVote(doc, { trendId, stageId }, as(anna))],
      ['take back her +1', (doc) => togglePlusOne(doc, takeawayId, as(anna))],
      ['replace her whole record', (doc) => doc.getMap('participants').set(anna.participantId, new Y.Map())],
      [
        'vote as 20 invented people',
        (doc) => {
          for (let i = 0; i < 20; i++) castVote(doc, { trendId, stageId }, { participantId: randomId() }, rules)
        },
      ],
    ]
    await expectRefused(forgeries)
    // Mallory's own vote goes through: a marker that arrives after every forgery was handled.
    const honest = await open('board', mallory)
    castVote(honest.doc, { trendId, stageId }, as(mallory), rules)
    await waitFor(() => readBoard(observer.doc).votes.size === 2, 5_000, "Mallory's own vote")
    expect(honest.denied).toEqual([])

    const board = readBoard(observer.doc)
    expect(board.participants.get(anna.participantId)?.name).toBe('Anna')
    expect([...board.ready.values()]).toEqual([{ stageId, participantId: anna.participantId, ready: true }])
    expect([...board.assessments.values()]).toEqual([{ trendId, participantId: anna.participantId, impact: 0.8, uncertainty: 0.3 }])
    expect([...board.votes.values()].map((v) => v.participantId).sort()).toEqual([anna.participantId, mallory.participantId].sort())
    expect([...board.plusOnes.values()]).toEqual([{ takeawayId, participantId: anna.participantId }])
    // And Anna's own browser goes on: she moves her marker and it lands.
    placeAssessment(annaBoard.doc, { trendId, impact: 0.6, uncertainty: 0.4 }, as(anna))
    await waitFor(() => [...readBoard(observer.doc).assessments.values()][0]?.impact === 0.6, 5_000, "Anna's move")
    expect(annaBoard.denied).toEqual([])
    await expectLoopBounded('finding 13', health, arena.server.url)
  })

  it('deleting a trend takes everyone’s placements and votes with it, and undo brings them back', async () => {
    const annaBoard = await open('board', anna)
    const observer = await open('board', 'facilitator')
    const trendId = createTrend(annaBoard.doc, { name: 'Loneliness drops' }, as(anna))
    placeAssessment(annaBoard.doc, { trendId, impact: 0.9, uncertainty: 0.9 }, as(anna))
    castVote(annaBoard.doc, { trendId, stageId }, as(anna), rules)
    const onTrend = () => [...readBoard(observer.doc).assessments.values()].filter((a) => a.trendId === trendId).length
    await waitFor(() => onTrend() === 1, 5_000, "Anna's placement")

    const other = await open('board', mallory)
    await waitFor(() => readBoard(other.doc).trends.has(trendId), 5_000, 'the trend at Mallory')
    const undo = createUndoManager(other.doc)
    deleteTrend(other.doc, trendId)
    await waitFor(() => !readBoard(observer.doc).trends.has(trendId) && onTrend() === 0, 5_000, 'the trend and its placements gone')
    undo.undo()
    await waitFor(() => readBoard(observer.doc).trends.has(trendId) && onTrend() === 1, 5_000, 'the trend and its placements back')
    expect(other.denied).toEqual([])
    undo.destroy()
  })

  it('without an identity, or with a forged one, no per-person record is accepted; cards still are', async () => {
    const observer = await open('board', 'facilitator')
    const stock = await open('board', 'nobody')
    joinAsParticipant(stock.doc, { participantId: randomId() }, 'Nobody')
    await waitFor(() => stock.denied.length > 0, 5_000, 'the refusal')
    expect(stock.denied[0]).toMatch(/identity/)
    const forged = connectClient(arena.server.wsUrl, arena.target.id, 'board', {
      key: arena.target.keys.participant,
      identity: `${anna.participantId}.${'A'.repeat(24)}`,
    })
    clients.push(forged)
    await synced(forged)
    joinAsParticipant(forged.doc, as(anna), 'Not Anna')
    await waitFor(() => forged.denied.length > 0, 5_000, 'the refusal of a forged token')
    const card = await open('board', 'nobody')
    const signalId = addSignal(card.doc, { title: 'Robots read bedtime stories' }, { participantId: randomId() })
    await waitFor(() => readBoard(observer.doc).signals.has(signalId), 5_000, 'the card')
    expect(readBoard(observer.doc).participants.get(anna.participantId)?.name).toBe('Anna')
  })

  it("refuses changing or deleting Anna's card, consequence and takeaway; her own edits, Merge into it, clustering and a trend's wheel go on", async () => {
    const annaBoard = await open('board', anna)
    const observer = await open('board', 'facilitator')
    const trendId = createTrend(annaBoard.doc, { name: 'Care at home' }, as(anna))
    const signalId = addSignal(annaBoard.doc, { title: 'Care robots in elderly homes' }, as(anna))
    const nodeId = addWheelNode(annaBoard.doc, { trendId, parentId: null, text: 'Fewer care homes' }, as(anna))!
    const takeawayId = addTakeaway(annaBoard.doc, { text: 'Pilot robot-assisted home care' }, as(anna))
    const board = () => readBoard(observer.doc)
    await waitFor(() => board().signals.has(signalId) && board().wheelNodes.has(nodeId) && board().takeaways.has(takeawayId), 5_000, "Anna's records")

    const forgeries: [string, (doc: Y.Doc) => unknown][] = [
      ['rewrite her card', (doc) => updateSignal(doc, signalId, { title: 'Robots are a scam' })],
      ['delete her card', (doc) => deleteSignal(doc, signalId)],
      ['rewrite her consequence', (doc) => updateWheelNode(doc, nodeId, { text: 'Nothing changes' })],
      ['delete her consequence', (doc) => deleteWheelNode(doc, nodeId)],
      ['rewrite her takeaway', (doc) => updateTakeaway(doc, takeawayId, { who: 'Nobody' })],
      ['delete her takeaway', (doc) => deleteTakeaway(doc, takeawayId)],
    ]
    await expectRefused(forgeries)

    // What the app offers Mallory on Anna's records goes through.
    const honest = await open('board', mallory)
    addSignalToTrend(honest.doc, signalId, trendId, as(mallory))
    mergeIntoSignal(honest.doc, signalId, { title: 'Robots lift patients', category: 'technological' }, as(mallory))
    const childId = addWheelNode(honest.doc, { trendId, parentId: nodeId, text: 'Carers retrain' }, as(mallory))!
    togglePlusOne(honest.doc, takeawayId, as(mallory))
    await waitFor(() => board().signals.get(signalId)?.authorIds.includes(mallory.participantId) === true, 5_000, 'Mallory joins the card')
    // A co-author now, she edits the card, as the app offers her.
    updateSignal(honest.doc, signalId, { whyItMatters: 'Staff shortages meet an ageing population' })
    await waitFor(() => board().signals.get(signalId)?.whyItMatters !== '' && board().wheelNodes.has(childId), 5_000, "Mallory's edit")
    expect(board().memberships.size).toBeGreaterThan(0)
    expect([...board().plusOnes.values()].some((p) => p.takeawayId === takeawayId && p.participantId === mallory.participantId)).toBe(true)
    expect(board().signals.get(signalId)).toMatchObject({ title: 'Care robots in elderly homes', category: 'technological' })
    expect(board().wheelNodes.get(nodeId)?.text).toBe('Fewer care homes')
    expect(board().takeaways.get(takeawayId)?.who).toBe('')

    // Anna's own edit lands; Mallory deletes the trend, everyone's consequences go with it, and undo brings them back.
    updateTakeaway(annaBoard.doc, takeawayId, { who: 'Social services' })
    const undo = createUndoManager(honest.doc)
    deleteTrend(honest.doc, trendId)
    const onWheel = () => [...board().wheelNodes.values()].filter((node) => node.trendId === trendId).length
    await waitFor(
      () => !board().trends.has(trendId) && onWheel() === 0 && board().takeaways.get(takeawayId)?.who === 'Social services',
      5_000,
      'the wheel gone',
    )
    undo.undo()
    await waitFor(() => board().trends.has(trendId) && onWheel() === 2, 5_000, 'the wheel back')
    expect(honest.denied).toEqual([])
    expect(annaBoard.denied).toEqual([])
    undo.destroy()
  })

  it('presence shows the person the server knows, whoever a state claims to be', async () => {
    const observer = await open('board', 'facilitator')
    const forger = await open('board', mallory)
    forger.provider.awareness.setLocalStateField('user', { id: anna.participantId, name: 'Anna', role: 'facilitator' })
    const seen = () => observer.provider.awareness.getStates().get(forger.doc.clientID) as { user?: { id?: string; role?: string } } | undefined
    await waitFor(() => seen()?.user !== undefined, 5_000, "Mallory's presence")
    expect(seen()!.user).toMatchObject({ id: mallory.participantId, role: 'participant', name: 'Anna' })
  })

  it("a private draft counts only under its writer's name: the room's counts cannot be forged", async () => {
    const control = await open('control', 'facilitator')
    startPrivateRound(control.doc)
    await waitFor(() => readControl(control.doc).privateMode.on, 5_000, 'the private round')
    // The server learns of the round when it stores control; a draft opened before that is refused.
    let forger: TestClient | undefined
    await waitFor(
      async () => {
        const probe = connectClient(arena.server.wsUrl, arena.target.id, draftDocName(randomId()), {
          key: arena.target.keys.participant,
          identity: mallory.token,
        })
        clients.push(probe)
        await new Promise((resolve) => setTimeout(resolve, 100))
        if (probe.provider.synced) forger = probe
        return forger !== undefined
      },
      10_000,
      'a draft to open',
    )
    initDraft(forger!.doc, { participantId: anna.participantId, name: 'Anna is slow' })
    await waitFor(() => forger!.denied.length > 0, 5_000, 'the refusal')
    expect(forger!.denied[0]).toMatch(/draft belongs/)

    const own = await open(draftDocName(randomId()), mallory)
    initDraft(own.doc, { participantId: mallory.participantId, name: 'Mallory' })
    addSignal(own.doc, { title: 'Drones guide children across roads' }, as(mallory))
    await waitFor(() => readControl(control.doc).privateCounts[mallory.participantId]?.count === 1, 5_000, "Mallory's count")
    expect(readControl(control.doc).privateCounts[anna.participantId]).toBeUndefined()
    expect(own.denied).toEqual([])
  })
})
