import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode, draftDocName } from '../../shared/protocol.ts'
import { randomId } from '../../shared/util/ids.ts'
import { openArena, rawSocket, type Arena } from './support/harness.ts'

/** Findings 4, 11, 12, 14–16: the HTTP side and the facilitator's controls, against a child server. */
describe('hostile requests', { timeout: 60_000 }, () => {
  let arena: Arena
  beforeAll(async () => {
    arena = await openArena()
  })
  afterAll(() => arena.close())

  const api = (path: string, init: RequestInit = {}) => fetch(`${arena.server.url}${path}`, init)

  it('12: creating a workshop needs a JSON body from the same origin', async () => {
    const body = JSON.stringify({ title: 'CSRF' })
    expect((await api('/api/workshops', { method: 'POST', headers: { 'content-type': 'text/plain' }, body })).status).toBe(415)
    expect((await api('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body })).status).toBe(
      403,
    )
    expect((await api('/api/workshops/import', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' })).status).toBe(
      415,
    )
    expect((await api('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(201)
  })

  it('15: malformed addresses, huge headers, wrong methods and roles get the status that says so', async () => {
    expect((await api('/w/%E0%A4%A')).status).toBe(400)
    expect((await api('/api/workshops', { method: 'PUT' })).status).toBe(405)
    const id = arena.target.id
    expect((await api(`/api/workshops/${id}`, { headers: { authorization: `bearer ${arena.target.keys.facilitator}` } })).status).toBe(200)
    expect((await api(`/api/workshops/${id}`, { headers: { authorization: `Bearer ${arena.target.keys.participant}` } })).status).toBe(403)
    // A missing asset is no page under a year-long cache: a browser would keep the wrong file.
    const missing = await api('/assets/missing-1234.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('no-store')
    expect(await missing.text()).not.toMatch(/<html/i)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${arena.server.url}/healthz`, { headers: { 'x-filler': 'a'.repeat(20_000) } }, (res) => resolve(res.statusCode ?? 0))
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(431)
  })

  it('16: the app passes its key as a subprotocol; ?key= still works for stock clients', async () => {
    const viaProtocol = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant, { viaProtocol: true })
    expect(viaProtocol.ws.protocol).toBe('s2s')
    viaProtocol.ws.close()
    const viaQuery = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    viaQuery.ws.close()
  })

  it('4: drafts open only while a private round is open', async () => {
    await expect(rawSocket(arena.server, arena.target.id, draftDocName(randomId()), arena.target.keys.participant)).rejects.toThrow(/403/)
  })

  it('11: the facilitator rotates the participant key (old connections closed) and deletes a workshop', async () => {
    const { target } = arena
    const old = await rawSocket(arena.server, target.id, 'board', target.keys.participant)
    const rotated = await api(`/api/workshops/${target.id}/participant-key`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.keys.facilitator}` },
    })
    expect(rotated.status).toBe(200)
    const fresh = (await rotated.json()) as { keys: { participant: string } }
    expect(fresh.keys.participant).not.toBe(target.keys.participant)
    expect((await old.closed).code).toBe(CloseCode.forbidden)
    const access = (key: string) => api(`/api/workshops/${target.id}/access`, { headers: { authorization: `Bearer ${key}` } })
    expect((await access(target.keys.participant)).status).toBe(401)
    expect((await access(fresh.keys.participant)).status).toBe(200)

    const deleted = await api(`/api/workshops/${target.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${target.keys.facilitator}` } })
    expect(deleted.status).toBe(204)
    expect((await access(target.keys.facilitator)).status).toBe(404)
    // The other workshop is untouched.
    expect(
      (await api(`/api/workshops/${arena.bystander.id}/access`, { headers: { authorization: `Bearer ${arena.bystander.keys.participant}` } })).status,
    ).toBe(200)
  })
})
