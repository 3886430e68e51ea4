// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addWheelNode,
  createStory,
  createTrend,
  deleteStory,
  deleteTrend,
  getStoryBody,
  readBoard,
  setFocus,
  setGroups,
  storyBodyText,
  updatePersona,
  updateStory,
} from '../../../shared/doc/index.ts'
import { connectDocs } from '../../../shared/doc/testing/network.ts'
import { newBoard } from '../../../shared/doc/testing/fixtures.ts'
import { cleanup, typeInto } from '../../testing/render.ts'
import { LOCAL_ORIGIN } from '../../../shared/doc/index.ts'
import { useRescueOffers } from './rescueOffers.ts'
import { watchWrittenStories } from './watchWrittenStories.ts'
import { ACTOR, buttonNamed, chip, click, mountStories, newControl, nextFrame, paragraph, type Harness } from './testing/storiesHarness.tsx'

let harness: Harness | null = null
afterEach(() => {
  cleanup()
  harness?.teardown()
  harness = null
  localStorage.clear()
  sessionStorage.clear()
})

/** A board with a trend and two groups' stories: Blue's cites the trend, Green's cites nothing. */
function roomWithStories() {
  const board = newBoard(1)
  const control = newControl()
  const [blue, green] = setGroups(control, [{ name: 'Group Blue' }, { name: 'Group Green' }])
  const trendId = createTrend(board, { name: 'Care moves home' }, ACTOR)
  const blueStory = createStory(board, { title: 'A Tuesday at home', groupId: blue!.id, persona: { name: 'Aino', age: 78 } }, ACTOR)
  const greenStory = createStory(board, { title: 'Saturday at the meal ring', groupId: green!.id, persona: { name: 'Veikko' } }, ACTOR)
  getStoryBody(board, blueStory.storyId)!.insert(0, [paragraph('Aino wakes. ', { kind: 'trend', refId: trendId, label: 'Care moves home' })])
  getStoryBody(board, greenStory.storyId)!.insert(0, [paragraph('Veikko starts the soup.')])
  return { board, control, trendId, blue: blue!, green: green!, blueStory, greenStory }
}

const cardTitles = (container: HTMLElement) => [...container.querySelectorAll('.story-card__title')].map((el) => el.textContent)

