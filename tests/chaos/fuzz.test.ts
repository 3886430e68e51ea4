import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { WorkshopLinks } from '../../shared/api.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop, mintIdentity, startTestServer, waitFor } from '../support/server.ts'
import { hostileMessages, type HostileKind } from './hostileMessages.ts'

/**
 * 100,000 hostile messages (seeded, so a failure replays exactly) over several connections at
 * once, while honest clients keep working in the same room and in another one.
 */
const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 100_000)
const SEED = Number(process.env.FUZZ_SEED ?? 20261127)
const CONNECTIONS = 8
const MAX_MESSAGE_BYTES = 64 * 1024

describe('hostile input on the sync endpoint', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let target: WorkshopLinks
  let bystanders: WorkshopLinks
  const honest: TestClient[] = []

  beforeAll(async () => {
    server = await startTestServer({ limits: { maxMessageBytes: MAX_MESSAGE_BYTES, maxConnectionsPerIp: 10_000 } })
    target = await createWorkshop(server.url)
    bystanders = await createWorkshop(server.url)
  })
  afterAll(async () => {
    for (const client of honest) client.destroy()
    await server.close()
  })

  it(`survives ${MESSAGES} seeded hostile messages: others keep syncing, offenders are closed, memory and store stay sound`, async () => {
    // Honest people, each with their identity as the app has: the attacker has none, and whatever
    // writing allowance it spends is not theirs (those without an identity share one per workshop).
    const open = async (workshop: WorkshopLinks) => {
      const { token } = await mintIdentity(server.url, workshop.id, workshop.keys.participant)
      const client = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant, identity: token })
      honest.push(client)
      return client
    }
    const [inRoom, otherA, otherB] = [await open(target), await open(bystanders), await open(bystanders)]
    await synced(inRoom, otherA, otherB)
    globalThis.gc?.()
    const heapBefore = process.memoryUsage().heapUsed

    const generator = hostileMessages(SEED, MAX_MESSAGE_BYTES)
    const sent = new Map<HostileKind, number>()
    let remaining = MESSAGES
    let connectionsClosedByServer = 0
    const url = `${server.wsUrl}/${target.id}/board?key=${target.keys.participant}`

    const attacker = async () => {
      while (remaining > 0) {
        const ws = new WebSocket(url)
        const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
        ws.on('error', () => {})
        await new Promise<void>((resolve) => ws.once('open', () => resolve()).once('close', () => resolve()))
        while (remaining > 0 && ws.readyState === WebSocket.OPEN) {
          remaining--
          const { kind, data } = generator.next()
          sent.set(kind, (sent.get(kind) ?? 0) + 1)
          await new Promise<void>((resolve) => ws.send(data, { binary: typeof data !== 'string' }, () => resolve()))
          // Let the server answer now and then, so a closing message is seen before the next one.
          if (remaining % 16 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
        if (ws.readyState === WebSocket.OPEN) ws.close()
        const code = await closed
        if (code !== 1000 && code !== 1005) connectionsClosedByServer++
      }
    }
    const honestWork = (async () => {
      let round = 0
      while (remaining > 0) {
        otherA.doc.getMap('signals').set(`round${round}`, round)
        inRoom.doc.getMap('signals').set(`round${round}`, round)
        round++
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return round
    })()
    await Promise.all(Array.from({ length: CONNECTIONS }, attacker))
    const rounds = await honestWork

    // Bystanders in another room never noticed; the honest client in the attacked room neither.
    await waitFor(() => otherB.doc.getMap('signals').get(`round${rounds - 1}`) === rounds - 1, 10_000, 'the other room to keep syncing')
    const late = await open(target)
    await synced(late)
    await waitFor(() => late.doc.getMap('signals').get(`round${rounds - 1}`) === rounds - 1, 10_000, 'the attacked room to keep syncing')

    expect(connectionsClosedByServer).toBeGreaterThan(MESSAGES / 100)
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/reason="bad_message"\} \d{3,}/)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

    // The store holds only documents that load cleanly, with nothing waiting on a missing piece.
    await server.registry.settle()
    for (const workshop of [target, bystanders]) {
      const stored = await server.store.load(workshop.id, 'board')
      const reloaded = new Y.Doc()
      for (const update of stored.updates) Y.applyUpdate(reloaded, update)
      expect(reloaded.store.pendingStructs).toBeNull()
      expect(reloaded.store.pendingDs).toBeNull()
      expect(reloaded.getText('fuzz-text').length).toBe(0)
    }

    globalThis.gc?.()
    const heapAfter = process.memoryUsage().heapUsed
    const growthMb = (heapAfter - heapBefore) / 2 ** 20
    console.log(
      `fuzz: ${MESSAGES} messages (${[...sent].map(([k, n]) => `${k} ${n}`).join(', ')}); ` +
        `${connectionsClosedByServer} connections closed by the server; heap ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MiB`,
    )
    expect(growthMb).toBeLessThan(64)
  }, 180_000)
})
