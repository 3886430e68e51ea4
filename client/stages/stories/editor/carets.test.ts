// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { renderCaret } from './carets.ts'

describe('remote carets', () => {
  it('show the writer’s name without putting it into the story’s text or its accessible text', () => {
    const caret = renderCaret({ name: 'Caisa', color: '#0072B2' }, 'Someone')
    expect(caret.getAttribute('aria-hidden')).toBe('true')
    expect(caret.textContent).toBe('')
    expect(caret.querySelector<HTMLElement>('.story-caret__name')?.dataset.name).toBe('Caisa')
  })
})
