// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act, useState } from 'react'
import { createTrend, readBoard } from '../../../shared/doc/index.ts'
import { anna, newBoard } from '../../../shared/doc/testing/fixtures.ts'
import type { Signal } from '../../../shared/schema/index.ts'
import { cleanup, render, typeInto } from '../../testing/render.ts'
import { mountTrends, type Harness } from './testing/trendsHarness.tsx'
import { SuggestionCard } from './suggest/SuggestionCard.tsx'
import type { Suggestion } from './suggest/useSuggestions.ts'

let harness: Harness | null = null
afterEach(() => {
  cleanup()
  harness?.teardown()
  harness = null
})

const counterOf = (field: HTMLElement) => {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)).find((line) => line?.classList.contains('field__count'))?.textContent ?? null
}

/** Over the 120-character limit of a trend's name by 13. */
const LONG_NAME = 'Care moves home, and the home becomes a place of care for the whole family and the neighbours around it, day and night, all year long'

describe('a trend text past its limit', () => {
  it('keeps a pasted name in the field, counted, while the trend keeps the last name that fitted', () => {
    const board = newBoard(1)
    const home = createTrend(board, { name: 'Care moves home' }, anna)
    harness = mountTrends({ board })
    const name = harness.container.querySelector<HTMLTextAreaElement>('.trend__name')!
    expect(name.hasAttribute('maxlength')).toBe(false)
    act(() => name.focus())
    typeInto(name, LONG_NAME)
    expect(name.value).toBe(LONG_NAME)
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(counterOf(name)).toBe('13 characters too many: shorten to 120. Not saved until it is shortened.')
    act(() => name.blur())
    expect(readBoard(board).trends.get(home)?.name).toBe('Care moves home')
    expect(name.value).toBe(LONG_NAME)

    act(() => name.focus())
    typeInto(name, 'Care comes home')
    act(() => name.blur())
    expect(readBoard(board).trends.get(home)?.name).toBe('Care comes home')
  })

  it('does not accept a suggested group whose name is past a trend name’s limit', () => {
    const accepted: string[] = []
    const signals = new Map([
      ['s1', { id: 's1', title: 'Care robots' } as Signal],
      ['s2', { id: 's2', title: 'Video calls' } as Signal],
    ])
    function Card() {
      const [suggestion, setSuggestion] = useState<Suggestion>({ key: 'k', name: 'Care at home', keywords: ['care'], links: [], signalIds: ['s1', 's2'] })
      return (
        <SuggestionCard
          suggestion={suggestion}
          signals={signals}
          onRename={(name) => setSuggestion({ ...suggestion, name })}
          onLeaveOut={() => {}}
          onAccept={() => accepted.push(suggestion.name)}
          onDismiss={() => {}}
        />
      )
    }
    const container = render(<Card />)
    const name = container.querySelector<HTMLTextAreaElement>('.suggestion__name-input')!
    // Each suggestion is a group named by its name, not sixteen groups called "Trend name".
    expect(container.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Suggested trend: Care at home')
    expect(name.hasAttribute('maxlength')).toBe(false)
    typeInto(name, LONG_NAME)
    expect(counterOf(name)).toBe('13 characters too many: shorten to 120.')
    const accept = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Accept as trend')!
    act(() => accept.click())
    expect(accepted).toEqual([])
    expect(document.activeElement).toBe(name)
    typeInto(name, 'Care comes home')
    act(() => accept.click())
    expect(accepted).toEqual(['Care comes home'])
  })
})
