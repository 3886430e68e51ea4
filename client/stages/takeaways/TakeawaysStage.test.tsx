// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { addTakeaway, readBoard, togglePlusOne } from '../../../shared/doc/index.ts'
import { cleanup, typeInto } from '../../testing/render.ts'
import { anna, ben, facilitator, replicaOf, screenOf, takeawaysWorkshop, teardownAll } from './testKit.tsx'

afterEach(() => {
  cleanup()
  teardownAll()
  // A takeaway left half-written is kept on the device: not into the next test.
  localStorage.clear()
})

const buttons = (root: ParentNode, text: string) => [...root.querySelectorAll('button')].filter((b) => b.textContent?.trim() === text)
function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = buttons(root, text)[0]
  if (!found) throw new Error(`no button "${text}"`)
  return found
}
const click = (element: HTMLElement) => act(() => element.click())
/** The input inside the label whose text includes `text` (checkboxes, radios). */
function choice(root: ParentNode, text: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(text) && l.querySelector('input'))
  if (!label) throw new Error(`no choice "${text}"`)
  return label.querySelector('input')!
}
const fieldLabelled = (root: ParentNode, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent === text)!
  return document.getElementById(label.htmlFor) as HTMLInputElement | HTMLTextAreaElement
}
const column = (root: HTMLElement, title: string) =>
  [...root.querySelectorAll('section.takeaway-column')].find((s) => s.querySelector('h3')?.textContent === title)!
const cardTexts = (section: Element) => [...section.querySelectorAll('.takeaway-card__text')].map((h) => h.textContent)
const cardOf = (root: HTMLElement, text: string) =>
  [...root.querySelectorAll('article.takeaway-card')].find((a) => a.querySelector('h4')?.textContent === text) as HTMLElement
const liveText = (root: HTMLElement) => root.querySelector('[data-live-announcer]')?.textContent ?? ''

