import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, endPrivateRound, initDraft, readBoard, readControl, setLocked, setPrivateMode, setShowJoinPanel } from '../shared/doc/index.ts'
import { CloseCode, draftDocName } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import { clusterPerFile, type TestInstance } from './support/cluster.ts'
import { appConnection, synced, type TestClient } from './support/clients.ts'
import { WORKSHOP_EVENTS_CHANNEL } from '../server/cluster/workshopEvents.ts'
import { createWorkshop, mintIdentity, waitFor } from './support/server.ts'
import { capturedLogger } from './support/logLines.ts'

/**
 * Several instances behind one database and one Redis, in this process: real PostgreSQL, real
 * Redis, real servers, stock y-websocket clients. Each test has a database of its own.
 */
const files = clusterPerFile()
const { open } = files

/** A client opened and synced. */
async function openSynced(...args: Parameters<typeof open>): Promise<TestClient> {
  const client = open(...args)
  await synced(client)
  return client
}

/** One change of `count` new cards (a record each), from `client`. */
function cards(client: TestClient, prefix: string, count: number): void {
  client.doc.transact(() => Array.from({ length: count }, (_, i) => client.doc.getMap('signals').set(`${prefix}${i}`, 'a signal')))
}

/**
 * Makes the two-instance reveal race happen every time. Until every instance has asked for the
 * reveal lease and every granted reveal has ended, nothing of this workshop passes between the
 * instances: each hears the reveal from its own facilitator and sees neither the other's board
 * nor its emptied drafts. Granted reveal work waits until every instance has had its answer, so
 * a lease that let both through cannot go unseen because the first reveal ended early; and each
 * granted reveal lists the drafts before any deletes them. The relays, Redis, PostgreSQL and the
 * lease stay real; only their messages and answers are held back, in order.
 */
function raceReveals(instances: readonly TestInstance[], workshopId: string): { state(): string } {
  const held: (() => void)[] = []
  let answered = 0
  let running = 0
  let grants = 0
  let listed = 0
  let openListed = (): void => {}
  const allListed = new Promise<void>((resolve) => (openListed = resolve))
  let open = (): void => {}
  const allAnswered = new Promise<void>((resolve) => (open = resolve))
  // The other instance may not try at all: it can learn of the round's end from the first's
  // stored change (catching up) before its own facilitator's change is stored, and then has
  // nothing to reveal. Waiting for it for ever would hold the first's reveal for ever.
  let gaveUp = false
  const waitingForAll = () => answered < instances.length && !gaveUp
  const settle = (): void => {
    if (waitingForAll() || running > 0) return
    while (held.length) held.shift()!()
  }
  const answer = (): void => {
    if (++answered === instances.length) open()
    else if (answered === 1)
      setTimeout(() => {
        gaveUp = true
        open()
        openListed()
        settle()
      }, 3_000)
    settle()
  }
  for (const { relay, store } of instances) {
    const listDocs = store.listDocs.bind(store)
    store.listDocs = async (id) => {
      const names = await listDocs(id)
      if (id !== workshopId || waitingForAll() || listed >= grants) return names
      if (++listed === grants) openListed()
      await allListed
      return names
    }
    const publish = relay.publish.bind(relay)
    relay.publish = (channel, message) => {
      if (channel.startsWith(`${workshopId}/`) && (waitingForAll() || running > 0 || held.length > 0)) held.push(() => publish(channel, message))
      else publish(channel, message)
    }
    const withLease = relay.withLease.bind(relay)
    relay.withLease = async (name, ttlMs, work, keep) => {
      if (name !== `reveal:${workshopId}`) return withLease(name, ttlMs, work, keep)
      const granted = await withLease(
        name,
        ttlMs,
        async () => {
          running++
          grants++
          answer()
          await allAnswered
          await work().finally(() => {
            running--
            settle()
          })
        },
        keep,
      )
      if (!granted) answer()
      return granted
    }
  }
  // For a failure's message: where the race stood.
  return {
    state: () =>
      `${answered} of ${instances.length} answered the lease, ${grants} granted, ${running} running, ${listed} listed, ${held.length} publishes held`,
  }
}

