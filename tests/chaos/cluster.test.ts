import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, readBoard } from '../../shared/doc/index.ts'
import { CloseCode } from '../../shared/protocol.ts'
import { WORKSHOP_EVENTS_CHANNEL } from '../../server/cluster/workshopEvents.ts'
import { randomId } from '../../shared/util/ids.ts'
import { startChildServer, type ChildServer } from '../support/childServer.ts'
import { synced, type TestClient } from '../support/clients.ts'
import { clusterPerFile } from '../support/cluster.ts'
import { createWorkshop, tempDataDir, waitFor } from '../support/server.ts'

/**
 * Faults of a deployment with several instances: an instance killed outright, Redis restarted
 * with its memory gone, PostgreSQL stopped and started. Real servers throughout.
 */
const files = clusterPerFile()
const { open } = files

const titles = (client: TestClient) => new Set([...readBoard(client.doc).signals.values()].map((signal) => signal.title))

async function storedTitles(instanceStore: { load(w: string, d: string): Promise<{ updates: Uint8Array[] }> }, workshopId: string): Promise<Set<string>> {
  const doc = new Y.Doc()
  for (const update of (await instanceStore.load(workshopId, 'board')).updates) Y.applyUpdate(doc, update)
  const found = new Set([...readBoard(doc).signals.values()].map((signal) => signal.title))
  doc.destroy()
  return found
}

