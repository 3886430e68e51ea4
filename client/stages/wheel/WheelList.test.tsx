// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { addWheelNode, readBoard, setLocked, visibleWheelNodes } from '../../../shared/doc/index.ts'
import { cleanup } from '../../testing/render.ts'
import {
  anna,
  ben,
  button,
  buttons,
  click,
  facilitator,
  liveText,
  press,
  replicaOf,
  screenOf,
  teardownAll,
  typeInto,
  valenceRadio,
  wheelWorkshop,
} from './testKit.tsx'

afterEach(() => {
  cleanup()
  teardownAll()
  localStorage.clear()
})

const nodesOf = (w: ReturnType<typeof wheelWorkshop>) => visibleWheelNodes(readBoard(w.board), w.trendIds[0]!)
const items = (root: HTMLElement) => [...root.querySelectorAll<HTMLLIElement>('li.wheel-item:not(.wheel-item--form)')]
const itemText = (li: Element) => li.querySelector('.wheel-item__text')?.textContent

describe('wheel list view, by keyboard', () => {
  it('adds a first-order and a second-order consequence, each with its valence', () => {
    const w = wheelWorkshop()
    const view = screenOf(anna, 'participant', w)

    // The form at the bottom: type, pick "Negative" (Space on a radio), Enter adds.
    const firstForm = view.querySelector<HTMLElement>('.wheel-list__add-first')!
    const firstField = firstForm.querySelector('textarea')!
    act(() => firstField.focus())
    typeInto(firstField, 'Fewer places in care homes')
    click(valenceRadio(firstForm, 'Negative'))
    press(firstField, 'Enter')

    expect(nodesOf(w)).toMatchObject([{ text: 'Fewer places in care homes', valence: 'negative', ring: 1, parentId: null }])
    expect(items(view).map(itemText)).toEqual(['Fewer places in care homes'])
    expect(items(view)[0]!.textContent).toContain('Negative')
    expect(liveText(view)).toBe('Added: Fewer places in care homes')
    // The list shows the new consequence right above the form: no second copy of its words under it.
    expect(view.querySelector('.form-added')).toBeNull()
    // The form stays open and empty for the next idea, with focus still in it.
    expect(firstField.value).toBe('')
    expect(document.activeElement).toBe(firstField)

    // "Add what follows" opens a form under that consequence and focuses it.
    click(button(items(view)[0]!, '+ Add what follows'))
    const childField = document.activeElement as HTMLTextAreaElement
    expect(childField.tagName).toBe('TEXTAREA')
    const childForm = childField.closest('form')!
    expect(childForm.querySelector('label')?.textContent).toBe('What happens because of “Fewer places in care homes”?')
    typeInto(childField, 'Care homes become community hubs')
    click(valenceRadio(childForm, 'Positive'))
    press(childField, 'Enter')

    const [first, second] = nodesOf(w)
    expect(second).toMatchObject({ text: 'Care homes become community hubs', valence: 'positive', ring: 2, parentId: first!.id })
    // Nested under its parent, marked as second order.
    const nested = items(view)[0]!.querySelector('ol li.wheel-item')!
    expect(itemText(nested)).toBe('Care homes become community hubs')
    expect(nested.textContent).toContain('2nd order')

    // Pressed again while its form is still open (focus left it), the button goes back to the form.
    act(() => button(items(view)[0]!, '+ Add what follows').focus())
    click(button(items(view)[0]!, '+ Add what follows'))
    expect(document.activeElement).toBe(childField)

    // "Done" closes the form and gives focus back to the button that opened it.
    click(button(childForm, 'Done'))
    expect(document.activeElement?.textContent).toContain('Add what follows')
  })

  it('edits text and valence, and stops at the third ring', () => {
    const w = wheelWorkshop()
    const first = addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows', valence: '' }, anna)!
    const second = addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: first, text: 'More nurses needed' }, anna)!
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: second, text: 'Nursing schools expand' }, anna)
    const view = screenOf(anna, 'participant', w)

    const third = items(view).find((li) => itemText(li) === 'Nursing schools expand')!
    expect(buttons(third, '+ Add what follows')).toHaveLength(0)
    expect(buttons(items(view)[0]!, '+ Add what follows').length).toBeGreaterThan(0)

    click(button(items(view)[0]!, 'Edit'))
    const field = document.activeElement as HTMLTextAreaElement
    expect(field.value).toBe('Home care grows')
    typeInto(field, 'Home care grows fast')
    click(valenceRadio(field.closest('form')!, 'Mixed'))
    press(field, 'Enter')
    expect(readBoard(w.board).wheelNodes.get(first)).toMatchObject({ text: 'Home care grows fast', valence: 'mixed' })
    expect(document.activeElement?.textContent).toBe('Edit')
  })

  it('refuses an empty consequence and says why', () => {
    const w = wheelWorkshop()
    const view = screenOf(anna, 'participant', w)
    const field = view.querySelector<HTMLTextAreaElement>('.wheel-list__add-first textarea')!
    typeInto(field, '   ')
    press(field, 'Enter')
    expect(nodesOf(w)).toHaveLength(0)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(view.querySelector('.field__error')?.textContent).toBe('Write what happens first.')
  })
})

