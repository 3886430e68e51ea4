// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import { addSignal, readControl } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { cleanup, render } from '../../testing/render.ts'
import { ANNA, FACILITATOR, button, click, fieldLabelled, openWorkshop, typeInto, type Workshop } from '../signals/testKit.tsx'
import FrameStage from './FrameStage.tsx'
import ScreenFrame from './ScreenFrame.tsx'

const stage = {
  id: 'StageStageStageStage00',
  kind: 'frame' as const,
  order: 'a0',
  skipped: false,
  settings: { timerSeconds: 300, votesPerPerson: 3, prompt: '' },
}
let workshop: Workshop | null = null

afterEach(() => {
  cleanup()
  workshop?.close()
  workshop = null
  vi.useRealTimers()
})

function asFacilitator(language: 'en' | 'fi' = 'en') {
  const w = (workshop = openWorkshop('facilitator', FACILITATOR))
  const container = render(w.wrap(<FrameStage stage={stage} role="facilitator" isCurrent />), { language })
  const editor = container.querySelector<HTMLElement>('.frame-editor')!
  return { w, container, editor }
}

const meta = (w: Workshop) => readControl(w.control).meta
const labelled = (container: HTMLElement, name: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.getAttribute('aria-label') === name)!

describe('frame stage: facilitator', () => {
  it('shows the template the workshop was created from', () => {
    const { editor } = asFacilitator()
    expect(editor.textContent).toContain('InnoSI welfare foresight')
  })

  it('saves the focal question as the facilitator types (after a pause), and the preview follows', () => {
    vi.useFakeTimers()
    const { w, container, editor } = asFacilitator()
    const question = fieldLabelled(editor, 'Focal question')
    act(() => question.focus())
    typeInto(question, 'How do we care for each other in 2040? ')
    expect(meta(w).focalQuestion).toBe('What will everyday welfare look like in our town in 2040?')
    act(() => vi.advanceTimersByTime(600))
    expect(meta(w).focalQuestion).toBe('How do we care for each other in 2040?')
    // The trailing space being typed is not eaten by the save.
    expect(question.value).toBe('How do we care for each other in 2040? ')
    expect(container.querySelector('.frame-preview')!.textContent).toContain('How do we care for each other in 2040?')
  })

  it('keeps an invalid year in the field with a message, and saves a valid one on blur', () => {
    const { w, editor } = asFacilitator()
    const year = fieldLabelled(editor, 'Horizon year')
    act(() => year.focus())
    typeInto(year, '20')
    act(() => year.blur())
    expect(year.value).toBe('20')
    expect(year.getAttribute('aria-invalid')).toBe('true')
    expect(editor.textContent).toContain('Enter a year between 2000 and 2200')
    expect(meta(w).horizonYear).toBe(2040)
    act(() => year.focus())
    typeInto(year, '2035')
    act(() => year.blur())
    expect(meta(w).horizonYear).toBe(2035)
    expect(year.getAttribute('aria-invalid')).toBe('false')
  })

  it('sets the tone', () => {
    const { w, editor } = asFacilitator()
    expect(meta(w).tone).toBe('positive')
    click(editor.querySelector<HTMLInputElement>('input[type="radio"][value="neutral"]')!)
    expect(meta(w).tone).toBe('neutral')
  })

  it('sets the workshop language, which the projector and everyone without a choice of their own follow', () => {
    const { w, editor } = asFacilitator()
    expect(meta(w).language).toBe('en')
    const suomi = [...editor.querySelectorAll<HTMLLabelElement>('label.choice')].find((label) => label.textContent === 'Suomi')!
    click(suomi.querySelector('input')!)
    expect(meta(w).language).toBe('fi')
  })

  it('adds, reorders and removes themes; asks first when signals use the theme', () => {
    const { w, editor } = asFacilitator()
    const labels = () => meta(w).themes.map((theme) => theme.label)
    const input = fieldLabelled(editor, 'New theme')
    typeInto(input, 'Housing')
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })))
    expect(labels()).toEqual(['Children and parents', 'Older people', 'Economy and working life', 'Immigration', 'Housing'])
    expect(input.value).toBe('')

    typeInto(input, 'housing')
    click(button(editor, 'Add theme'))
    expect(editor.textContent).toContain('There is already a theme with this name.')

    click(labelled(editor, 'Move "Housing" up'))
    expect(labels()).toEqual(['Children and parents', 'Older people', 'Economy and working life', 'Housing', 'Immigration'])

    // An unused theme goes at once; a used one asks.
    click(labelled(editor, 'Remove "Housing"'))
    expect(labels()).not.toContain('Housing')
    act(() => void addSignal(w.board, { title: 'Care robots', themeId: meta(w).themes[1]!.id }, ANNA))
    click(labelled(editor, 'Remove "Older people"'))
    expect(labels()).toContain('Older people')
    expect(editor.textContent).toContain('1 signal uses this theme')
    click(button(editor, 'Remove'))
    expect(labels()).toEqual(['Children and parents', 'Economy and working life', 'Immigration'])
  })

  it('renames a theme in place, refusing an empty name', () => {
    const { w, editor } = asFacilitator()
    const first = fieldLabelled(editor, 'Theme 1')
    act(() => first.focus())
    typeInto(first, '')
    act(() => first.blur())
    expect(editor.textContent).toContain('Give the theme a name.')
    expect(meta(w).themes[0]!.label).toBe('Children and parents')
    act(() => first.focus())
    typeInto(first, 'Families')
    act(() => first.blur())
    expect(meta(w).themes[0]!.label).toBe('Families')
  })
})