describe('faults with several instances', () => {
  it('two `npm start` processes serve one workshop together, and killing one with SIGKILL mid-typing loses nothing', async () => {
    const env = { DATABASE_URL: await files.cluster.databaseUrl(), REDIS_URL: files.cluster.redis.url }
    const dirs = [tempDataDir(), tempDataDir()]
    files.afterThisTest(() => dirs.forEach((dir) => dir.remove()))
    // One after the other: two cold starts at once on two busy cores pass the start timeout.
    const a: ChildServer = await startChildServer(dirs[0]!.dir, env)
    files.afterThisTest(() => a.kill())
    const b: ChildServer = await startChildServer(dirs[1]!.dir, env)
    files.afterThisTest(() => b.stop())
    const workshop = await createWorkshop(a.url)
    const anna = open(a.wsUrl, workshop.id, 'board', workshop.keys.participant)
    const ben = open(b.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await synced(anna, ben)

    addSignal(ben.doc, { title: 'Written on instance B' }, { participantId: randomId() })
    await waitFor(() => titles(anna).has('Written on instance B'), 5_000, 'B’s card on A')

    // Anna types card after card on A; A is killed halfway.
    const author = { participantId: randomId() }
    const written: string[] = []
    for (let i = 1; i <= 20; i++) {
      const title = `Card ${i} typed on instance A`
      addSignal(anna.doc, { title }, author)
      written.push(title)
      if (i === 10) await waitFor(() => titles(ben).has('Card 10 typed on instance A'), 5_000, 'the first ten on B')
      if (i === 12) await a.kill()
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    // What B had received had been stored by A: it is in the database, and a newcomer sees it.
    const seenBeforeKill = [...titles(ben)]
    expect(seenBeforeKill.length).toBeGreaterThanOrEqual(11)
    const newcomer = open(b.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await synced(newcomer)
    for (const title of seenBeforeKill) expect(titles(newcomer).has(title)).toBe(true)

    // The load balancer sends Anna's reconnecting browser to B; her unsent cards arrive with her.
    anna.provider.destroy()
    const annaAgain = open(b.wsUrl, workshop.id, 'board', workshop.keys.participant, { doc: anna.doc })
    await synced(annaAgain)
    await waitFor(() => written.every((title) => titles(ben).has(title)), 10_000, 'all twenty of Anna’s cards on B')
    expect(titles(ben).size).toBe(21)
  })

  it('Redis restarted with its memory gone: instances reconnect, catch up from PostgreSQL and relay again', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const anna = open(instances[0]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    const ben = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await synced(anna, ben)

    await files.cluster.redis.restart(async () => {
      await waitFor(() => !instances[0]!.relay.healthy, 5_000, 'instance 1 to notice')
      expect((await fetch(`${instances[0]!.url}/healthz`)).status).toBe(503)
      addSignal(anna.doc, { title: 'Written while Redis was away' }, { participantId: randomId() })
      await waitFor(async () => (await storedTitles(instances[0]!.store, workshop.id)).has('Written while Redis was away'), 5_000, 'the card stored')
    })
    await waitFor(() => titles(ben).has('Written while Redis was away'), 10_000, 'the catch-up on the other instance')
    await waitFor(() => instances.every((instance) => instance.relay.healthy), 10_000, 'both links back')
    expect((await fetch(`${instances[0]!.url}/healthz`)).status).toBe(200)
    addSignal(ben.doc, { title: 'Written after Redis returned' }, { participantId: randomId() })
    await waitFor(() => titles(anna).has('Written after Redis returned'), 5_000, 'relaying to work again')
  })

  it('rate limits while Redis is away: each instance counts alone, and they count together again once it returns', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl(), {
      limits: { workshopsPerIpPerHour: 2 },
      trustedProxies: ['127.0.0.1'],
    })
    const create = async (instance: number, from: string) =>
      (
        await fetch(`${instances[instance]!.url}/api/workshops`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
          body: JSON.stringify({ title: 'Everyday welfare 2040' }),
        })
      ).status
    await files.cluster.redis.restart(async () => {
      await waitFor(() => instances.every((instance) => !instance.relay.healthy), 5_000, 'both instances to notice')
      const away = [await create(0, '203.0.113.7'), await create(0, '203.0.113.7'), await create(0, '203.0.113.7'), await create(1, '203.0.113.7')]
      expect(away).toEqual([201, 201, 429, 201])
    })
    await waitFor(() => instances.every((instance) => instance.relay.healthy), 10_000, 'both links back')
    expect([await create(0, '203.0.113.8'), await create(1, '203.0.113.8'), await create(0, '203.0.113.8')]).toEqual([201, 201, 429])
  })

  it('a participant link replaced while Redis is away stops on the other instance once Redis returns', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const oldKey = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await synced(oldKey)
    await files.cluster.redis.restart(async () => {
      await waitFor(() => instances.every((instance) => !instance.relay.healthy), 5_000, 'both instances to notice')
      const rotated = await fetch(`${instances[0]!.url}/api/workshops/${workshop.id}/participant-key`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.keys.facilitator}` },
        body: '{}',
      })
      expect(rotated.status).toBe(200)
    })
    await waitFor(() => oldKey.closes.some((close) => close.code === CloseCode.forbidden), 10_000, 'the old link to stop on the other instance')
  })

  it('a board started afresh while Redis is away, its news lost: the other instance closes its old copy once Redis returns', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const oldCopy = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await synced(oldCopy)
    // The news never arrives (a client library may queue it for the reconnect; nothing promises that).
    const relay = instances[0]!.relay
    const publish = relay.publish.bind(relay)
    relay.publish = (channel, message) => (channel === WORKSHOP_EVENTS_CHANNEL ? undefined : publish(channel, message))
    await files.cluster.redis.restart(async () => {
      await waitFor(() => instances.every((instance) => !instance.relay.healthy), 5_000, 'both instances to notice')
      const renewed = await fetch(`${instances[0]!.url}/api/workshops/${workshop.id}/board/renew`, {
        method: 'POST',
        headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
      })
      expect(renewed.status).toBe(200)
    })
    await waitFor(() => oldCopy.closes.some((close) => close.code === CloseCode.renewed), 10_000, 'the old copy closed on the other instance')
  })

  it('PostgreSQL stopped: writers get "not saved, retrying", /healthz answers 503, and everything catches up when it returns', async () => {
    const instances = await files.cluster.instances(2, await files.cluster.databaseUrl())
    const workshop = await createWorkshop(instances[0]!.url)
    const anna = open(instances[0]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    const ben = open(instances[1]!.wsUrl, workshop.id, 'board', workshop.keys.participant)
    await synced(anna, ben)

    await files.cluster.postgres.stop()
    try {
      addSignal(anna.doc, { title: 'Written while the database was away' }, { participantId: randomId() })
      await waitFor(() => anna.closes.some((close) => close.code === CloseCode.storeUnavailable), 10_000, 'the "not saved, retrying" close')
      expect((await fetch(`${instances[0]!.url}/healthz`)).status).toBe(503)
      expect(titles(ben).has('Written while the database was away')).toBe(false)
    } finally {
      await files.cluster.postgres.start()
    }
    await waitFor(() => titles(ben).has('Written while the database was away'), 20_000, 'the card on the other instance once the database is back')
    await waitFor(async () => (await fetch(`${instances[0]!.url}/healthz`)).status === 200, 10_000, '/healthz to recover')
    expect(await storedTitles(instances[1]!.store, workshop.id)).toContain('Written while the database was away')
  })
})
