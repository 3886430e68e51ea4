// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { readControl } from '../../../shared/doc/index.ts'
import { cleanup, render } from '../../testing/render.ts'
import { FACILITATOR, button, click, fieldLabelled, openWorkshop, typeInto, type Workshop } from '../signals/testKit.tsx'
import FrameStage from './FrameStage.tsx'

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
})

function asFacilitator(language: 'en' | 'fi') {
  const w = (workshop = openWorkshop('facilitator', FACILITATOR))
  const container = render(w.wrap(<FrameStage stage={stage} role="facilitator" isCurrent />), { language })
  return { w, editor: container.querySelector<HTMLElement>('.frame-editor')! }
}

const meta = (w: Workshop) => readControl(w.control).meta
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
    const { w, editor } = asFacilitator('en')
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
