// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { actAsync, cleanup, render, typeInto } from '../../testing/render.ts'
import { CreateWorkshopForm } from './CreateWorkshopForm.tsx'

afterEach(() => {
  cleanup()
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

const ID = 'AbCdEfGhIjKlMnOpQrStUv'
const KEYS = { facilitator: 'f'.repeat(32), participant: 'p'.repeat(32), screen: 's'.repeat(32) }

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function field(container: HTMLElement, label: string): HTMLInputElement {
  const labelElement = [...container.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))
  const control = labelElement && container.ownerDocument.getElementById(labelElement.htmlFor)
  if (!control) throw new Error(`no field labelled ${label}`)
  return control as HTMLInputElement
}

async function submit(container: HTMLElement) {
  const button = container.querySelector<HTMLButtonElement>('button[type="submit"]')!
  await actAsync(() => button.click())
}

describe('CreateWorkshopForm', () => {
  it('without a title shows the error beside the field and sends nothing', async () => {
    const fetchImpl = vi.fn<typeof fetch>()
    const container = render(<CreateWorkshopForm defaultLanguage="en" fetchImpl={fetchImpl} />)

    await submit(container)

    const title = field(container, 'Workshop title')
    expect(fetchImpl).not.toHaveBeenCalled()
    expect(title.getAttribute('aria-invalid')).toBe('true')
    const error = container.ownerDocument.getElementById(title.getAttribute('aria-describedby')!.split(' ')[0]!)
    expect(error?.textContent).toBe('Give the workshop a title.')
    expect(document.activeElement).toBe(title)
  })

  it('a whitespace-only title is no title', async () => {
    const fetchImpl = vi.fn<typeof fetch>()
    const container = render(<CreateWorkshopForm defaultLanguage="fi" fetchImpl={fetchImpl} />, { language: 'fi' })
    typeInto(field(container, 'Työpajan nimi'), '   ')
    await submit(container)
    expect(fetchImpl).not.toHaveBeenCalled()
    expect(container.textContent).toContain('Anna työpajalle nimi.')
  })

  it("shows the chosen template's horizon year in the empty field, and sends none (the template's applies)", async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(json(400, { error: 'stop here' }))
    const container = render(<CreateWorkshopForm defaultLanguage="fi" fetchImpl={fetchImpl} />, { language: 'fi' })
    const year = field(container, 'Tavoitevuosi')
    expect(year.placeholder).toBe('2040')
    await actAsync(() => container.querySelector<HTMLInputElement>('input[type="radio"][value="innosi-welfare"]')!.click())
    // The InnoSI template looks to 2030: an empty field showing 2040 gave a workshop of 2030.
    expect(year.placeholder).toBe('2030')
    typeInto(field(container, 'Työpajan nimi'), 'Hyvinvointi')
    await submit(container)
    expect(JSON.parse(String(fetchImpl.mock.calls[0]![1]?.body))).toEqual({ title: 'Hyvinvointi', template: 'innosi-welfare', language: 'fi' })
  })

  it('posts the workshop and opens the facilitator link, keeping the key in the fragment', async () => {
    const link = `${window.location.origin}/w/${ID}/facilitate#key=${KEYS.facilitator}`
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(json(201, { id: ID, keys: KEYS, links: { facilitator: link, participant: link, screen: link } }))
    const container = render(<CreateWorkshopForm defaultLanguage="en" fetchImpl={fetchImpl} />)
    typeInto(field(container, 'Workshop title'), 'Welfare 2040')
    typeInto(field(container, 'Horizon year'), '2040')

    await submit(container)

    expect(fetchImpl).toHaveBeenCalledOnce()
    const [url, init] = fetchImpl.mock.calls[0]!
    expect(url).toBe('/api/workshops')
    expect(JSON.parse(String(init?.body))).toEqual({ title: 'Welfare 2040', horizonYear: 2040, template: 'signals-to-stories', language: 'en' })
    expect(window.location.pathname).toBe(`/w/${ID}/facilitate`)
    expect(window.location.hash).toBe(`#key=${KEYS.facilitator}`)
    expect(sessionStorage.getItem(`s2s:key:${ID}:participant`)).toBe(KEYS.participant)
  })

  it("shows the server's field error beside that field", async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(json(400, { error: 'horizonYear must be 2200 or earlier', field: 'horizonYear' }))
    const container = render(<CreateWorkshopForm defaultLanguage="en" fetchImpl={fetchImpl} />)
    typeInto(field(container, 'Workshop title'), 'Welfare')

    await submit(container)

    const horizon = field(container, 'Horizon year')
    expect(horizon.getAttribute('aria-invalid')).toBe('true')
    expect(horizon.closest('.field')?.textContent).toContain('Enter a year between 2000 and 2200')
  })

  it('says so when the server cannot be reached', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'))
    const container = render(<CreateWorkshopForm defaultLanguage="en" fetchImpl={fetchImpl} />)
    typeInto(field(container, 'Workshop title'), 'Welfare')
    await submit(container)
    expect(container.querySelector('[role="alert"]')?.textContent).toContain("Couldn't reach the server")
  })

  it('keeps a pasted title past its limit whole, counts it as the one error, and sends nothing until it is shortened', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json(201, {}))
    const container = render(<CreateWorkshopForm defaultLanguage="en" fetchImpl={fetchImpl} />)
    const title = field(container, 'Workshop title')
    expect(title.hasAttribute('maxlength')).toBe(false)
    const pasted = 'Everyday welfare in our town '.repeat(10)
    typeInto(title, pasted)
    await submit(container)
    expect(fetchImpl).not.toHaveBeenCalled()
    expect(title.value).toBe(pasted)
    expect(document.activeElement).toBe(title)
    expect(title.getAttribute('aria-invalid')).toBe('true')
    const described = title
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
    expect(described).toEqual(['89 characters too many: shorten to 200.'])
    expect([...container.querySelectorAll('.field__error')].map((line) => line.textContent)).toEqual(['89 characters too many: shorten to 200.'])
    expect(field(container, 'Focal question').hasAttribute('maxlength')).toBe(false)
  })
})