describe('the story list', () => {
  it('shows each story with its persona, group, length, sources and trend check', async () => {
    const room = roomWithStories()
    harness = mountStories({ board: room.board, control: room.control })
    await nextFrame()
    const cards = [...harness.container.querySelectorAll('.story-card')]
    expect(cards.map((card) => card.textContent)).toEqual([expect.stringContaining('Group Blue'), expect.stringContaining('Group Green')])
    expect(cards[0]!.textContent).toContain('Aino, 78')
    // What a screen reader hears: the separating dot is hidden from it, a comma is not.
    const stats = cards[0]!.querySelector('.story-card__stats')!.cloneNode(true) as HTMLElement
    stats.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
    expect(stats.textContent).toBe('2 words, 1 source')
    expect(cards[0]!.textContent).toContain('Links back to 1 trend')
    expect(cards[1]!.textContent).toContain('No trend cited yet')
  })

  it('shows the facilitator which stories do not link back to a trend, and clears it when one does', async () => {
    const room = roomWithStories()
    harness = mountStories({ role: 'facilitator', board: room.board, control: room.control })
    await nextFrame()
    const check = harness.container.querySelector('.trend-check')!
    expect(check.textContent).toContain('1 of 2 stories link back to a trend')
    expect(check.textContent).toContain('Saturday at the meal ring (Group Green)')

    // The green group cites the trend (as the editor would write the chip).
    const body = getStoryBody(room.board, room.greenStory.storyId)!
    act(() => (body.get(0) as Y.XmlElement).insert(1, [chip({ kind: 'trend', refId: room.trendId, label: 'Care moves home' })]))
    await nextFrame()
    expect(harness.container.querySelector('.trend-check')!.textContent).toContain('All 2 stories link back to a trend.')

    // Deleting the trend flags both again; the chips stay.
    act(() => deleteTrend(room.board, room.trendId))
    await nextFrame()
    expect(harness.container.querySelector('.trend-check')!.textContent).toContain('0 of 2 stories')
  })

  it('lists the participant’s own group first', async () => {
    const room = roomWithStories()
    localStorage.setItem('s2s:stories:group:AbCdEfGhIjKlMnOpQrStUv', room.green.id)
    harness = mountStories({ board: room.board, control: room.control })
    await nextFrame()
    expect(cardTitles(harness.container)).toEqual(['Saturday at the meal ring', 'A Tuesday at home'])
    expect(harness.container.querySelector('.story-card--mine')!.textContent).toContain('Your group')
  })

  it('offers each group without a story a start button that creates its story and opens it', async () => {
    const board = newBoard(1)
    const control = newControl()
    const [blue] = setGroups(control, [{ name: 'Group Blue' }, { name: 'Group Green' }])
    harness = mountStories({ board, control })
    click(buttonNamed(harness.container, 'Start Group Blue’s story'))
    const stories = [...readBoard(board).stories.values()]
    expect(stories).toHaveLength(1)
    expect(stories[0]!.groupId).toBe(blue!.id)
    // The workspace (loaded on demand) opens with the persona to fill in.
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    expect(harness.container.textContent).toContain('Who is the story about?')
  })

  it('puts the keyboard on the title of a story just started, and on "All stories" when a story is opened to read', async () => {
    const board = newBoard(1)
    harness = mountStories({ board, control: newControl() })
    click(buttonNamed(harness.container, 'Start a story'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    expect(document.activeElement).toBe(harness.container.querySelector('.story-head__title'))
    // Its Delete says which story, as every other Delete does, for one who hears it out of its place.
    expect(harness.container.querySelector('.story-head__delete')?.textContent).toMatch(/^Delete: \S/)

    click(buttonNamed(harness.container, /All stories$/))
    await expectEventually(() => harness!.container.querySelector('.story-card__open') !== null)
    click(harness.container.querySelector<HTMLElement>('.story-card__open')!)
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    expect(document.activeElement).toBe(buttonNamed(harness.container, /All stories$/))
  })

  it('sends a person who started their group’s story to the one a groupmate started a moment before, and removes their empty one', async () => {
    const board = newBoard(1)
    const control = newControl()
    const [blue] = setGroups(control, [{ name: 'Group Blue' }, { name: 'Group Green' }])
    // Ben's device started Blue's story a moment earlier; it reaches this one just after the tap.
    const bens = new Y.Doc()
    Y.applyUpdate(bens, Y.encodeStateAsUpdate(board))
    const ben = { participantId: 'BenBenBenBenBenBenBen1' }
    const { storyId: bensStory } = createStory(bens, { title: '', groupId: blue!.id, persona: {} }, ben)
    await new Promise((resolve) => setTimeout(resolve, 5)) // a later millisecond for this device's start
    harness = mountStories({ board, control })
    click(buttonNamed(harness.container, 'Start Group Blue’s story'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    expect(readBoard(board).stories.size).toBe(1)
    act(() => Y.applyUpdate(board, Y.encodeStateAsUpdate(bens)))
    await expectEventually(() => readBoard(board).stories.size === 1 && readBoard(board).stories.has(bensStory))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    expect(harness.announcements).toEqual(['Someone had just started this story: you are writing it together.'])
  })

  it('keeps the story a person started once they have typed in it, even before the typing is saved', async () => {
    const board = newBoard(1)
    const control = newControl()
    const [blue] = setGroups(control, [{ name: 'Group Blue' }])
    const bens = new Y.Doc()
    Y.applyUpdate(bens, Y.encodeStateAsUpdate(board))
    createStory(bens, { title: '', groupId: blue!.id, persona: {} }, { participantId: 'BenBenBenBenBenBenBen1' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    harness = mountStories({ board, control })
    click(buttonNamed(harness.container, 'Start Group Blue’s story'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    const [mine] = readBoard(board).stories.keys()
    // The title saves after a pause in typing: Ben's earlier start arrives within it.
    typeInto(harness.container.querySelector<HTMLTextAreaElement>('.story-head__title')!, 'Our Saturday')
    act(() => Y.applyUpdate(board, Y.encodeStateAsUpdate(bens)))
    await nextFrame()
    expect(readBoard(board).stories.has(mine!)).toBe(true)
    expect(harness.announcements).toEqual([])
  })

  it('keeps a story’s title one line: a line break typed or pasted in is a space, and Enter finishes the title', async () => {
    const room = roomWithStories()
    harness = mountStories({ board: room.board, control: room.control })
    click(buttonNamed(harness.container, 'Saturday at the meal ring'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    const title = harness.container.querySelector<HTMLTextAreaElement>('.story-head__title')!
    title.focus()
    typeInto(title, 'Saturday at the\nmeal ring')
    expect(title.value).toBe('Saturday at the meal ring')
    typeInto(title, 'Sunday at the meal ring')
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
    act(() => void title.dispatchEvent(enter))
    expect(enter.defaultPrevented).toBe(true)
    expect(document.activeElement).not.toBe(title)
    // Leaving the field saved it at once, without waiting for a pause in typing.
    expect(readBoard(room.board).stories.get(room.greenStory.storyId)?.title).toBe('Sunday at the meal ring')
  })

  it('opens again on the story a writer had open when the page reloads', async () => {
    const room = roomWithStories()
    harness = mountStories({ board: room.board, control: room.control })
    await nextFrame()
    click(harness.container.querySelector<HTMLElement>(`#story-open-${room.greenStory.storyId}`)!)
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    // The page reloads, and its board arrives a moment after the stage shows.
    cleanup()
    harness.teardown()
    const reloaded = newBoard(3)
    harness = mountStories({ board: reloaded, control: room.control })
    await nextFrame()
    act(() => Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(room.board)))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    expect(harness.container.querySelector<HTMLTextAreaElement>('.story-head__title')?.value).toBe('Saturday at the meal ring')
    expect(harness.announcements).toEqual([])
    // Back on the list, a reload opens the list.
    click(buttonNamed(harness.container, /All stories$/))
    await expectEventually(() => harness!.container.querySelector('.story-card__open') !== null)
    cleanup()
    harness.teardown()
    harness = mountStories({ board: room.board, control: room.control })
    await nextFrame()
    expect(harness.container.querySelector('.persona')).toBeNull()
  })

  it('gives a person who starts again the empty story they started, not another one, until something is written in it', async () => {
    const board = newBoard(1)
    harness = mountStories({ board, control: newControl() })
    const startAgain = async () => {
      click(buttonNamed(harness!.container, /All stories$/))
      await expectEventually(() => harness!.container.querySelector('.stories') !== null)
      click(buttonNamed(harness!.container, 'New story'))
      await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    }
    click(buttonNamed(harness.container, 'Start a story'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    await startAgain()
    expect(readBoard(board).stories.size).toBe(1)
    // Once anything is written in it, starting again starts another.
    const [story] = readBoard(board).stories.values()
    act(() => updatePersona(board, story!.personaId, { name: 'Aino' }))
    await startAgain()
    expect(readBoard(board).stories.size).toBe(2)
  })

  it('offers a trend’s first-order consequences to draw on, and says how many more its wheel has', async () => {
    const board = newBoard(1)
    const trendId = createTrend(board, { name: 'Care moves home' }, ACTOR)
    const firsts = ['Fewer care homes', 'Homes adapted', 'Families share care', 'Care jobs move home', 'Nurses travel more'].map((text) =>
      addWheelNode(board, { trendId, parentId: null, text, valence: 'positive' }, ACTOR)!,
    )
    for (const parent of firsts) addWheelNode(board, { trendId, parentId: parent, text: `After ${parent}`, valence: 'mixed' }, ACTOR)
    harness = mountStories({ board, control: newControl() })
    click(buttonNamed(harness.container, 'Start a story'))
    await expectEventually(() => harness!.container.querySelector('.inspiration') !== null)
    const panel = harness.container.querySelector('.inspiration')!
    const offered = [...panel.querySelectorAll('.inspiration__consequences li')].map((item) => item.textContent)
    // The five first-order ones; of the five second-order ones none (all six would not fit), not one picked at random.
    expect(offered).toHaveLength(5)
    expect(offered.every((text) => text?.includes('1st-order'))).toBe(true)
    expect(panel.querySelector('.inspiration__more')?.textContent).toBe('and 5 more on the wheel, all under Cite… above the text')
  })

  it('never uses a trend name as a group name: an unnamed group is “Group 2”, writing about a future shaped by its trend', () => {
    const board = newBoard(1)
    const control = newControl()
    const care = createTrend(board, { name: 'Care moves home' }, ACTOR)
    const communities = createTrend(board, { name: 'Communities of care' }, ACTOR)
    // The wheel's group setup names a group after its trend when the facilitator gives no name.
    setGroups(control, [
      { name: 'Care moves home', trendId: care },
      { name: 'Communities of care', trendId: communities },
    ])
    harness = mountStories({ board, control })
    const text = harness.container.textContent ?? ''
    expect(text).toContain('Group 2')
    expect(text).toContain('A future shaped by “Communities of care”')
    expect(text).not.toContain('Start Communities of care’s story')
    expect(buttonNamed(harness.container, /^Start (Group 2’s|your group’s) story$/)).toBeDefined()
  })

  it('writes persona fields as people type (after a short pause)', async () => {
    const room = roomWithStories()
    harness = mountStories({ board: room.board, control: room.control })
    click(buttonNamed(harness.container, 'Saturday at the meal ring'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    const needs = [...harness.container.querySelectorAll('label')].find((l) => l.textContent === 'Needs')!
    const field = document.getElementById(needs.htmlFor) as HTMLTextAreaElement
    typeInto(field, 'Purpose after retirement')
    await expectEventually(() => readBoard(room.board).personas.get(room.greenStory.personaId)?.needs === 'Purpose after retirement')
  })

  it('keeps both people’s words when two write in one of the persona’s longer fields at once, also when their saves cross', async () => {
    const room = roomWithStories()
    // Ben's device has the higher client id: where two saves cross, Yjs keeps his.
    const bens = newBoard(2)
    const link = connectDocs(room.board, bens)
    harness = mountStories({ board: room.board, control: room.control })
    click(buttonNamed(harness.container, 'Saturday at the meal ring'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    const needs = [...harness.container.querySelectorAll('label')].find((l) => l.textContent === 'Needs')!
    const field = document.getElementById(needs.htmlFor) as HTMLTextAreaElement
    const stored = (doc: Y.Doc) => readBoard(doc).personas.get(room.greenStory.personaId)?.needs ?? ''
    act(() => field.focus())

    // Ben writes while this person types: the pause saves both. Before, leaving the field replaced Ben's words.
    typeInto(field, 'Purpose after retirement.')
    act(() => void updatePersona(bens, room.greenStory.personaId, { needs: 'Company at meals.' }))
    await expectEventually(() => stored(bens).includes('Purpose after retirement.') && stored(bens).includes('Company at meals.'))
    expect(harness.container.textContent).toContain('Someone else wrote here at the same time: both texts are kept.')

    // Their next saves cross on the network, and Yjs keeps Ben's: this person's words come back into it.
    link.hold()
    const before = stored(room.board)
    typeInto(field, `${before} A garden.`)
    await expectEventually(() => stored(room.board).endsWith('A garden.'))
    updatePersona(bens, room.greenStory.personaId, { needs: `${before} Help with forms.` })
    act(() => link.release())
    await expectEventually(() => stored(bens).includes('A garden.') && stored(bens).includes('Help with forms.'))
    expect(stored(room.board)).toBe(stored(bens))
    expect(stored(bens)).toContain('Purpose after retirement.')
    expect(stored(bens)).toContain('Company at meals.')
  })

  it('says when someone else changed the title or the persona’s name being typed over, and “Use …” takes theirs', async () => {
    const room = roomWithStories()
    const bens = newBoard(2)
    connectDocs(room.board, bens)
    harness = mountStories({ board: room.board, control: room.control })
    click(buttonNamed(harness.container, 'Saturday at the meal ring'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    const title = harness.container.querySelector<HTMLTextAreaElement>('.story-head__title')!
    act(() => title.focus())
    typeInto(title, 'Soup for the village')
    act(() => void updateStory(bens, room.greenStory.storyId, { title: 'The meal ring grows' }))
    const said = 'Someone else changed the title meanwhile: “The meal ring grows”.'
    expect(harness.container.textContent).toContain(said)
    expect(harness.announcements).toContain(said)
    expect(
      title
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toContain(said)
    expect(title.value).toBe('Soup for the village')
    click(buttonNamed(harness.container, 'Use “The meal ring grows”'))
    expect(title.value).toBe('The meal ring grows')
    expect(harness.container.textContent).not.toContain(said)

    // The keyboard on "Use …" when the other title becomes this person's own: the button goes, and
    // the draft is finished as a blur would have, the keyboard back in the field.
    typeInto(title, 'Soup for the village')
    act(() => void updateStory(bens, room.greenStory.storyId, { title: 'Soup in the square' }))
    act(() => buttonNamed(harness!.container, 'Use “Soup in the square”').focus())
    act(() => void updateStory(bens, room.greenStory.storyId, { title: 'Soup for the village' }))
    expect(harness.container.querySelector('.field-elsewhere')).toBeNull()
    expect(document.activeElement).toBe(title)
    expect(readBoard(room.board).stories.get(room.greenStory.storyId)?.title).toBe('Soup for the village')

    const nameLabel = [...harness.container.querySelectorAll('label')].find((l) => l.textContent === 'Name')!
    const name = document.getElementById(nameLabel.htmlFor) as HTMLInputElement
    act(() => name.focus())
    typeInto(name, 'Veikko Virtanen')
    act(() => void updatePersona(bens, room.greenStory.personaId, { name: 'Veikko Laine' }))
    expect(harness.container.textContent).toContain('Someone else changed this meanwhile: “Veikko Laine”.')
    // Leaving keeps their own, having seen the other.
    act(() => name.blur())
    await expectEventually(() => readBoard(bens).personas.get(room.greenStory.personaId)?.name === 'Veikko Virtanen')
  })

  it('goes back to the list, and says so, when the open story is deleted by someone else', async () => {
    const room = roomWithStories()
    harness = mountStories({ board: room.board, control: room.control })
    click(buttonNamed(harness.container, 'Saturday at the meal ring'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    const { deleteStory } = await import('../../../shared/doc/index.ts')
    const { act } = await import('react')
    act(() => {
      deleteStory(room.board, room.greenStory.storyId)
    })
    await expectEventually(() => harness!.container.querySelector('.stories') !== null)
    expect(harness.announcements).toContain('The story you had open was deleted.')
  })
})

describe('a story deleted by someone else while open', () => {
  it('keeps what this device wrote that had not reached the others, and brings it back as a new story for everyone', async () => {
    const room = roomWithStories()
    const elsewhere = new Y.Doc()
    const network = connectDocs(room.board, elsewhere)
    harness = mountStories({ board: room.board, control: room.control })
    click(buttonNamed(harness.container, 'Saturday at the meal ring'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)

    // Offline, this person writes on (as the editor would, into the body); elsewhere the story is deleted.
    network.hold()
    act(() => void getStoryBody(room.board, room.greenStory.storyId)!.push([paragraph('Written offline.')]))
    deleteStory(elsewhere, room.greenStory.storyId)
    act(() => network.release())

    await expectEventually(() => harness!.container.querySelector('.stories__rescue') !== null)
    expect(harness.container.querySelector('.stories__rescue h3')?.textContent).toBe('“Saturday at the meal ring” was deleted')
    expect(document.activeElement?.textContent).toBe('Bring it back')
    click(buttonNamed(harness.container, 'Bring it back'))

    for (const doc of [room.board, elsewhere]) {
      const back = [...readBoard(doc).stories.values()].find((story) => story.title === 'Saturday at the meal ring')!
      expect(storyBodyText(getStoryBody(doc, back.id)!)).toBe('Veikko starts the soup.\n\nWritten offline.')
      expect(readBoard(doc).personas.get(back.personaId)?.name).toBe('Veikko')
      expect(back.groupId).toBe(room.green.id)
    }
    expect(harness.announcements).toContain('The story is back, as a new story.')
    await expectEventually(() => harness!.container.querySelector('.stories__rescue') === null && harness!.container.querySelector('.persona') !== null)
  })

  it('lets a story with nothing written in it go without asking', async () => {
    const room = roomWithStories()
    const elsewhere = new Y.Doc()
    connectDocs(room.board, elsewhere)
    const { storyId } = createStory(room.board, { title: '', groupId: room.blue.id }, ACTOR)
    harness = mountStories({ board: room.board, control: room.control })
    act(() => harness!.container.querySelector<HTMLButtonElement>(`[id$="${storyId}"]`)?.click())
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    deleteStory(elsewhere, storyId)
    await expectEventually(() => harness!.announcements.includes('The story you had open was deleted.'))
    expect(harness.container.querySelector('.stories__rescue')).toBeNull()
  })
})

describe('a story written in here, closed, and deleted by someone else before the words arrived', () => {
  /** The workshop page's watcher (useWrittenStoryRescue), with nothing confirmed by a server. */
  function watchWrittenHere(board: Y.Doc) {
    return watchWrittenStories(board, {
      isLocal: (origin) => origin === LOCAL_ORIGIN,
      confirmedClock: () => 0,
      view: (storyId) => {
        const read = readBoard(board)
        const story = read.stories.get(storyId)
        return story ? { story, persona: read.personas.get(story.personaId) ?? null } : null
      },
      onDeleted: (deleted) => useRescueOffers.getState().offer(deleted),
    })
  }

  it('is offered in another open story without taking the keyboard, and brought back from there', async () => {
    const room = roomWithStories()
    const elsewhere = new Y.Doc()
    const network = connectDocs(room.board, elsewhere)
    const watch = watchWrittenHere(room.board)
    harness = mountStories({ board: room.board, control: room.control })

    network.hold()
    act(() => room.board.transact(() => void getStoryBody(room.board, room.greenStory.storyId)!.push([paragraph('Written offline.')]), LOCAL_ORIGIN))
    click(buttonNamed(harness.container, 'A Tuesday at home'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    const focused = document.activeElement
    deleteStory(elsewhere, room.greenStory.storyId)
    act(() => network.release())

    await expectEventually(() => harness!.container.querySelector('.stories__rescue') !== null)
    const offer = harness.container.querySelector('.stories__rescue')!
    expect(offer.getAttribute('aria-label')).toBe('“Saturday at the meal ring” was deleted')
    expect(offer.querySelector('p')?.textContent).toBe(
      'Someone deleted this story before what you wrote in it reached the others. This device still has it, with everything you wrote in it.',
    )
    expect(document.activeElement).toBe(focused)
    expect(harness.announcements).toContain('“Saturday at the meal ring” was deleted before your words reached the others: you can bring it back.')
    click(buttonNamed(harness.container, 'Bring it back'))

    const back = [...readBoard(elsewhere).stories.values()].find((story) => story.title === 'Saturday at the meal ring')!
    expect(storyBodyText(getStoryBody(elsewhere, back.id)!)).toBe('Veikko starts the soup.\n\nWritten offline.')
    expect(readBoard(elsewhere).personas.get(back.personaId)?.name).toBe('Veikko')
    await expectEventually(() => harness!.container.querySelector('.stories__rescue') === null)
    watch.stop()
  })

  it('is offered on the list, and still in the story opened next, once; "Let it go" lets it go', async () => {
    const room = roomWithStories()
    const elsewhere = new Y.Doc()
    const network = connectDocs(room.board, elsewhere)
    const watch = watchWrittenHere(room.board)
    harness = mountStories({ board: room.board, control: room.control })

    network.hold()
    act(() => room.board.transact(() => void getStoryBody(room.board, room.greenStory.storyId)!.push([paragraph('Written offline.')]), LOCAL_ORIGIN))
    deleteStory(elsewhere, room.greenStory.storyId)
    act(() => network.release())

    await expectEventually(() => harness!.container.querySelector('.stories__rescue') !== null)
    expect(harness.container.querySelector('.stories')).not.toBeNull()
    // Still offered in the story the person opens next: it takes neither the keyboard nor their ears again.
    const announced = () => harness!.announcements.filter((said) => said.includes('was deleted before your words')).length
    expect(announced()).toBe(1)
    click(buttonNamed(harness.container, 'A Tuesday at home'))
    await expectEventually(() => harness!.container.querySelector('.persona') !== null)
    expect(harness.container.querySelector('.stories__rescue')).not.toBeNull()
    expect(document.activeElement?.textContent).not.toBe('Bring it back')
    expect(announced()).toBe(1)
    click(buttonNamed(harness.container, 'Let it go'))
    await expectEventually(() => harness!.container.querySelector('.stories__rescue') === null)
    expect([...readBoard(elsewhere).stories.values()].map((story) => story.title)).not.toContain('Saturday at the meal ring')
    watch.stop()
  })
})

describe('the projector', () => {
  it('shows the story on screen read-only, with a removed trend still named in its chip', async () => {
    const room = roomWithStories()
    setFocus(room.control, { kind: 'story', id: room.blueStory.storyId })
    updatePersona(room.board, room.blueStory.personaId, { needs: 'Company' })
    harness = mountStories({ role: 'screen', board: room.board, control: room.control })
    await nextFrame()
    const story = harness.container.querySelector('.screen-story')!
    expect(story.querySelector('h2')!.textContent).toBe('A Tuesday at home')
    expect(story.querySelector('.story-read')!.textContent).toBe('Aino wakes. Trend: Care moves home')
    expect(story.querySelector('[contenteditable]')).toBeNull()
    expect(story.textContent).toContain('Company')

    act(() => deleteTrend(room.board, room.trendId))
    await nextFrame()
    const chip = story.querySelector('.citation')!
    expect(chip.classList.contains('citation--removed')).toBe(true)
    expect(chip.textContent).toBe('removed trend: Care moves home')
  })

  it('teaches while the room waits for the first story: the three steps, in the horizon year', async () => {
    harness = mountStories({ role: 'screen' })
    await nextFrame()
    const steps = harness.container.querySelector('ol[aria-label="How a group writes its story"]')!
    expect([...steps.querySelectorAll('li')].map((step) => step.textContent)).toEqual([
      'Look at the trends your group works with: the key drivers, and the consequences on your futures wheel.',
      'Make a persona together: a name, an age, a household, what they need.',
      'Write one day of their life in 2040, drawing on the trends and their consequences.',
    ])
  })

  it('shows every story as a card when none is on screen', async () => {
    const room = roomWithStories()
    harness = mountStories({ role: 'screen', board: room.board, control: room.control })
    await nextFrame()
    expect(cardTitles(harness.container)).toEqual(['A Tuesday at home', 'Saturday at the meal ring'])
    // The trend check is the facilitator's conversation with a group, not the room's.
    expect(harness.container.textContent).not.toContain('No trend cited')
  })

  it('names a group the facilitator left unnamed “Group 2” on the cards, never by its trend', async () => {
    const board = newBoard(1)
    const control = newControl()
    const care = createTrend(board, { name: 'Care moves home' }, ACTOR)
    const [blue, unnamed] = setGroups(control, [{ name: 'Group Blue' }, { name: 'Care moves home', trendId: care }])
    createStory(board, { title: 'A Tuesday at home', groupId: blue!.id }, ACTOR)
    createStory(board, { title: 'Saturday at the meal ring', groupId: unnamed!.id }, ACTOR)
    harness = mountStories({ role: 'screen', board, control })
    await nextFrame()
    const groups = [...harness.container.querySelectorAll('.story-card__eyebrow')].map((el) => el.textContent)
    expect(groups).toEqual(['Group Blue', 'Group 2'])
  })
})

async function expectEventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await nextFrame()
  }
}
