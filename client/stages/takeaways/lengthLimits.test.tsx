// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { readBoard } from '../../../shared/doc/index.ts'
import { cleanup, typeInto } from '../../testing/render.ts'
import { anna, screenOf, takeawaysWorkshop, teardownAll } from './testKit.tsx'

afterEach(() => {
  cleanup()
  teardownAll()
  localStorage.clear()
})

const click = (element: HTMLElement) => act(() => element.click())
function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)
  if (!found) throw new Error(`no button "${text}"`)
  return found
}
const fieldLabelled = (root: ParentNode, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent === text)!
  return document.getElementById(label.htmlFor) as HTMLInputElement | HTMLTextAreaElement
}
const counters = (root: ParentNode) => [...root.querySelectorAll('.field__count')].map((line) => line.textContent)

describe('a takeaway past its limit', () => {
  it('keeps the pasted text whole, counts it and adds nothing until it is shortened', () => {
    const w = takeawaysWorkshop()
    const view = screenOf(anna, 'participant', w)
    click(button(view, '+ Add the first takeaway'))
    const dialog = document.querySelector('dialog')!
    const text = fieldLabelled(dialog, 'What should we do?')
    expect(text.hasAttribute('maxlength')).toBe(false)
    const pasted = 'Start a pilot with the council. '.repeat(100).trim()
    typeInto(text, pasted)
    expect(counters(dialog)).toEqual(['2,699 characters too many: shorten to 500.'])
    expect(text.getAttribute('aria-invalid')).toBe('true')

    click(button(dialog, 'Add the takeaway'))
    expect(readBoard(w.board).takeaways.size).toBe(0)
    expect(text.value).toBe(pasted)
    expect(document.activeElement).toBe(text)

    typeInto(text, 'Start a pilot with the council')
    const who = fieldLabelled(dialog, 'Who')
    expect(who.hasAttribute('maxlength')).toBe(false)
    typeInto(who, 'Social services '.repeat(10))
    expect(counters(dialog)).toEqual(['39 characters too many: shorten to 120.'])
    click(button(dialog, 'Add the takeaway'))
    expect(readBoard(w.board).takeaways.size).toBe(0)
    expect(document.activeElement).toBe(who)

    typeInto(who, 'Social services')
    click(button(dialog, 'Add the takeaway'))
    expect([...readBoard(w.board).takeaways.values()].map((takeaway) => [takeaway.text, takeaway.who])).toEqual([
      ['Start a pilot with the council', 'Social services'],
    ])
  })
})