describe('frame stage: the room', () => {
  it('shows the participant the focal question, the year, the themes and a friendly “you’re in”', () => {
    const w = (workshop = openWorkshop('participant', ANNA))
    const container = render(w.wrap(<FrameStage stage={stage} role="participant" isCurrent />))
    expect(container.querySelector('h2')!.textContent).toBe('What will everyday welfare look like in our town in 2040?')
    expect(container.textContent).toContain('2040')
    expect([...container.querySelectorAll('.frame-welcome__theme')].map((tag) => tag.textContent)).toEqual([
      'Children and parents',
      'Older people',
      'Economy and working life',
      'Immigration',
    ])
    expect(container.textContent).toContain("You're in, Anna")
    click(button(container, 'Change name'))
    expect(useStore.getState().ui.dialog).toBe('name')
  })

  it('does not tell someone looking back at the frame to wait, and shows the projector no name', () => {
    const w = (workshop = openWorkshop('participant', ANNA))
    const lookingBack = render(w.wrap(<FrameStage stage={stage} role="participant" isCurrent={false} />))
    expect(lookingBack.textContent).not.toContain('Wait for the facilitator')
    cleanup()
    const screen = render(w.wrap(<ScreenFrame />))
    expect(screen.textContent).toContain('What will everyday welfare look like')
    expect(screen.textContent).not.toContain("You're in")
    expect(screen.querySelectorAll('button, input')).toHaveLength(0)
  })
})

const counterOf = (field: HTMLElement) => {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)).find((line) => line?.classList.contains('field__count'))?.textContent ?? null
}

describe('the frame: a text past its limit', () => {
  it('keeps a pasted focal question in the field, counted in Finnish, and the workshop keeps the last one that fitted', () => {
    const { w, editor } = asFacilitator('fi')
    const question = fieldLabelled(editor, 'Fokuskysymys')
    expect(question.hasAttribute('maxlength')).toBe(false)
    const before = meta(w).focalQuestion
    const pasted = 'Miten huolehdimme toisistamme vuonna 2040? '.repeat(30).trim()
    act(() => question.focus())
    typeInto(question, pasted)
    expect(counterOf(question)).toBe('789 merkkiä liikaa: lyhennä 500 merkkiin. Ei tallennu ennen kuin lyhennät.')
    expect(question.getAttribute('aria-invalid')).toBe('true')
    act(() => question.blur())
    expect(meta(w).focalQuestion).toBe(before)
    expect(question.value).toBe(pasted)

    act(() => question.focus())
    typeInto(question, 'Miten huolehdimme toisistamme vuonna 2040?')
    act(() => question.blur())
    expect(meta(w).focalQuestion).toBe('Miten huolehdimme toisistamme vuonna 2040?')
  })

  it('refuses a new theme past its limit, and does not rename one to it, keeping the text to shorten', () => {
    const { w, editor } = asFacilitator()
    const labels = () => meta(w).themes.map((theme) => theme.label)
    const before = labels()
    const input = fieldLabelled(editor, 'New theme')
    expect(input.hasAttribute('maxlength')).toBe(false)
    const long = 'Housing, neighbourhoods and the everyday life around them'.repeat(2)
    typeInto(input, long)
    click(button(editor, 'Add theme'))
    expect(labels()).toEqual(before)
    expect(input.value).toBe(long)
    expect(document.activeElement).toBe(input)
    expect(counterOf(input)).toBe('54 characters too many: shorten to 60.')
    // The counter is the one error: not "There is already a theme…" or "Give the theme a name." as well.
    expect([...editor.querySelectorAll('.themes-editor > .field__error')].map((line) => line.textContent)).toEqual(['54 characters too many: shorten to 60.'])

    const first = fieldLabelled(editor, 'Theme 1')
    expect(first.hasAttribute('maxlength')).toBe(false)
    act(() => first.focus())
    typeInto(first, long)
    act(() => first.blur())
    expect(labels()).toEqual(before)
    expect(first.value).toBe(long)
    expect(counterOf(first)).toBe('54 characters too many: shorten to 60. Not saved until it is shortened.')

    typeInto(input, 'Housing')
    click(button(editor, 'Add theme'))
    expect(labels()).toEqual([...before, 'Housing'])
  })
})
