import { describe, expect, it } from 'vitest'
import { identityStorageKey, loadServerIdentity, requestServerIdentity } from './serverIdentity.ts'
import { memoryStore } from '../testing/memoryStore.ts'

const WORKSHOP = 'WorkshopWorkshopWorks1'
const KEPT = { participantId: 'AnnaAnnaAnnaAnnaAnna01', token: 'AnnaAnnaAnnaAnnaAnna01.signaturesignaturesign' }

/** A fetch that answers once with `status` and `body`, recording what it was sent. */
function answering(status: number, body: unknown) {
  const sent: { url: string; init: RequestInit }[] = []
  const fetchImpl = (async (url: string, init: RequestInit) => {
    sent.push({ url, init })
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }) as unknown as typeof fetch
  return { fetchImpl, sent }
}

describe('the identity the server gives this browser in a workshop', () => {
  it('is kept per workshop, and a kept one is offered back to the server', async () => {
    const store = memoryStore()
    const first = answering(201, KEPT)
    expect(await requestServerIdentity(WORKSHOP, 'key', null, first.fetchImpl, store)).toEqual({ kind: 'ok', identity: KEPT })
    expect(JSON.parse(String(first.sent[0]!.init.body))).toEqual({ earlier: [] })
    expect(first.sent[0]!.url).toBe(`/api/workshops/${WORKSHOP}/identity`)
    expect(loadServerIdentity(WORKSHOP, store)).toEqual(KEPT)
    expect(loadServerIdentity('OtherOtherOtherOther01', store)).toBeNull()

    const again = answering(200, KEPT)
    await requestServerIdentity(WORKSHOP, 'key', KEPT, again.fetchImpl, store)
    expect(JSON.parse(String(again.sent[0]!.init.body))).toEqual({ token: KEPT.token })
  })

  it('on a first visit offers the identities it holds in other workshops (one imported from them knows the person)', async () => {
    const elsewhere = { participantId: 'AnnaAnnaAnnaAnnaAnna02', token: 'AnnaAnnaAnnaAnnaAnna02.signaturesignaturesign' }
    const older = { participantId: 'AnnaAnnaAnnaAnnaAnna03', token: 'AnnaAnnaAnnaAnnaAnna03.signaturesignaturesign' }
    const store = memoryStore({
      [identityStorageKey('OlderOlderOlderOlder01')]: JSON.stringify({ ...older, at: 1_000 }),
      [identityStorageKey('OtherOtherOtherOther01')]: JSON.stringify({ ...elsewhere, at: 2_000 }),
      [identityStorageKey('BrokenBrokenBrokenBro1')]: 'not json',
      's2s:language': 'fi',
    })
    const first = answering(201, elsewhere)
    await requestServerIdentity(WORKSHOP, 'key', null, first.fetchImpl, store)
    // The most recently opened first.
    expect(JSON.parse(String(first.sent[0]!.init.body))).toEqual({
      earlier: [
        { workshopId: 'OtherOtherOtherOther01', token: elsewhere.token },
        { workshopId: 'OlderOlderOlderOlder01', token: older.token },
      ],
    })
    // Once it has one here, only that is offered.
    const again = answering(200, elsewhere)
    await requestServerIdentity(WORKSHOP, 'key', elsewhere, again.fetchImpl, store)
    expect(JSON.parse(String(again.sent[0]!.init.body))).toEqual({ token: elsewhere.token })
  })

  it('tells a refusal (ask no more) from no answer (ask again later), and keeps nothing malformed', async () => {
    const store = memoryStore({ [identityStorageKey(WORKSHOP)]: '{"participantId":"short","token":"x"}' })
    expect(loadServerIdentity(WORKSHOP, store)).toBeNull()
    expect(await requestServerIdentity(WORKSHOP, 'key', null, answering(429, { error: 'too many' }).fetchImpl, store)).toEqual({ kind: 'refused' })
    expect(await requestServerIdentity(WORKSHOP, 'key', null, answering(503, {}).fetchImpl, store)).toEqual({ kind: 'unreachable' })
    const offline = (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    expect(await requestServerIdentity(WORKSHOP, 'key', null, offline, store)).toEqual({ kind: 'unreachable' })
    expect(await requestServerIdentity(WORKSHOP, 'key', null, answering(201, { participantId: 'x' }).fetchImpl, store)).toEqual({ kind: 'unreachable' })
    expect(loadServerIdentity(WORKSHOP, store)).toBeNull()
  })
})