describe('adding a takeaway', () => {
  it('keeps a takeaway still being written when the page reloads: the form opens with it again, until it is added or cancelled', () => {
    const w = takeawaysWorkshop()
    const first = screenOf(anna, 'participant', w)
    click(button(first, '+ Add the first takeaway'))
    typeInto(fieldLabelled(document.querySelector('dialog')!, 'What should we do?'), 'Ask the council for a pilot')
    click(choice(document.querySelector('dialog')!, 'Care moves home'))
    // The page reloads (or the stage moves on and back).
    cleanup()
    screenOf(anna, 'participant', w)
    const dialog = document.querySelector('dialog')!
    expect(dialog.open).toBe(true)
    expect(fieldLabelled(dialog, 'What should we do?').value).toBe('Ask the council for a pilot')
    expect(choice(dialog, 'Care moves home').checked).toBe(true)
    // Someone else in this browser does not get it.
    cleanup()
    screenOf(ben, 'participant', w)
    expect(document.querySelector('dialog')?.open ?? false).toBe(false)
    cleanup()
    // Cancelled, it is gone for good.
    screenOf(anna, 'participant', w)
    click(button(document.querySelector('dialog')!, 'Cancel'))
    cleanup()
    screenOf(anna, 'participant', w)
    expect(document.querySelector('dialog')?.open ?? false).toBe(false)
  })

  it('starts from an empty state that teaches, and links the new takeaway to a trend and a story', () => {
    const w = takeawaysWorkshop()
    const view = screenOf(anna, 'participant', w)
    expect(view.textContent).toContain('Start a care-robot pilot in two homes')
    expect(view.textContent).toContain('social services')

    click(button(view, '+ Add the first takeaway'))
    const dialog = document.querySelector('dialog')!
    expect(dialog.querySelector('h2')?.textContent).toBe('Add a takeaway')
    typeInto(fieldLabelled(dialog, 'What should we do?'), 'Pilot robot-assisted home care')
    typeInto(fieldLabelled(dialog, 'Who'), 'Social services')
    click(choice(dialog, 'Within a year'))
    click(choice(dialog, 'Care moves home'))
    click(choice(dialog, 'A Tuesday with Aino'))
    click(button(dialog, 'Add the takeaway'))

    const [saved] = [...readBoard(w.board).takeaways.values()]
    expect(saved).toMatchObject({
      text: 'Pilot robot-assisted home care',
      who: 'Social services',
      when: 'year',
      trendIds: [w.trendIds[0]],
      storyIds: [w.storyId],
      createdBy: anna.participantId,
    })
    expect(cardTexts(column(view, 'Within a year'))).toEqual(['Pilot robot-assisted home care'])
    const chips = [...cardOf(view, 'Pilot robot-assisted home care').querySelectorAll('.link-chip')].map((c) => c.textContent)
    expect(chips).toEqual(['Trend:Care moves home', 'Story:A Tuesday with Aino'])
    expect(liveText(view)).toBe('Takeaway added to “Within a year”')
  })

  it('keeps what was written when the form is closed with Esc or "Close": "Add" opens it again with it, and only "Cancel" forgets it', () => {
    const w = takeawaysWorkshop()
    addTakeaway(w.board, { text: 'Something now' }, ben)
    const view = screenOf(anna, 'participant', w)
    const dialog = () => document.querySelector('dialog')!
    click(button(view, '+ Add a takeaway'))
    typeInto(fieldLabelled(dialog(), 'What should we do?'), 'Map the home-care routes')
    click(button(dialog(), 'Close'))
    expect(dialog().open).toBe(false)

    // Put away, it stays put away after a reload, and "Add" still finds it.
    cleanup()
    const reloaded = screenOf(anna, 'participant', w)
    expect(dialog().open).toBe(false)
    click(button(reloaded, '+ Add a takeaway'))
    expect(fieldLabelled(dialog(), 'What should we do?').value).toBe('Map the home-care routes')
    act(() => {
      dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    })
    expect(dialog().open).toBe(false)

    click(button(reloaded, '+ Add a takeaway'))
    expect(fieldLabelled(dialog(), 'What should we do?').value).toBe('Map the home-care routes')
    click(button(dialog(), 'Cancel'))
    click(button(reloaded, '+ Add a takeaway'))
    expect(fieldLabelled(dialog(), 'What should we do?').value).toBe('')
    expect(readBoard(w.board).takeaways.size).toBe(1)
  })

  it('gives the keyboard to "Add a takeaway" after the first one replaced the empty page and its button', () => {
    const w = takeawaysWorkshop()
    const view = screenOf(anna, 'participant', w)
    const first = button(view, '+ Add the first takeaway')
    first.focus()
    click(first)
    typeInto(fieldLabelled(document.querySelector('dialog')!, 'What should we do?'), 'Pilot robot-assisted home care')
    click(button(document.querySelector('dialog')!, 'Add the takeaway'))
    expect(first.isConnected).toBe(false)
    expect(document.activeElement).toBe(button(view, '+ Add a takeaway'))
  })

  it('needs a text, and the column button presets "when"', () => {
    const w = takeawaysWorkshop()
    addTakeaway(w.board, { text: 'Something now' }, ben)
    const view = screenOf(anna, 'participant', w)
    click(button(column(view, 'Within five years'), '+ Add to “Within five years”'))
    const dialog = document.querySelector('dialog')!
    expect(choice(dialog, 'Within five years').checked).toBe(true)
    click(button(dialog, 'Add the takeaway'))
    expect(dialog.querySelector('.field__error')?.textContent).toBe('Write what should be done.')
    expect(readBoard(w.board).takeaways.size).toBe(1)
  })
})

