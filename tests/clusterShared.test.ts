import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, countDraft, goToStage, initDraft, readControl, setPrivateMode, setShowJoinPanel } from '../shared/doc/index.ts'
import { CloseCode, draftDocName } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import type { WorkshopLinks } from '../shared/api.ts'
import type { Limits } from '../server/config.ts'
import { clusterPerFile, type TestInstance } from './support/cluster.ts'
import { synced, type TestClient } from './support/clients.ts'
import { createWorkshop, mintIdentity, waitFor } from './support/server.ts'
import { siblingBomb, syncStep1Message, updateMessage } from './hostile/support/attacks.ts'
import { rawSocket } from './hostile/support/harness.ts'

/**
 * What several instances share besides the documents: rate limits, key rotation and deletion,
 * and server-side work that must happen once (private counts, event snapshots). Real
 * PostgreSQL, real Redis, real servers and stock y-websocket clients; a database per test.
 */
const files = clusterPerFile()
const open = (instance: TestInstance, workshopId: string, docName: string, key: string, identity?: string): TestClient =>
  files.open(instance.wsUrl, workshopId, docName, key, { identity })

/** A request as a load balancer passes it on: the client's own address in X-Forwarded-For. */
function post(instance: TestInstance, path: string, from: string, body: unknown, key?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': from }
  if (key) headers.authorization = `Bearer ${key}`
  return fetch(`${instance.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
}

/** An address of its own per test: the limits' counts live in the file's one Redis. */
const someAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`

async function historyReasons(instance: TestInstance, workshop: WorkshopLinks): Promise<string[]> {
  const res = await fetch(`${instance.url}/api/workshops/${workshop.id}/history`, { headers: { authorization: `Bearer ${workshop.keys.facilitator}` } })
  return ((await res.json()) as { snapshots: { reason: string }[] }).snapshots.map((snapshot) => snapshot.reason)
}

/** Two instances on the file's database, a workshop created on the first, and `docName` open and synced on both. */
async function openOnTwo(docName: string, keyOf: (workshop: WorkshopLinks) => string, limits: Partial<Limits> = {}) {
  const [a, b] = (await files.cluster.instances(2, await files.cluster.databaseUrl(), { limits })) as [TestInstance, TestInstance]
  const workshop = await createWorkshop(a.url)
  const onA = open(a, workshop.id, docName, keyOf(workshop))
  const onB = open(b, workshop.id, docName, keyOf(workshop))
  await synced(onA, onB)
  return { a, b, workshop, onA, onB }
}

describe('what several instances share', () => {
  it('rate limits count across instances: workshop creations, wrong join codes and new identities', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl(), {
      limits: { workshopsPerIpPerHour: 3, joinCodeTriesPerMinute: 4, identitiesPerWorkshopPerHour: 2 },
      trustedProxies: ['127.0.0.1'],
    })
    const from = someAddress()
    const created: number[] = []
    // Alternating instances, as a load balancer without sticky sessions would send them.
    for (let i = 0; i < 5; i++) created.push((await post(instances[i % 2]!, '/api/workshops', from, { title: `Workshop ${i}` })).status)
    expect(created).toEqual([201, 201, 201, 429, 429])

    const guesser = someAddress()
    const guesses: number[] = []
    for (let i = 0; i < 5; i++) guesses.push((await post(instances[i % 2]!, '/api/join', guesser, { code: 'ZZZ-ZZZ' })).status)
    expect(guesses).toEqual([404, 404, 404, 404, 429])

    const workshop = await createWorkshop(instances[0]!.url)
    const minted: number[] = []
    for (let i = 0; i < 3; i++)
      minted.push((await post(instances[i % 2]!, `/api/workshops/${workshop.id}/identity`, someAddress(), {}, workshop.keys.participant)).status)
    expect(minted).toEqual([201, 201, 429])
  })

  it('a rotated participant key closes its connections on every instance, and deletion closes the rest', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const [a, b] = instances as [TestInstance, TestInstance]
    const workshop = await createWorkshop(a.url)
    const oldKeyOnB = open(b, workshop.id, 'board', workshop.keys.participant)
    const screenOnB = open(b, workshop.id, 'board', workshop.keys.screen)
    await synced(oldKeyOnB, screenOnB)

    const rotated = await post(a, `/api/workshops/${workshop.id}/participant-key`, '127.0.0.1', {}, workshop.keys.facilitator)
    expect(rotated.status).toBe(200)
    const { keys } = (await rotated.json()) as WorkshopLinks
    await waitFor(() => oldKeyOnB.closes.some((close) => close.code === CloseCode.forbidden), 5_000, 'the old key’s connection on the other instance to close')
    expect(oldKeyOnB.closes.at(-1)!.reason).toMatch(/link was replaced/)

    // The new key works on the other instance, and the screen (whose key did not change) stayed.
    const newKeyOnB = open(b, workshop.id, 'board', keys.participant)
    await synced(newKeyOnB)
    expect(screenOnB.closes).toEqual([])

    const deleted = await fetch(`${a.url}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
    })
    expect(deleted.status).toBe(204)
    await waitFor(
      () => [newKeyOnB, screenOnB].every((client) => client.closes.some((close) => close.reason.includes('deleted'))),
      5_000,
      'every connection on the other instance to close',
    )
    expect(b.registry.loaded(workshop.id, 'board')).toBeUndefined()
    expect(await b.store.getWorkshop(workshop.id)).toBeUndefined()
    expect(await b.store.listDocs(workshop.id)).toEqual([])
  })

  it('a private count is written once per change with two instances, and right when one person writes through both', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const [a, b] = instances as [TestInstance, TestInstance]
    const workshop = await createWorkshop(a.url)
    const facilitator = open(a, workshop.id, 'control', workshop.keys.facilitator)
    await synced(facilitator)
    setPrivateMode(facilitator.doc, { on: true })
    await waitFor(
      async () => b.registry.withRoom(workshop.id, 'control', (control) => readControl(control.doc).privateMode.on),
      5_000,
      'private mode on the other instance',
    )

    // One person with a laptop on one instance and a phone on the other, in the same draft.
    const identity = await mintIdentity(a.url, workshop.id, workshop.keys.participant)
    const author = { participantId: identity.participantId }
    const draftName = draftDocName(randomId())
    const laptop = open(a, workshop.id, draftName, workshop.keys.participant, identity.token)
    await synced(laptop)
    initDraft(laptop.doc, { ...author, name: 'Anna' })
    const phone = open(b, workshop.id, draftName, workshop.keys.participant, identity.token)
    await synced(phone)

    // Every count the facilitator's document receives, in order: a second write of the same
    // count (two instances counting one change) would show as a repeat.
    const seen: number[] = []
    facilitator.doc.on('afterTransaction', () => {
      const count = readControl(facilitator.doc).privateCounts[identity.participantId]?.count
      if (count !== undefined && count !== seen.at(-1)) seen.push(count)
    })
    const writes = countWrites(facilitator.doc, identity.participantId)
    const cards = (client: TestClient) => countDraft(client.doc)?.count ?? 0
    const countIs = (n: number) => readControl(facilitator.doc).privateCounts[identity.participantId]?.count === n

    addSignal(laptop.doc, { title: 'Neighbours share a care app' }, author)
    await waitFor(() => countIs(1) && cards(phone) === 1, 5_000, 'the first count')
    // The phone's card is stored on b, so a checks the count a moment after b's change reaches it.
    const checksOnA = a.metrics.draftCountChecks
    addSignal(phone.doc, { title: 'Libraries lend robots' }, author)
    await waitFor(() => countIs(2) && cards(laptop) === 2, 5_000, 'the second count')
    await waitFor(() => a.metrics.draftCountChecks > checksOnA, 10_000, "a's late check of the phone's card")
    expect(a.metrics.draftCountRepairs + b.metrics.draftCountRepairs).toBe(0)
    // The marker: a third card, after the late checks have run.
    addSignal(laptop.doc, { title: 'Village shop runs on solar' }, author)
    await waitFor(() => countIs(3), 5_000, 'the third count')
    expect(seen).toEqual([1, 2, 3])
    expect(writes()).toBe(3)

    // Both devices at the same moment, each counted on its own instance from a draft that has
    // not yet met the other's card (their relay messages are held until both have counted 4):
    // the count still ends right once the drafts meet.
    const release = holdChannel(instances, `${workshop.id}/${draftName}`)
    addSignal(laptop.doc, { title: 'Four-day week in care homes' }, author)
    addSignal(phone.doc, { title: 'Town hall opens at night' }, author)
    await Promise.all(instances.map((instance) => instance.registry.settle()))
    await waitFor(() => countIs(4), 5_000, 'both instances to count four')
    release()
    await waitFor(() => cards(laptop) === 5 && cards(phone) === 5 && countIs(5), 8_000, 'the count of five on both instances')
  })

  it('an event snapshot is taken once: a change stored on another instance is not mistaken for the same stage change', { timeout: 60_000 }, async () => {
    const { a, b, workshop, onA, onB } = await openOnTwo('control', (links) => links.keys.facilitator)
    const stageOf = (kind: string) => readControl(onA.doc).stages.find((stage) => stage.kind === kind)!.id
    const stageChanges = async () => (await historyReasons(a, workshop)).filter((reason) => reason === 'stageChange').length

    goToStage(onA.doc, stageOf('signals'))
    // Generous waits: an event snapshot settles for 2 s, and a loaded machine stretches that.
    await waitFor(async () => (await stageChanges()) === 1, 60_000, 'the snapshot of the stage change')
    await waitFor(() => readControl(onB.doc).currentStageId === stageOf('signals'), 5_000, 'the stage on the other instance')
    // A change that is no moment, stored on the other instance.
    setShowJoinPanel(onB.doc, !readControl(onB.doc).showJoinPanel)
    await b.registry.settle()
    // The marker: the next stage, whose snapshot settles after anything the change above set off.
    goToStage(onA.doc, stageOf('trends'))
    await waitFor(async () => (await stageChanges()) >= 2, 60_000, 'the snapshot of the next stage')
    expect(await stageChanges()).toBe(2)
  })

  it('the budget for contested positions is one per document, not one per instance an attacker connects to', { timeout: 120_000 }, async () => {
    // The board is open on both instances before the attack, as in a workshop under way.
    // Without an identity the attacker and the marker's writer share one writing allowance: raised.
    const { a, b, workshop, onA, onB } = await openOnTwo('board', (links) => links.keys.participant, {
      writeBurstPerPerson: 100_000_000,
      writeBurstPerWorkshop: 100_000_000,
    })
    let client = 5_000_000
    const contested = (key: number) => updateMessage(siblingBomb(16, (client += 16), 'signals', `contested-${key}`))
    /** Sends `updates` and then a marker; how the socket ended (undefined: it is open, the marker answered). */
    const attack = async (instance: TestInstance, updates: Uint8Array[]) => {
      const attacker = await rawSocket(instance, workshop.id, 'board', workshop.keys.participant)
      for (const update of updates) attacker.send(update)
      // Answered only once the server has read everything before it, if the socket is still open.
      attacker.send(syncStep1Message())
      const answered = waitFor(() => attacker.received.some((m) => m[0] === 0 && m[1] === 1), 60_000, 'an answer to the marker')
      return await Promise.race([attacker.closed, answered.then(() => undefined)])
    }
    const spent = 'update refused: contested positions costing over 500000 steps in all'
    // Rounds of 16 new writers at each of 60 keys, on A, until A refuses them.
    const rounds = Array.from({ length: 25 * 60 }, (_, i) => contested(i % 60))
    expect((await attack(a, rounds))?.reason).toBe(spent)
    // Everything A admitted has reached B once a change written on A after it has.
    onA.doc.getMap('signals').set('marker', 'written after the attack')
    await waitFor(() => onB.doc.getMap('signals').has('marker'), 10_000, 'the marker on the other instance')
    // B counted what it was passed: the budget is spent there too, from the first contested update.
    expect((await attack(b, [contested(0)]))?.reason).toBe(spent)
  })
})

/** Holds back what the instances pass each other on one channel until the returned function is called. */
function holdChannel(instances: readonly TestInstance[], channel: string): () => void {
  const held: (() => void)[] = []
  let holding = true
  const restore: (() => void)[] = []
  for (const { relay } of instances) {
    const publish = relay.publish
    relay.publish = (name, message) => {
      if (holding && name === channel) held.push(() => publish.call(relay, name, message))
      else publish.call(relay, name, message)
    }
    restore.push(() => (relay.publish = publish))
  }
  return () => {
    holding = false
    for (const undo of restore) undo()
    while (held.length) held.shift()!()
  }
}

/**
 * How many times a count was written for this person, every write included: one that lost to a
 * concurrent write of the same key stays in the document's history as a deleted item.
 */
function countWrites(doc: Y.Doc, participantId: string): () => number {
  return () => {
    let writes = 0
    for (const structs of doc.store.clients.values()) {
      for (const struct of structs) {
        if (!(struct instanceof Y.Item) || struct.parentSub !== 'count') continue
        const parent = struct.parent as Y.AbstractType<unknown> | null
        if (parent?._item?.parentSub === participantId) writes++
      }
    }
    return writes
  }
}
