import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { readControl } from '../shared/doc/index.ts'
import { JOIN_CODE_ALPHABET, formatJoinCode, makeJoinCode, normaliseJoinCode } from '../shared/joinCode.ts'
import { synced } from './support/clients.ts'
import { createWorkshop, startTestServer, tempDataDir, waitFor } from './support/server.ts'
import { useServers } from './support/fixture.ts'

const servers = useServers()

interface Answer {
  status: number
  body: Record<string, unknown>
  retryAfter?: string
}

/** One API request from a chosen loopback address (127.0.0.x), as another device on the network. */
function call(base: string, path: string, options: { method?: string; key?: string; body?: unknown; from?: string } = {}): Promise<Answer> {
  const url = new URL(path, base)
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, retryAfter: res.headers['retry-after'] }),
        )
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

const join = (base: string, code: string, from?: string) => call(base, '/api/join', { method: 'POST', body: { code }, from })

describe('join codes', () => {
  it('are six characters without look-alikes, typed in any case with or without the dash', () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILOUV]/)
    const code = makeJoinCode((n) => n - 1)
    expect(code).toBe('ZZZZZZ')
    expect(normaliseJoinCode(' k7f-3qx ')).toBe('K7F3QX')
    expect(normaliseJoinCode('K7F 3QX')).toBe('K7F3QX')
    expect(normaliseJoinCode('K7F-3Q')).toBeNull()
    expect(normaliseJoinCode('K7F-3Q0')).toBeNull() // a zero is not in the alphabet
    expect(formatJoinCode('K7F3QX')).toBe('K7F-3QX')
  })

  it('open the participant link; the facilitator and the screen can read the code, a participant cannot', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const forFacilitator = await call(server.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.facilitator })
    expect(forFacilitator.status).toBe(200)
    const code = forFacilitator.body.code as string
    expect(normaliseJoinCode(code)).toBe(code)
    expect((await call(server.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.screen })).body.code).toBe(code)
    expect((await call(server.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.participant })).status).toBe(403)
    expect((await call(server.url, `/api/workshops/${workshop.id}/join-code`)).status).toBe(401)

    const typed = formatJoinCode(code).toLowerCase()
    const joined = await join(server.url, typed)
    expect(joined).toMatchObject({ status: 200, body: { id: workshop.id, key: workshop.keys.participant } })
  })

  it('a new code replaces the old one at once, and screens are told through the control document', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const screen = servers.client(server.wsUrl, workshop.id, 'control', { key: workshop.keys.screen })
    await synced(screen)
    const old = (await call(server.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.facilitator })).body
    const issuedBefore = readControl(screen.doc).joinCodeIssuedAt
    expect(issuedBefore).toBe(old.issuedAt)

    expect((await call(server.url, `/api/workshops/${workshop.id}/join-code`, { method: 'POST', key: workshop.keys.screen })).status).toBe(403)
    const fresh = await call(server.url, `/api/workshops/${workshop.id}/join-code`, { method: 'POST', key: workshop.keys.facilitator })
    expect(fresh.status).toBe(201)
    expect(fresh.body.code).not.toBe(old.code)
    await waitFor(() => readControl(screen.doc).joinCodeIssuedAt === fresh.body.issuedAt, 5_000, 'the screen to hear of the new code')

    expect((await join(server.url, old.code as string)).status).toBe(404)
    expect((await join(server.url, fresh.body.code as string)).body).toEqual({ id: workshop.id, key: workshop.keys.participant })
  })

  it('follow a new participant key (the old code stops, the new one opens the new key) and go with the workshop', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const old = (await call(server.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.facilitator })).body.code as string
    const rotated = await call(server.url, `/api/workshops/${workshop.id}/participant-key`, { method: 'POST', key: workshop.keys.facilitator, body: {} })
    expect(rotated.status).toBe(200)
    const newKey = (rotated.body.keys as { participant: string }).participant
    expect(newKey).not.toBe(workshop.keys.participant)
    expect((await join(server.url, old)).status).toBe(404)
    const code = (await call(server.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.screen })).body.code as string
    expect((await join(server.url, code)).body).toEqual({ id: workshop.id, key: newKey })
    // Deleting the workshop takes its code (and the key kept beside it) along.
    expect((await call(server.url, `/api/workshops/${workshop.id}`, { method: 'DELETE', key: workshop.keys.facilitator })).status).toBe(204)
    expect((await join(server.url, code)).status).toBe(404)
  })

  it('refuse every try from an address after its wrong codes ran out, right ones too, for that address only', async () => {
    const server = await servers.server({ limits: { joinCodeTriesPerMinute: 3 } })
    const workshop = await createWorkshop(server.url)
    const { code } = (await call(server.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.facilitator })).body as { code: string }
    const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ'

    // Right codes do not count: a whole room behind one Wi-Fi address joins.
    for (let i = 0; i < 5; i++) expect((await join(server.url, code, '127.0.0.2')).status).toBe(200)
    expect((await join(server.url, wrong, '127.0.0.2')).status).toBe(404)
    expect((await join(server.url, 'not a code', '127.0.0.2')).status).toBe(400)
    expect((await join(server.url, wrong, '127.0.0.2')).status).toBe(404)
    const refused = await join(server.url, code, '127.0.0.2')
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60)
    // Another device elsewhere is not affected.
    expect((await join(server.url, code, '127.0.0.3')).status).toBe(200)
  })

  it('survive a restart, and a workshop without one gets one when its facilitator asks', async () => {
    const data = tempDataDir()
    servers.defer(() => data.remove())
    const first = await startTestServer({ dataDir: data.dir })
    const workshop = await createWorkshop(first.url)
    const { code } = (await call(first.url, `/api/workshops/${workshop.id}/join-code`, { key: workshop.keys.facilitator })).body as { code: string }
    await first.close()

    const second = await servers.server({ dataDir: data.dir })
    expect((await join(second.url, code)).body).toEqual({ id: workshop.id, key: workshop.keys.participant })

    // An imported workshop has no code until the facilitator opens it.
    const exported = await fetch(`${second.url}/api/workshops/${workshop.id}/export?format=json`, {
      headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
    })
    const imported = (await (
      await fetch(`${second.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: await exported.text() })
    ).json()) as typeof workshop
    expect((await call(second.url, `/api/workshops/${imported.id}/join-code`, { key: imported.keys.screen })).status).toBe(404)
    const issued = await call(second.url, `/api/workshops/${imported.id}/join-code`, { key: imported.keys.facilitator })
    expect(issued.status).toBe(200)
    expect((await join(second.url, issued.body.code as string)).body).toEqual({ id: imported.id, key: imported.keys.participant })
  })
})