describe('deleting', () => {
  it('asks once, naming what follows, and deletes the branch', () => {
    const w = wheelWorkshop()
    const first = addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Home care grows' }, anna)!
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: first, text: 'More nurses needed' }, ben)
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Kept' }, anna)
    const view = screenOf(anna, 'participant', w)

    click(button(items(view)[0]!, 'Delete'))
    const question = view.querySelector('.inline-confirm')!
    expect(question.textContent).toContain('Delete this and the consequence that follows from it?')
    // "Keep" has the focus: Enter now would delete nothing.
    expect(document.activeElement?.textContent).toBe('Keep')
    click(button(question as HTMLElement, 'Delete'))
    expect(nodesOf(w).map((n) => n.text)).toEqual(['Kept'])
    expect(liveText(view)).toBe('2 consequences deleted')
  })

  it("is offered on your own consequences, as the server allows; the facilitator may edit and delete anyone's", () => {
    const w = wheelWorkshop()
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: "Ben's idea" }, ben)
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: "Anna's idea" }, anna)
    const annaView = screenOf(anna, 'participant', w)
    const [bens, annas] = [items(annaView).find((item) => itemText(item) === "Ben's idea")!, items(annaView).find((item) => itemText(item) === "Anna's idea")!]
    expect(buttons(bens, 'Delete')).toHaveLength(0)
    expect(buttons(bens, 'Edit')).toHaveLength(0)
    expect(buttons(annas, 'Edit')).toHaveLength(1)
    expect(buttons(annas, 'Delete')).toHaveLength(1)
    cleanup()
    const facilitatorView = screenOf(facilitator, 'facilitator', w)
    const bensForFacilitator = items(facilitatorView).find((item) => itemText(item) === "Ben's idea")!
    expect(buttons(bensForFacilitator, 'Edit')).toHaveLength(1)
    expect(buttons(bensForFacilitator, 'Delete')).toHaveLength(1)
  })
})

describe('live for everyone', () => {
  it("shows a consequence added on another device, under the right parent, and the projector can't edit", () => {
    const w = wheelWorkshop()
    const bensDevice = replicaOf(w)
    const annaView = screenOf(anna, 'participant', w)
    act(() => {
      const first = addWheelNode(bensDevice.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Robots need repairing', valence: 'positive' }, ben)!
      addWheelNode(bensDevice.board, { trendId: w.trendIds[0]!, parentId: first, text: 'A new local trade' }, ben)
    })
    expect(items(annaView).map(itemText)).toEqual(['Robots need repairing', 'A new local trade'])
    expect(items(annaView)[0]!.querySelector('ol')?.textContent).toContain('A new local trade')

    cleanup()
    const projector = screenOf(facilitator, 'screen', w, 'diagram')
    expect(projector.querySelectorAll('button, textarea, input')).toHaveLength(0)
    expect(projector.querySelector('[aria-label^="1st-order consequence, Positive: Robots need repairing"]')).not.toBeNull()
  })

  it('a locked board is read-only for participants', () => {
    const w = wheelWorkshop()
    addWheelNode(w.board, { trendId: w.trendIds[0]!, parentId: null, text: 'Something' }, anna)
    setLocked(w.control, true)
    const view = screenOf(anna, 'participant', w)
    expect(items(view).map(itemText)).toEqual(['Something'])
    expect(view.querySelector('textarea')).toBeNull()
    expect(buttons(view, 'Edit')).toHaveLength(0)
  })
})