describe('several instances sharing PostgreSQL and Redis', () => {
  it('20 writers spread over three instances converge, in every client and in the database', async () => {
    const instances = await files.cluster.instances(3, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const writers = Array.from({ length: 20 }, (_, i) => open(instances[i % 3]!.wsUrl, workshop.id, 'board', workshop.keys.participant))
    await synced(...writers)
    writers.forEach((writer, i) => addSignal(writer.doc, { title: `Signal ${i + 1} from instance ${(i % 3) + 1}` }, { participantId: randomId() }))
    for (const writer of writers) await waitFor(() => readBoard(writer.doc).signals.size === 20, 10_000, 'all 20 signals on every client')

    // A newcomer on any instance, and the database itself, hold the same 20.
    await Promise.all(instances.map((instance) => instance.registry.settle()))
    const stored = new Y.Doc()
    for (const update of (await instances[2]!.store.load(workshop.id, 'board')).updates) Y.applyUpdate(stored, update)
    expect(readBoard(stored).signals.size).toBe(20)
    const late = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await waitFor(() => readBoard(late.doc).signals.size === 20, 5_000, 'the newcomer to see the 20')
  })

  it('a board started afresh on one instance: the other closes its copies of the old generation and refuses them, and writes go on across both', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const { facilitator } = workshop.keys
    const anna = open(instances[0]!.wsUrl, workshop.id, 'board', facilitator)
    const ben = open(instances[1]!.wsUrl, workshop.id, 'board', facilitator)
    await synced(anna, ben)
    const author = { participantId: randomId() }
    for (let i = 0; i < 20; i++) addSignal(anna.doc, { title: `Signal ${i + 1}` }, author)
    await waitFor(() => readBoard(ben.doc).signals.size === 20, 10_000, 'the cards on the other instance')

    const renewed = await fetch(`${instances[0]!.url}/api/workshops/${workshop.id}/board/renew`, {
      method: 'POST',
      headers: { authorization: `Bearer ${facilitator}` },
    })
    expect(renewed.status).toBe(200)
    await waitFor(() => ben.closes.some((close) => close.code === CloseCode.renewed), 5_000, 'the other instance’s copy closed')

    // On the other instance, an app offering the old generation is refused; a fresh copy gets the new one.
    const stale = new Y.Doc()
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(ben.doc))
    const refused = appConnection({ doc: stale, workshopId: workshop.id, docName: 'board', key: facilitator, origin: instances[1]!.url, generation: 0 })
    files.afterThisTest(() => refused.destroy())
    await waitFor(() => refused.getState().closeCode === CloseCode.renewed, 5_000, 'the old copy refused on the other instance')
    const carl = open(instances[1]!.wsUrl, workshop.id, 'board', facilitator)
    const dora = open(instances[0]!.wsUrl, workshop.id, 'board', facilitator)
    await synced(carl, dora)
    expect(readBoard(carl.doc).signals.size).toBe(20)
    addSignal(carl.doc, { title: 'Written after the renewal' }, author)
    await waitFor(() => readBoard(dora.doc).signals.size === 21, 10_000, 'the new card across instances')
  })

  it('server-side work holding the board on the other instance during a renewal ends first, and what it wrote reaches the new generation', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const author = { participantId: randomId() }
    // As a reveal would: work on instance 2 holds its board, and writes once let go.
    let letGo = (): void => {}
    const released = new Promise<void>((resolve) => (letGo = resolve))
    const work = instances[1]!.registry.withRoom(workshop.id, 'board', async (room) => {
      await released
      addSignal(room.doc, { title: 'Revealed during the switch' }, author)
    })
    await waitFor(() => instances[1]!.registry.loaded(workshop.id, 'board') !== undefined, 5_000, 'the work holding the board')

    const renewed = await fetch(`${instances[0]!.url}/api/workshops/${workshop.id}/board/renew`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
    })
    expect(renewed.status).toBe(200)
    await waitFor(() => instances[1]!.registry.loaded(workshop.id, 'board') === undefined, 5_000, 'the old board forgotten on instance 2')
    letGo()
    await work

    const reader = open(instances[0]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await waitFor(
      () => [...readBoard(reader.doc).signals.values()].some((signal) => signal.title === 'Revealed during the switch'),
      10_000,
      'the card in the new generation',
    )
  })

  it('an instance that has not heard of a renewal stores nothing more of the old board: its next change is carried into the new one', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const author = { participantId: randomId() }
    const ben = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.facilitator)
    await synced(ben)
    // The news never reaches instance 2.
    const relay = instances[0]!.relay
    const publish = relay.publish.bind(relay)
    relay.publish = (channel, message) => (channel === WORKSHOP_EVENTS_CHANNEL ? undefined : publish(channel, message))
    const renewed = await fetch(`${instances[0]!.url}/api/workshops/${workshop.id}/board/renew`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
    })
    expect(renewed.status).toBe(200)

    // As a reveal there would: the server's own change to its (old) board.
    addSignal(instances[1]!.registry.loaded(workshop.id, 'board')!.doc, { title: 'Revealed on the other instance' }, author)
    await waitFor(() => ben.closes.some((close) => close.code === CloseCode.renewed), 10_000, 'the old copy closed once its rows were refused')
    const reader = open(instances[0]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await waitFor(
      () => [...readBoard(reader.doc).signals.values()].some((signal) => signal.title === 'Revealed on the other instance'),
      10_000,
      'the change in the new generation',
    )
    const stored = new Y.Doc()
    for (const update of (await instances[0]!.store.load(workshop.id, 'board')).updates) Y.applyUpdate(stored, update)
    expect([...readBoard(stored).signals.values()].map((signal) => signal.title)).toEqual(['Revealed on the other instance'])
    expect(stored.store.pendingStructs).toBeNull()
  })

  it('presence crosses instances: who is here shows on every instance', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const anna = open(instances[0]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    const ben = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await synced(anna, ben)
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna', role: 'facilitator' })
    await waitFor(
      () => [...ben.provider.awareness.getStates().values()].some((state) => (state as { user?: { name?: string } }).user?.name === 'Anna'),
      5_000,
      'Anna on Ben’s screen',
    )
    const seen = [...ben.provider.awareness.getStates().values()].find((state) => (state as { user?: { name?: string } }).user?.name === 'Anna') as {
      user: { role: string }
    }
    // The role was stamped by Anna's instance from her key, and stays so on the other instance.
    expect(seen.user.role).toBe('participant')
  })

  it('every instance enforces roles: forged control writes are refused, and a lock set on one instance holds on the other', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    for (const instance of instances) {
      const forger = open(instance.wsUrl, workshop.id, 'control', workshop.keys.participant)
      await synced(forger)
      setLocked(forger.doc, true)
      await waitFor(() => forger.denied.length > 0, 5_000, 'the forged lock to be refused')
    }
    const facilitator = open(instances[0]!.wsUrl, workshop.id, 'control', workshop.keys.facilitator)
    const participant = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    const watcher = open(instances[1]!.wsUrl, workshop.id, 'control', workshop.keys.participant)
    await synced(facilitator, participant, watcher)
    expect(readControl(watcher.doc).locked).toBe(false)
    setLocked(facilitator.doc, true)
    await waitFor(() => readControl(watcher.doc).locked, 5_000, 'the lock to reach the other instance')
    addSignal(participant.doc, { title: 'Written while locked' }, { participantId: randomId() })
    await waitFor(() => participant.denied.length > 0, 5_000, 'the locked board to refuse the write')
    await instances[1]!.registry.settle()
    const stored = new Y.Doc()
    for (const update of (await instances[0]!.store.load(workshop.id, 'board')).updates) Y.applyUpdate(stored, update)
    expect(readBoard(stored).signals.size).toBe(0)
  })

  it.each([
    ['already has a', 'before'],
    ['has no', 'after'],
  ])(
    "holds identities on every instance to one workshop allowance (the second instance %s copy of it before the spending); a newcomer's card still goes through on their share",
    async (_, secondJoins) => {
      // The workshop takes 2,000 records at once (refilling one a minute: none refill during the test).
      const limits = { writeBurstPerWorkshop: 2_000, writesPerMinutePerWorkshop: 1 }
      const [first, second] = await files.cluster.instances(2, await files.cluster.databaseUrl(), { limits })
      const workshop = await createWorkshop(first!.url)
      const join = async (instance: TestInstance) => {
        const { token } = await mintIdentity(instance.url, workshop.id, workshop.keys.participant)
        const client = open(instance.wsUrl, workshop.id, 'board', workshop.keys.participant, { identity: token })
        await synced(client)
        return client
      }
      const watchSecond = () => openSynced(second!.wsUrl, workshop.id, 'board', workshop.keys.facilitator)
      // The second instance's copy of the allowance is made with the workshop's first connection there.
      const early = secondJoins === 'before' ? await watchSecond() : undefined
      const marking = open(first!.wsUrl, workshop.id, 'board', workshop.keys.facilitator)
      await synced(marking)
      // Four identities on the first instance spend the workshop's allowance there.
      for (let person = 0; person < 4; person++) cards(await join(first!), `p${person}-`, 500)
      await waitFor(() => marking.doc.getMap('signals').size === 2_000, 10_000, 'the 2,000 cards admitted on the first instance')
      // A later change from the first instance, seen on the second: the first's charges, published
      // before it through the same Redis link, have arrived too (or are in the level it kept).
      marking.doc.getMap('signals').set('marker', 'from the facilitator')
      const watcher = early ?? (await watchSecond())
      await waitFor(() => watcher.doc.getMap('signals').has('marker'), 10_000, 'the marker on the second instance')
      expect(watcher.doc.getMap('signals').size).toBe(2_001)

      // A change larger than a person's own share (60, overdrawn by one piece) waits on the second
      // instance too: its copy of the allowance was spent by what the first admitted. Without the
      // relayed charges it would take these 500 at once.
      const late = await join(second!)
      cards(late, 'late-', 500)
      await waitFor(() => late.closes.length > 0, 10_000, 'the second instance to hold the change back')
      expect(late.closes[0]).toEqual({ code: CloseCode.slowDown, reason: 'more changes than this workshop takes in; retry shortly' })
      // Everyday writing goes on: a newcomer's card fits their own share.
      const anna = await join(second!)
      anna.doc.getMap('signals').set('anna', 'Care robots at home')
      await waitFor(() => marking.doc.getMap('signals').get('anna') === 'Care robots at home', 10_000, "Anna's card on the first instance")
      expect(anna.closes).toEqual([])
      expect(watcher.doc.getMap('signals').has('late-0')).toBe(false)
    },
  )

  it.each([
    ['follows the workshop already', 'before'],
    ['opens the workshop only after the writing', 'after'],
  ])('holds one person to one allowance on every instance: what they wrote on one is spent on the other, which %s', async (_, secondOpens) => {
    // A person takes 300 records at once (refilling one a minute: none refill during the test).
    const limits = { writeBurstPerPerson: 300, writesPerMinutePerPerson: 1 }
    const [first, second] = await files.cluster.instances(2, await files.cluster.databaseUrl(), { limits })
    const workshop = await createWorkshop(first!.url)
    const { token } = await mintIdentity(first!.url, workshop.id, workshop.keys.participant)
    const watchSecond = () => openSynced(second!.wsUrl, workshop.id, 'board', workshop.keys.facilitator)
    // The second instance's copies are made with the workshop's first connection there: before
    // the person writes, or after (then their copy there starts from the level the first kept).
    const early = secondOpens === 'before' ? await watchSecond() : undefined
    const marking = open(first!.wsUrl, workshop.id, 'board', workshop.keys.facilitator)
    await synced(marking)

    // On the first instance, one change of 280 cards: within their 300.
    const here = open(first!.wsUrl, workshop.id, 'board', workshop.keys.participant, { identity: token })
    await synced(here)
    cards(here, 'here-', 280)
    await waitFor(() => marking.doc.getMap('signals').size === 280, 10_000, 'the 280 cards admitted on the first instance')
    // A later change from the first instance, seen on the second: the charges told before it have
    // arrived (or are in the level it kept).
    marking.doc.getMap('signals').set('marker', 'from the facilitator')
    const watcher = early ?? (await watchSecond())
    await waitFor(() => watcher.doc.getMap('signals').has('marker'), 10_000, 'the marker on the second instance')

    // The same person on the second instance: 500 more are past their 20 left and one piece
    // (400) owed. Without the relayed charge (or the kept level) their allowance there would be
    // whole, and take them.
    const there = open(second!.wsUrl, workshop.id, 'board', workshop.keys.participant, { identity: token })
    await synced(there)
    cards(there, 'there-', 500)
    await waitFor(() => there.closes.length > 0, 10_000, 'the second instance to hold the change back')
    expect(there.closes[0]!.code).toBe(CloseCode.slowDown)
    expect(watcher.doc.getMap('signals').has('there-0')).toBe(false)
  })

  // Its waits add up to more than the default 20 s on a loaded machine (it timed out once so).
  it('reveals exactly once when both instances receive the facilitator’s reveal at the same time', { timeout: 60_000 }, async () => {
    const log = capturedLogger()
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl(), { logger: log.logger })
    const workshop = await createWorkshop(instances[0]!.url)
    const facilitators = instances.map((instance) => open(instance.wsUrl, workshop.id, 'control', workshop.keys.facilitator))
    await synced(...facilitators)
    setPrivateMode(facilitators[0]!.doc, { on: true })
    await waitFor(() => readControl(facilitators[1]!.doc).privateMode.on, 5_000, 'private mode on both instances')
    await waitFor(
      async () =>
        (
          await Promise.all(instances.map(async (i) => i.registry.withRoom(workshop.id, 'control', (control) => readControl(control.doc).privateMode.on)))
        ).every(Boolean),
      5_000,
      'private mode in both servers',
    )

    // Six participants, three on each instance, each writing into a draft under the identity
    // the server issued them (a draft is stored only for its owner).
    const identities = await Promise.all(Array.from({ length: 6 }, (_, i) => mintIdentity(instances[i % 2]!.url, workshop.id, workshop.keys.participant)))
    const drafts = identities.map((identity, i) =>
      open(instances[i % 2]!.wsUrl, workshop.id, draftDocName(randomId()), workshop.keys.participant, { identity: identity.token }),
    )
    await synced(...drafts)
    drafts.forEach((draft, i) => {
      const author = { participantId: identities[i]!.participantId }
      initDraft(draft.doc, { ...author, name: `Participant ${i + 1}` })
      addSignal(draft.doc, { title: `Private card ${i + 1}` }, author)
    })
    await Promise.all(instances.map((instance) => instance.registry.settle()))
    await waitFor(
      async () => (await instances[0]!.store.listDocs(workshop.id)).filter((name) => name.startsWith('draft-')).length === 6,
      5_000,
      'six drafts stored',
    )

    // Both facilitators press "Reveal" at once, each on their own instance.
    const race = raceReveals(instances, workshop.id)
    for (const facilitator of facilitators) endPrivateRound(facilitator.doc)
    const boards = instances.map((instance) => open(instance.wsUrl, workshop.id, 'board', workshop.keys.participant))
    // The reveal takes a lease, loads the drafts in batches and relays: slow on a loaded machine.
    await waitFor(() => boards.every((board) => readBoard(board.doc).signals.size === 6), 30_000, 'the six revealed cards on both instances').catch(
      (error: Error) => {
        throw new Error(`${error.message}: ${boards.map((board) => readBoard(board.doc).signals.size).join(' and ')} cards; ${race.state()}`)
      },
    )
    // A marker after the reveal, stored on one instance and seen through the other. Had the
    // second instance revealed as well, its cards would have arrived before it.
    await Promise.all(instances.map((instance) => instance.registry.settle()))
    setShowJoinPanel(facilitators[1]!.doc, !readControl(facilitators[1]!.doc).showJoinPanel)
    const shown = readControl(facilitators[1]!.doc).showJoinPanel
    await waitFor(() => readControl(facilitators[0]!.doc).showJoinPanel === shown, 5_000, 'the marker')
    for (const board of boards) expect(readBoard(board.doc).signals.size).toBe(6)
    expect(log.lines().filter((line) => line.msg === 'revealed private cards')).toEqual([expect.objectContaining({ workshop: workshop.id, cards: 6 })])
  })
})
