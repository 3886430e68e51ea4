// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { createStory, readBoard, updatePersona } from '../../../shared/doc/index.ts'
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
  await openIn(harness.container)
  return { board, story, container: harness.container }
}

/** Opens the story from the list, as a person does (a reload may find it open already). */
async function openIn(container: HTMLElement) {
  const deadline = Date.now() + 3000
  const until = async (done: () => boolean, what: string) => {
    while (!done()) {
      if (Date.now() > deadline) throw new Error(what)
      await nextFrame()
    }
  }
  const inList = () => [...container.querySelectorAll('button')].some((b) => b.textContent?.includes('Saturday at the meal ring'))
  await until(() => inList() || container.querySelector('.persona') !== null, 'the list never showed the story')
  if (container.querySelector('.persona') === null) click(buttonNamed(container, 'Saturday at the meal ring'))
  await until(() => container.querySelector('.persona') !== null, 'the story never opened')
}

const titleIn = (container: HTMLElement) => container.querySelector<HTMLTextAreaElement>('.story-head__title')!
const needsIn = (container: HTMLElement) => {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === 'Needs')!
  return document.getElementById(label.htmlFor) as HTMLTextAreaElement
}
/** What this device keeps of texts left past their limit (`overLimitText.ts`), by field. */
const keptTexts = () => {
  const key = Object.keys(localStorage).find((k) => k.startsWith('s2s:unsent-over-limit:'))
  return key ? Object.keys(JSON.parse(localStorage.getItem(key)!) as object) : []
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

  it('keeps a text left past its limit on the device: it is back, still counted over, after leaving the story and after a reload', async () => {
    const { board, story, container } = await openStory()
    const pasted = 'Veikko and the soup that fed the whole street '.repeat(4).trim()
    act(() => titleIn(container).focus())
    typeInto(titleIn(container), pasted)
    act(() => needsIn(container).focus())
    typeInto(needsIn(container), 'x'.repeat(1250))
    const overAnnounced = harness!.announcements.length

    // Back to the list and into the story again: the fields open with what was typed, not the last saved text.
    click(buttonNamed(container, /All stories/))
    expect(container.querySelector('.story-head__title')).toBeNull()
    expect(readBoard(board).stories.get(story.storyId)?.title).toBe('Saturday at the meal ring')
    await openIn(container)
    expect(titleIn(container).value).toBe(pasted)
    expect(titleIn(container).getAttribute('aria-invalid')).toBe('true')
    expect(counterOf(titleIn(container))).toBe('63 characters too many: shorten to 120. Not saved until it is shortened.')
    expect(needsIn(container).value).toBe('x'.repeat(1250))
    expect(counterOf(needsIn(container))).toBe('250 characters too many: shorten to 1,000. Not saved until it is shortened.')
    // Opening with it is not news: the counter says it, the live region says nothing again.
    expect(harness!.announcements).toHaveLength(overAnnounced)

    // A reload: a new page, the same device.
    cleanup()
    harness!.teardown()
    harness = mountStories({ board, control: newControl() })
    const reloaded = harness.container
    await openIn(reloaded)
    expect(titleIn(reloaded).value).toBe(pasted)
    expect(titleIn(reloaded).getAttribute('aria-invalid')).toBe('true')
    expect(needsIn(reloaded).value).toBe('x'.repeat(1250))

    // Shortened, it saves as usual, and the kept copy goes; the other field's stays until it is shortened too.
    act(() => titleIn(reloaded).focus())
    typeInto(titleIn(reloaded), 'Veikko and the soup')
    blur(titleIn(reloaded))
    expect(readBoard(board).stories.get(story.storyId)?.title).toBe('Veikko and the soup')
    expect(keptTexts()).toEqual([`persona:${story.personaId}:needs`])
    act(() => needsIn(reloaded).focus())
    typeInto(needsIn(reloaded), 'x'.repeat(900))
    blur(needsIn(reloaded))
    expect(readBoard(board).personas.get(story.personaId)?.needs).toBe('x'.repeat(900))
    expect(keptTexts()).toEqual([])
  })

  it('lets a text someone else saved meanwhile win over the kept one', async () => {
    const { board, story, container } = await openStory()
    act(() => needsIn(container).focus())
    typeInto(needsIn(container), 'x'.repeat(1250))
    click(buttonNamed(container, /All stories/))
    act(() => void updatePersona(board, story.personaId, { needs: 'Company, and a lift to the shop' }))

    await openIn(container)
    expect(needsIn(container).value).toBe('Company, and a lift to the shop')
    expect(needsIn(container).getAttribute('aria-invalid')).toBeNull()
    expect(keptTexts()).toEqual([])
  })
})
