// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { addSignal, readBoard } from '../../../shared/doc/index.ts'
import { cleanup, render } from '../../testing/render.ts'
import SignalsStage from './SignalsStage.tsx'
import { ANNA, button, cardTitled, click, fieldLabelled, openWorkshop, typeInto, wallTitles, SIGNALS_STAGE, type Workshop } from './testKit.tsx'

let workshop: Workshop | null = null

afterEach(() => {
  cleanup()
  workshop?.close()
  workshop = null
  localStorage.clear()
})

function stage(language: 'en' | 'fi' = 'en', before?: (w: Workshop) => void) {
  workshop = openWorkshop('participant', ANNA)
  before?.(workshop)
  const container = render(workshop.wrap(<SignalsStage stage={SIGNALS_STAGE} role="participant" isCurrent />), { language })
  return { w: workshop, container, form: container.querySelector<HTMLElement>('.add-signal')! }
}

/** What a screen reader hears with the field besides its label: the texts its aria-describedby names. */
function description(field: HTMLElement): string[] {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? `(missing ${id})`)
}

const counter = (form: HTMLElement) => form.querySelector('.field__count')?.textContent ?? null

/** The 5,600-character title the exploratory tester pasted: "…Pitkä otsikko Pitk" once cut. */
const LONG_TITLE = `${Array<string>(400).fill('Pitkä otsikko').join(' ')}!`

describe('signal card: a text past its limit', () => {
  it('counts down from 80 % of the limit, and not before', () => {
    const { container, form } = stage()
    const title = fieldLabelled(container, 'What did you notice?')
    typeInto(title, 'a'.repeat(159))
    expect(counter(form)).toBeNull()
    typeInto(title, 'a'.repeat(180))
    expect(counter(form)).toBe('20 characters left')
    expect(description(title)).toContain('20 characters left')
    typeInto(title, 'a'.repeat(199))
    expect(counter(form)).toBe('1 character left')
  })

  it('keeps a pasted title whole, says how far over it is, and refuses to add it until shortened', async () => {
    const { w, container, form } = stage()
    const title = fieldLabelled(container, 'What did you notice?')
    // A browser's maxlength would have cut the paste at 200 without a word.
    expect(title.hasAttribute('maxlength')).toBe(false)
    typeInto(title, LONG_TITLE)
    expect(title.value).toBe(LONG_TITLE)
    const over = '5,400 characters too many: shorten to 200. The details can go below.'
    expect(counter(form)).toBe(over)
    expect(title.getAttribute('aria-invalid')).toBe('true')
    expect(description(title)).toContain(over)
    expect(w.announced).toEqual(['“What did you notice?” has 5,400 characters too many. Nothing was cut: shorten it to 200 characters.'])

    click(button(form, 'Add card'))
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    expect(readBoard(w.board).signals.size).toBe(0)
    expect(title.value).toBe(LONG_TITLE)
    expect(document.activeElement).toBe(title)
    // One sentence says what is wrong, not the counter and a second "too long" under it.
    expect([...form.querySelectorAll('.field__error')].map((line) => line.textContent)).toEqual([over])

    // Still over, one character at a time: the counter follows, the live region stays quiet.
    typeInto(title, LONG_TITLE.slice(0, 301))
    expect(counter(form)).toBe('101 characters too many: shorten to 200. The details can go below.')
    const shortened = LONG_TITLE.slice(0, 200)
    typeInto(title, shortened)
    expect(counter(form)).toBe('0 characters left')
    expect(title.getAttribute('aria-invalid')).toBe('false')
    expect(w.announced.slice(1)).toEqual(['“What did you notice?” fits now.'])

    click(button(form, 'Add card'))
    expect(wallTitles(container)).toEqual([shortened.trim()])
  })

  it('in Finnish: a 5,120-character description stays whole, counted over in Finnish numbers', () => {
    const { w, container, form } = stage('fi')
    typeInto(fieldLabelled(container, 'Mitä huomasit?'), 'Hoivarobotit kotona')
    click(button(form, 'Lisätietoja (vapaaehtoinen)'))
    const text = fieldLabelled(container, 'Mitä on tapahtumassa')
    expect(text.hasAttribute('maxlength')).toBe(false)
    typeInto(text, 'x'.repeat(5120))
    // Finnish groups thousands with a no-break space: "3 120", not "3,120".
    expect(counter(form)).toBe('3\u00a0120 merkkiä liikaa: lyhennä 2\u00a0000 merkkiin.')
    expect(w.announced).toEqual(['Kentässä ”Mitä on tapahtumassa” on 3\u00a0120 merkkiä liikaa. Mitään ei leikattu pois: lyhennä teksti 2\u00a0000 merkkiin.'])
    click(button(form, 'Lisää kortti'))
    expect(readBoard(w.board).signals.size).toBe(0)
    expect(text.value).toHaveLength(5120)
    expect([...form.querySelectorAll('.field__error')].map((line) => line.textContent)).toEqual(['3\u00a0120 merkkiä liikaa: lyhennä 2\u00a0000 merkkiin.'])
  })

  it('in the editor: a title pasted past the limit is kept and not saved until shortened', () => {
    let id = ''
    const { w, container } = stage('en', (before) => (id = addSignal(before.board, { title: 'Robots' }, ANNA)))
    click(button(cardTitled(container, 'Robots'), /^Edit/))
    const editor = container.querySelector<HTMLElement>('.signal-card--editing')!
    const title = fieldLabelled(editor, 'What did you notice?')
    expect(title.hasAttribute('maxlength')).toBe(false)
    typeInto(title, LONG_TITLE)
    expect(counter(editor)).toBe('5,400 characters too many: shorten to 200. The details can go below.')
    click(button(editor, 'Save'))
    expect(readBoard(w.board).signals.get(id)?.title).toBe('Robots')
    expect(title.value).toBe(LONG_TITLE)
  })
})
