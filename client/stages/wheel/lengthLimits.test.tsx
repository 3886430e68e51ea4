// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { readBoard, visibleWheelNodes } from '../../../shared/doc/index.ts'
import { cleanup } from '../../testing/render.ts'
import { anna, liveText, press, screenOf, teardownAll, typeInto, wheelWorkshop } from './testKit.tsx'

afterEach(() => {
  cleanup()
  teardownAll()
  localStorage.clear()
})

const counter = (root: ParentNode) => root.querySelector('.field__count')?.textContent ?? null

describe('a consequence past its limit', () => {
  it('is kept whole, counted and not added until shortened', () => {
    const w = wheelWorkshop()
    const view = screenOf(anna, 'participant', w)
    const form = view.querySelector<HTMLElement>('.wheel-list__add-first')!
    const field = form.querySelector('textarea')!
    // A browser's maxlength would have cut the paste at 280 without a word.
    expect(field.hasAttribute('maxlength')).toBe(false)
    const pasted = 'Care homes become community hubs. '.repeat(20).trim()
    typeInto(field, pasted)
    expect(field.value).toBe(pasted)
    expect(counter(form)).toBe('399 characters too many: shorten to 280.')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(field.getAttribute('aria-describedby')).toContain(form.querySelector('.field__count')!.id)

    press(field, 'Enter')
    expect(visibleWheelNodes(readBoard(w.board), w.trendIds[0]!)).toEqual([])
    expect(field.value).toBe(pasted)
    expect(document.activeElement).toBe(field)
    // One sentence says what is wrong: no "write something" under the counter.
    expect([...form.querySelectorAll('.field__error')].map((line) => line.textContent)).toEqual(['399 characters too many: shorten to 280.'])

    typeInto(field, pasted.slice(0, 280))
    expect(counter(form)).toBe('0 characters left')
    press(field, 'Enter')
    expect(visibleWheelNodes(readBoard(w.board), w.trendIds[0]!).map((node) => node.text)).toEqual([pasted.slice(0, 280).trim()])
    expect(liveText(view)).toContain('Added:')
  })
})
