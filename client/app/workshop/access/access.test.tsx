// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, actAsync } from '../../../testing/render.ts'
import { WorkshopPage } from '../WorkshopPage.tsx'
import { checkAccess } from './checkAccess.ts'

vi.mock('../WorkshopSession.tsx', () => ({
  WorkshopSession: ({ role }: { role: string }) => <p data-session-role={role} />,
}))

const ID = 'WsdwpGwJE-N22TBmKJ81_Q'
const KEY = 'jrNZp0bt7R3GX4K1sS-r8gX6cg94CaEw'
const answer = (status: number, body: unknown = {}) => vi.fn(async () => new Response(JSON.stringify(body), { status }))

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

describe('checkAccess', () => {
  it('sends the key as a Bearer token, never in the URL', async () => {
    const fetchImpl = answer(200, { role: 'participant' })
    expect(await checkAccess(ID, KEY, fetchImpl as unknown as typeof fetch)).toEqual({ kind: 'ok', role: 'participant' })
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(`/api/workshops/${ID}/access`)
    expect((init.headers as Record<string, string>).authorization).toBe(`Bearer ${KEY}`)
  })

  it.each([
    [401, 'wrongKey'],
    [404, 'noWorkshop'],
    [400, 'malformed'],
    [503, 'unknown'],
  ])('%i → %s', async (status, kind) => {
    expect((await checkAccess(ID, KEY, answer(status) as unknown as typeof fetch)).kind).toBe(kind)
  })

  it('is "unknown" when the network fails or the answer is not a role', async () => {
    const offline = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
    expect((await checkAccess(ID, KEY, offline as unknown as typeof fetch)).kind).toBe('unknown')
    expect((await checkAccess(ID, KEY, answer(200, { role: 'admin' }) as unknown as typeof fetch)).kind).toBe('unknown')
  })
})

async function openPage(status: number, body?: unknown, path = 'join') {
  window.history.replaceState(null, '', `/w/${ID}/${path}#key=${KEY}`)
  vi.stubGlobal('fetch', answer(status, body))
  const c = render(<WorkshopPage workshopId={ID} role={path === 'join' ? 'participant' : 'facilitator'} />)
  // Until the page settles: the workshop, or the bad link's page (a chunk of its own, with its words).
  for (let waited = 0; waited < 3000 && !c.querySelector('h1, [data-session-role]'); waited += 10) {
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 10)))
  }
  return c
}

describe('the workshop page checks its link', () => {
  it('shows a friendly full page for a wrong key, with the way forward', async () => {
    const c = await openPage(401)
    expect(c.querySelector('h1')?.textContent).toBe("This link doesn't work")
    expect(c.textContent).toContain('Ask the facilitator for a new link.')
    expect(c.querySelector('[data-session-role]')).toBeNull()
  })

  it('says so when the workshop does not exist', async () => {
    const c = await openPage(404)
    expect(c.textContent).toContain('There is no workshop at this address')
  })

  it("opens with the server's role when the address names another one", async () => {
    const c = await openPage(200, { role: 'participant' }, 'facilitate')
    expect(c.querySelector('[data-session-role]')?.getAttribute('data-session-role')).toBe('participant')
  })

  it('opens anyway (from this device) when the server cannot be reached', async () => {
    window.history.replaceState(null, '', `/w/${ID}/join#key=${KEY}`)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    )
    const c = render(<WorkshopPage workshopId={ID} role="participant" />)
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 10)))
    expect(c.querySelector('[data-session-role]')?.getAttribute('data-session-role')).toBe('participant')
  })
})