describe('+1', () => {
  it('toggles my +1 and shows the count and whether I gave one', () => {
    const w = takeawaysWorkshop()
    const id = addTakeaway(w.board, { text: 'Map loneliness', when: 'now' }, ben)
    const view = screenOf(anna, 'participant', w)
    const plusOne = () => cardOf(view, 'Map loneliness').querySelector<HTMLButtonElement>('button.plus-one')!

    expect(plusOne().getAttribute('aria-pressed')).toBe('false')
    click(plusOne())
    expect(plusOne().getAttribute('aria-pressed')).toBe('true')
    expect(plusOne().textContent).toBe('+1 1 — I agree (1 person agrees so far)')
    expect(readBoard(w.board).plusOnes.has(`${id}|${anna.participantId}`)).toBe(true)
    expect(liveText(view)).toBe('Your +1 is in')

    click(plusOne())
    expect(plusOne().getAttribute('aria-pressed')).toBe('false')
    expect(plusOne().querySelector('.plus-one__count')?.textContent).toBe('0')
  })

  it('counts +1s from another device alongside mine', () => {
    const w = takeawaysWorkshop()
    const id = addTakeaway(w.board, { text: 'Map loneliness' }, ben)
    const bensDevice = replicaOf(w)
    const view = screenOf(anna, 'participant', w)
    click(cardOf(view, 'Map loneliness').querySelector<HTMLButtonElement>('button.plus-one')!)
    act(() => {
      togglePlusOne(bensDevice.board, id, ben)
    })
    const plusOne = cardOf(view, 'Map loneliness').querySelector('button.plus-one')!
    expect(plusOne.querySelector('.plus-one__count')?.textContent).toBe('2')
    expect(plusOne.getAttribute('aria-pressed')).toBe('true')
  })
})

describe('the board', () => {
  it('groups by when, in the order added, or most +1s first', () => {
    const w = takeawaysWorkshop()
    addTakeaway(w.board, { text: 'A', when: 'year' }, anna)
    const b = addTakeaway(w.board, { text: 'B', when: 'year' }, anna)
    addTakeaway(w.board, { text: 'C', when: 'now' }, anna)
    addTakeaway(w.board, { text: 'D', when: 'fiveYears' }, anna)
    togglePlusOne(w.board, b, ben)
    const view = screenOf(anna, 'participant', w)
    expect([...view.querySelectorAll('section.takeaway-column h3')].map((h) => h.textContent)).toEqual(['Now', 'Within a year', 'Within five years'])
    expect(cardTexts(column(view, 'Now'))).toEqual(['C'])
    expect(cardTexts(column(view, 'Within a year'))).toEqual(['A', 'B'])
    expect(cardTexts(column(view, 'Within five years'))).toEqual(['D'])
    expect(column(view, 'Within a year').textContent).toContain('2 takeaways')

    click(button(view, 'Most +1s first'))
    expect(cardTexts(column(view, 'Within a year'))).toEqual(['B', 'A'])
  })

  it('lets authors edit and delete their own, the facilitator any, and the projector nothing', () => {
    const w = takeawaysWorkshop()
    addTakeaway(w.board, { text: 'Mine' }, anna)
    addTakeaway(w.board, { text: "Ben's" }, ben)
    const view = screenOf(anna, 'participant', w)
    expect(buttons(cardOf(view, 'Mine'), 'Edit')).toHaveLength(1)
    expect(buttons(cardOf(view, "Ben's"), 'Edit')).toHaveLength(0)

    click(button(cardOf(view, 'Mine'), 'Edit'))
    const dialog = document.querySelector('dialog')!
    const text = fieldLabelled(dialog, 'What should we do?')
    expect(text.value).toBe('Mine')
    typeInto(text, 'Mine, sharpened')
    click(button(dialog, 'Save'))
    expect([...readBoard(w.board).takeaways.values()].map((t) => t.text).sort()).toEqual(["Ben's", 'Mine, sharpened'])

    click(button(cardOf(view, 'Mine, sharpened'), 'Delete'))
    expect(document.activeElement?.textContent).toBe('Keep')
    click(button(cardOf(view, 'Mine, sharpened'), 'Delete'))
    expect([...readBoard(w.board).takeaways.values()].map((t) => t.text)).toEqual(["Ben's"])
    cleanup()

    const facilitatorView = screenOf(facilitator, 'facilitator', w)
    expect(buttons(cardOf(facilitatorView, "Ben's"), 'Edit')).toHaveLength(1)
    cleanup()

    // The projector: the takeaways in its own large type, nothing to press.
    const projector = screenOf(facilitator, 'screen', w)
    expect([...projector.querySelectorAll('.screen-takeaway__text')].map((p) => p.textContent)).toEqual(["Ben's"])
    expect(projector.querySelectorAll('button')).toHaveLength(0)
  })
})
