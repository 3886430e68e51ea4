// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { createStory, readBoard } from '../../../shared/doc/index.ts'
import { newBoard } from '../../../shared/doc/testing/fixtures.ts'
import { cleanup, typeInto } from '../../testing/render.ts'
import { ACTOR, buttonNamed, click, mountStories, newControl, nextFrame, type Harness } from './testing/storiesHarness.tsx'

let harness: Harness | null = null
afterEach(() => {
  cleanup()
  harness?.teardown()
  harness = null
  localStorage.clear()
  sessionStorage.clear()
})

async function openStory() {
  const board = newBoard(1)
  const story = createStory(board, { title: 'Saturday at the meal ring', groupId: null, persona: { name: 'Veikko', needs: 'Company' } }, ACTOR)
  harness = mountStories({ board, control: newControl() })
  click(buttonNamed(harness.container, 'Saturday at the meal ring'))
  const deadline = Date.now() + 3000
  while (harness.container.querySelector('.persona') === null) {
    if (Date.now() > deadline) throw new Error('the story never opened')
    await nextFrame()
  }
  return { board, story, container: harness.container }
}

const counterOf = (field: HTMLElement) => {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)).find((line) => line?.classList.contains('field__count'))?.textContent ?? null
}
const blur = (field: HTMLElement) => act(() => field.blur())

describe('a story text past its limit, shared as it is typed', () => {
  it('keeps a pasted title in the field, counted, while the story keeps the last title that fitted', async () => {
    const { board, story, container } = await openStory()
    const title = container.querySelector<HTMLTextAreaElement>('.story-head__title')!
    expect(title.hasAttribute('maxlength')).toBe(false)
    act(() => title.focus())
    const pasted = 'Veikko and the soup that fed the whole street '.repeat(4).trim()
    typeInto(title, pasted)
    expect(title.value).toBe(pasted)
    expect(title.getAttribute('aria-invalid')).toBe('true')
    expect(counterOf(title)).toBe('63 characters too many: shorten to 120. Not saved until it is shortened.')
    expect(harness!.announcements).toContain('“Story title” has 63 characters too many. Nothing was cut: shorten it to 120 characters.')
    // Leaving the field saves at once: refused, the story keeps its title and the text stays to shorten.
    blur(title)
    expect(readBoard(board).stories.get(story.storyId)?.title).toBe('Saturday at the meal ring')
    expect(title.value).toBe(pasted)

    act(() => title.focus())
    typeInto(title, 'Veikko and the soup')
    blur(title)
    expect(readBoard(board).stories.get(story.storyId)?.title).toBe('Veikko and the soup')
    expect(counterOf(title)).toBeNull()
  })

  it('does the same for a persona field', async () => {
    const { board, story, container } = await openStory()
    const label = [...container.querySelectorAll('label')].find((l) => l.textContent === 'Needs')!
    const needs = document.getElementById(label.htmlFor) as HTMLTextAreaElement
    expect(needs.hasAttribute('maxlength')).toBe(false)
    act(() => needs.focus())
    typeInto(needs, 'x'.repeat(1250))
    expect(counterOf(needs)).toBe('250 characters too many: shorten to 1,000. Not saved until it is shortened.')
    blur(needs)
    expect(readBoard(board).personas.get(story.personaId)?.needs).toBe('Company')
    expect(needs.value).toHaveLength(1250)

    act(() => needs.focus())
    typeInto(needs, 'x'.repeat(900))
    expect(counterOf(needs)).toBe('100 characters left')
    blur(needs)
    expect(readBoard(board).personas.get(story.personaId)?.needs).toBe('x'.repeat(900))
  })
})
