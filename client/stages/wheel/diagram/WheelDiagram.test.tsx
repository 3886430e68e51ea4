// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { addWheelNode, readBoard, visibleWheelNodes } from '../../../../shared/doc/index.ts'
import { cleanup } from '../../../testing/render.ts'
import { anna, ben, button, click, press, screenOf, teardownAll, typeInto, valenceRadio, wheelWorkshop } from '../testKit.tsx'

afterEach(() => {
  cleanup()
  teardownAll()
  localStorage.clear()
})

const node = (root: HTMLElement, text: string) => {
  const found = [...root.querySelectorAll<SVGGElement>('g.wheel-node')].find((g) => g.getAttribute('aria-label')?.endsWith(text))
  if (!found) throw new Error(`no box "${text}"`)
  return found
}

describe('wheel diagram', () => {
  it('draws every consequence as a focusable box named by ring, valence and full text', () => {
    const w = wheelWorkshop()
    const first = addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows', valence: 'positive' }, anna)!
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: first, text: 'More nurses needed', valence: 'mixed' }, anna)
    const view = screenOf(anna, 'participant', w, 'diagram')
    expect(node(view, 'Home care grows').getAttribute('aria-label')).toBe('1st-order consequence, Positive: Home care grows')
    expect(node(view, 'More nurses needed').getAttribute('tabindex')).toBe('0')
    expect(view.querySelectorAll('line.wheel-edge')).toHaveLength(2)
    // The colour comes with a glyph: the valence class drives both.
    expect(node(view, 'More nurses needed').classList.contains('wheel-node--mixed')).toBe(true)
  })

  it('opens a box by keyboard, adds what follows from the panel, and closes with Escape', () => {
    const w = wheelWorkshop()
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows', valence: 'positive' }, anna)
    const view = screenOf(anna, 'participant', w, 'diagram')

    const box = node(view, 'Home care grows')
    act(() => box.focus())
    press(box, 'Enter')
    expect(box.getAttribute('aria-pressed')).toBe('true')
    const panel = view.querySelector<HTMLElement>('.wheel-details')!
    expect(panel.querySelector('h4')?.textContent).toBe('Home care grows')
    expect(document.activeElement).toBe(panel.querySelector('h4'))

    click(button(panel, '+ Add what follows'))
    const field = document.activeElement as HTMLTextAreaElement
    expect(field.tagName).toBe('TEXTAREA')
    typeInto(field, 'Nurses drive less')
    click(valenceRadio(panel, 'Positive'))
    press(field, 'Enter')
    const [, added] = visibleWheelNodes(readBoard(w.board), w.trendIds[0]!)
    expect(added).toMatchObject({ text: 'Nurses drive less', ring: 2, valence: 'positive' })
    expect(node(view, 'Nurses drive less')).toBeDefined()
    // Said under the emptied form too: on a phone the new box is drawn a screen above it.
    expect(panel.querySelector('.form-added')?.textContent).toBe('Added: Nurses drive less')

    press(field, 'Escape') // leaves the add form
    press(view.querySelector('.wheel-diagram__viewport')!, 'Escape')
    expect(view.querySelector('.wheel-details')).toBeNull()
  })

  it('an empty wheel opens on the trend, ready for the first consequence', () => {
    const w = wheelWorkshop()
    const view = screenOf(anna, 'participant', w, 'diagram')
    const panel = view.querySelector<HTMLElement>('.wheel-details')!
    expect(panel.querySelector('label')?.textContent).toBe('What happens because of this trend?')
    // It does not grab focus on its own.
    expect(panel.contains(document.activeElement)).toBe(false)
  })

  it("stays open on the trend when someone else's first consequence arrives: what this person was typing stays", () => {
    const w = wheelWorkshop()
    const view = screenOf(anna, 'participant', w, 'diagram')
    const field = view.querySelector<HTMLTextAreaElement>('.wheel-details textarea')!
    act(() => field.focus())
    typeInto(field, 'Ada half typed')
    act(() => void addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows', valence: 'positive' }, ben))
    expect(node(view, 'Home care grows')).toBeDefined()
    const still = view.querySelector<HTMLTextAreaElement>('.wheel-details textarea')
    expect(still?.value).toBe('Ada half typed')
    expect(document.activeElement).toBe(still)
    press(still!, 'Enter')
    expect(visibleWheelNodes(readBoard(w.board), w.trendIds[0]!).map((n) => n.text)).toEqual(['Home care grows', 'Ada half typed'])
  })

  it("closes the trend's panel it opened by itself once others' consequences arrive, if this person never turned to it", () => {
    // Left standing, it covered a third of a laptop's wheel and the boxes and "+" under it.
    const w = wheelWorkshop()
    const view = screenOf(anna, 'participant', w, 'diagram')
    expect(view.querySelector('.wheel-details')).not.toBeNull()
    act(() => void addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows', valence: 'positive' }, ben))
    expect(node(view, 'Home care grows')).toBeDefined()
    expect(view.querySelector('.wheel-details')).toBeNull()
    expect(view.querySelector('.wheel-diagram g[aria-pressed="true"]')).toBeNull()
    // The trend's "+" still opens it, with the form in focus.
    press(view.querySelector<SVGGElement>('g.wheel-add[data-add-for="centre"]')!, 'Enter')
    expect(document.activeElement?.closest('.wheel-details')).not.toBeNull()
  })

  it("keeps the trend's panel for someone who pressed in it, when others' consequences arrive", () => {
    const w = wheelWorkshop()
    const view = screenOf(anna, 'participant', w, 'diagram')
    act(() => void view.querySelector('.wheel-details')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })))
    act(() => void addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows', valence: 'positive' }, ben))
    expect(view.querySelector('.wheel-details')).not.toBeNull()
  })

  it('opens a wheel that has consequences with nothing selected and no panel over it', () => {
    const w = wheelWorkshop()
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows', valence: 'positive' }, ben)
    const view = screenOf(anna, 'participant', w, 'diagram')
    expect(view.querySelector('.wheel-details')).toBeNull()
  })

  it('every box up to the second ring has its own "+", named after it; it opens the add form, and stays for the next one', () => {
    const w = wheelWorkshop()
    const first = addWheelNode(
      w.board,
      { trendId: w.trendIds[0]!, parentId: null, text: 'Loneliness drops among people who live alone', valence: 'positive' },
      anna,
    )!
    const second = addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: first, text: 'Fewer visits to the doctor', valence: 'positive' }, anna)!
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: second, text: 'Doctors have more time', valence: 'mixed' }, anna)
    const view = screenOf(anna, 'participant', w, 'diagram')
    const names = [...view.querySelectorAll('g.wheel-add')].map((g) => g.getAttribute('aria-label'))
    expect(names).toEqual([
      'Add what follows “Care moves home”',
      'Add what follows “Loneliness drops among people who live alone”',
      'Add what follows “Fewer visits to the doctor”',
    ])
    expect(new Set(names).size).toBe(names.length)

    const plus = view.querySelector<SVGGElement>('g.wheel-add[aria-label="Add what follows “Fewer visits to the doctor”"]')!
    press(plus, 'Enter')
    const panel = view.querySelector<HTMLElement>('.wheel-details')!
    const field = document.activeElement as HTMLTextAreaElement
    expect(field.tagName).toBe('TEXTAREA')
    expect(panel.contains(field)).toBe(true)
    typeInto(field, 'Clinics open in the evening')
    press(field, 'Enter')
    expect(visibleWheelNodes(readBoard(w.board), w.trendIds[0]!).map((n) => n.text)).toContain('Clinics open in the evening')
    // After one consequence the form is still open for the next, and every "+" is still there.
    expect(panel.querySelector('textarea')).not.toBeNull()
    expect(view.querySelectorAll('g.wheel-add')).toHaveLength(3)
    // The keyboard reaches a "+" through its box: one Tab stop per box, and "+" on it adds.
    expect([...view.querySelectorAll('g.wheel-add')].map((g) => g.getAttribute('tabindex'))).toEqual(['-1', '-1', '-1'])
    const box = view.querySelector<SVGGElement>('g.wheel-node[aria-label*="Loneliness drops among people who live alone"]')!
    expect(box.getAttribute('aria-keyshortcuts')).toBe('Plus')
    press(panel.querySelector('textarea')!, 'Escape')
    const zoom = () => view.querySelector('.wheel-diagram__svg > g')!.getAttribute('transform')
    const before = zoom()
    press(box, '+')
    // It adds; the diagram's own "+" (zoom) is not done as well.
    expect(zoom()).toBe(before)
    expect(document.activeElement?.tagName).toBe('TEXTAREA')
    expect(view.querySelector('.wheel-details h4')?.textContent).toBe('Loneliness drops among people who live alone')
    // Escape leaves the form, and the keyboard on "Add what follows", not on the page.
    press(view.querySelector('.wheel-details textarea')!, 'Escape')
    expect(view.querySelector('.wheel-details textarea')).toBeNull()
    expect(document.activeElement?.textContent).toBe('+ Add what follows')
  })
})
