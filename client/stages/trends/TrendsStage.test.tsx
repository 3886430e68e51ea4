// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import {
  addSignal,
  createTrend,
  deleteSignal,
  deleteTrend,
  groupSignals,
  moveSignalToTrend,
  readBoard,
  readControl,
  renameTrend,
  updateTrend,
} from '../../../shared/doc/index.ts'
import { anna, ben, newBoard } from '../../../shared/doc/testing/fixtures.ts'
import { connectDocs } from '../../../shared/doc/testing/network.ts'
import { cleanup, typeInto } from '../../testing/render.ts'
import { buttonNamed, cardButton, change, mountTrends, nextFrames, press, titlesIn, type Harness } from './testing/trendsHarness.tsx'
import { EDITING_IDLE_MS } from './TrendText.tsx'
import { SHARE_AFTER_MS } from '../../ui/useSharedDraft.ts'

let harness: Harness | null = null
afterEach(() => {
  cleanup()
  harness?.teardown()
  harness = null
})

function boardWith() {
  const board = newBoard(1)
  const robots = addSignal(board, { title: 'Care robots in elderly homes', category: 'technological' }, anna)
  const calls = addSignal(board, { title: 'Grandparents on video calls', category: 'social' }, anna)
  const cars = addSignal(board, { title: 'Shared cars in villages', category: 'economic' }, ben)
  const home = createTrend(board, { name: 'Care moves home' }, anna)
  const digital = createTrend(board, { name: 'Digital everyday life' }, anna)
  moveSignalToTrend(board, robots, null, home, anna)
  return { board, robots, calls, cars, home, digital }
}

const SOFT = '\u00AD'
const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]')
const pile = () => harness!.container.querySelector<HTMLElement>('.pile')!

describe('trends stage', () => {
  it('derives the unsorted pile from the document, and follows remote changes', () => {
    const { board, robots, calls, home } = boardWith()
    harness = mountTrends({ board })
    const { container } = harness
    expect(titlesIn(container, 'unsorted')).toEqual(['Grandparents on video calls', 'Shared cars in villages'])
    expect(titlesIn(container, { trend: 'Care moves home' })).toEqual(['Care robots in elderly homes'])
    expect(pile().querySelector('.pile__count')?.textContent).toBe('2 cards')

    // Someone else, on another device, sorts a card: it leaves the pile here too.
    const other = newBoard(2)
    connectDocs(board, other)
    change(() => moveSignalToTrend(other, calls, null, home, ben))
    expect(titlesIn(container, 'unsorted')).toEqual(['Shared cars in villages'])
    expect(titlesIn(container, { trend: 'Care moves home' })).toEqual(['Care robots in elderly homes', 'Grandparents on video calls'])

    // The trend is deleted: its cards come back to the pile, none lost.
    change(() => deleteTrend(other, home))
    expect(titlesIn(container, 'unsorted').sort()).toEqual(['Care robots in elderly homes', 'Grandparents on video calls', 'Shared cars in villages'])
    expect(groupSignals(readBoard(board)).unsorted.map((s) => s.id)).toContain(robots)
  })

  it('breaks a long compound on a compact card with a hyphen at a syllable, reading as the same words', async () => {
    // Seen on a facilitator's laptop as "Perhevapaajärjestelmäu|udistuksen", broken with no hyphen.
    const board = newBoard(1)
    const title = 'Perhevapaajärjestelmäuudistuksen vaikutukset'
    addSignal(board, { title }, anna)
    harness = mountTrends({ board })
    const deadline = Date.now() + 15_000
    while (!titlesIn(harness.container, 'unsorted')[0]!.includes(SOFT) && Date.now() < deadline) await nextFrames(1)
    const [shown] = titlesIn(harness.container, 'unsorted')
    expect(shown!.split(' ')[0]!.split(SOFT).length).toBeGreaterThan(3)
    expect(shown!.replaceAll(SOFT, '')).toBe(title)
  })

  it("lets a keyboard skip the unsorted cards: the pile's first stop takes focus to the trends", () => {
    const { board } = boardWith()
    harness = mountTrends({ board })
    const skip = pile().querySelector<HTMLAnchorElement>('a.pile__skip')!
    // Before the cards in the tab order.
    expect(skip.compareDocumentPosition(pile().querySelector('.pile__cards')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(skip.textContent).toBe('Skip the unsorted cards, to the trends')
    act(() => skip.click())
    expect(document.activeElement).toBe(harness.container.querySelector('.trends__main'))
  })

  it('moves a card with the keyboard through its “Move to…” dialog, and keeps focus on it', async () => {
    const { board, cars, digital } = boardWith()
    harness = mountTrends({ board })
    const { container, announcements } = harness
    const more = cardButton(container, 'Shared cars in villages')
    expect(more.getAttribute('aria-label')).toBe('Move or link “Shared cars in villages”')
    more.focus()
    act(() => more.click()) // a native button: Enter and Space click it

    expect(dialog()?.textContent).toContain('Shared cars in villages')
    act(() => buttonNamed(dialog()!, 'Digital everyday life').click())

    expect(readBoard(board).memberships.has(`${digital}|${cars}`)).toBe(true)
    expect(titlesIn(container, 'unsorted')).toEqual(['Grandparents on video calls'])
    expect(titlesIn(container, { trend: 'Digital everyday life' })).toEqual(['Shared cars in villages'])
    expect(announcements).toContain('“Shared cars in villages” moved to “Digital everyday life”.')
    await nextFrames(3)
    expect(document.activeElement).toBe(cardButton(container, 'Shared cars in villages', 'more', container.querySelectorAll('.trend')[1]!))
  })

  it('keeps the keyboard on a card someone else moves, in its new place, and says where it went', async () => {
    const { board, cars, digital } = boardWith()
    harness = mountTrends({ board })
    const { container, announcements } = harness
    const other = newBoard(2)
    connectDocs(board, other)
    const grab = () => [...container.querySelectorAll<HTMLElement>('.tcard__grab')].find((g) => g.textContent?.includes('Shared cars in villages'))!
    const before = grab()
    act(() => before.focus())
    change(() => moveSignalToTrend(other, cars, null, digital, ben))
    await nextFrames(3)
    expect(before.isConnected).toBe(false)
    expect(titlesIn(container, { trend: 'Digital everyday life' })).toEqual(['Shared cars in villages'])
    expect(document.activeElement).toBe(grab())
    expect(announcements).toContain('“Shared cars in villages” moved to “Digital everyday life”.')
  })

  it('does not pull the keyboard back to a card left before someone moved it, and says an own move once', async () => {
    const { board, cars, digital, robots } = boardWith()
    harness = mountTrends({ board })
    const { container, announcements } = harness
    const other = newBoard(2)
    connectDocs(board, other)
    const grab = (title: string) => [...container.querySelectorAll<HTMLElement>('.tcard__grab')].find((g) => g.textContent?.includes(title))!
    // Touched, then left for nowhere (a click on empty space): someone moving it later takes nobody along.
    act(() => grab('Shared cars in villages').focus())
    act(() => grab('Shared cars in villages').blur())
    await nextFrames(1)
    change(() => moveSignalToTrend(other, cars, null, digital, ben))
    await nextFrames(3)
    expect(document.activeElement).toBe(document.body)
    expect(announcements.filter((said) => said.includes('Shared cars in villages'))).toEqual([])
    // Moved by this person through its menu: said once, by the move.
    const more = cardButton(container, 'Grandparents on video calls')
    more.focus()
    act(() => more.click())
    act(() => buttonNamed(dialog()!, 'Digital everyday life').click())
    await nextFrames(3)
    expect(announcements.filter((said) => said.includes('Grandparents on video calls'))).toEqual([
      '“Grandparents on video calls” moved to “Digital everyday life”.',
    ])
    expect(document.activeElement?.closest('[data-card]')?.textContent).toContain('Grandparents on video calls')
    // The last card of a trend taken off the board: the keyboard goes to the trends, not the page.
    act(() => grab('Care robots in elderly homes').focus())
    change(() => deleteSignal(other, robots))
    await nextFrames(12)
    expect(document.activeElement).toBe(container.querySelector('.trends__main'))
  })

  it('drag with the keyboard alone: Space picks a card up, arrows reach another card, Space drops — a new trend with both, its name focused', async () => {
    const { board, calls, cars } = boardWith()
    harness = mountTrends({ board })
    const { container } = harness
    const grab = cardButton(container, 'Grandparents on video calls', 'grab')
    expect(grab.getAttribute('aria-roledescription')).toBe('movable card')
    act(() => grab.focus())
    press(grab, ' ', 'Space')
    await act(() => new Promise((resolve) => setTimeout(resolve, 10))) // dnd-kit listens for keys from the next task
    press(grab, 'ArrowDown', 'ArrowDown') // the next stop after this card: the card below it
    expect(container.querySelector('.tcard--target .tcard__title')?.textContent).toBe('Shared cars in villages')
    press(grab, ' ', 'Space')
    await nextFrames(2)

    const created = groupSignals(readBoard(board)).trends.find((g) => g.trend.name === '')
    expect(created?.signals.map((s) => s.id).sort()).toEqual([calls, cars].sort())
    expect(titlesIn(container, 'unsorted')).toEqual([])
    const nameField = document.activeElement as HTMLTextAreaElement
    expect(nameField.classList.contains('trend__name')).toBe(true)
    expect(nameField.getAttribute('aria-label')).toBe('Trend name')
  })

  it('“Also supports…” adds a second membership and leaves the card where it was; pressing again removes it', () => {
    const { board, robots, home, digital } = boardWith()
    harness = mountTrends({ board })
    const { container, announcements } = harness
    act(() => cardButton(container, 'Care robots in elderly homes').click())
    act(() => buttonNamed(dialog()!, 'Also supports…').click())
    const toggle = buttonNamed(dialog()!, 'Digital everyday life')
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    act(() => toggle.click())

    expect(groupSignals(readBoard(board)).trendIdsBySignal.get(robots)?.slice().sort()).toEqual([home, digital].sort())
    expect(titlesIn(container, { trend: 'Care moves home' })).toEqual(['Care robots in elderly homes'])
    expect(titlesIn(container, { trend: 'Digital everyday life' })).toEqual(['Care robots in elderly homes'])
    expect(buttonNamed(dialog()!, 'Digital everyday life').getAttribute('aria-pressed')).toBe('true')
    expect(container.querySelector('.trend .tcard__also')?.textContent).toBe('also in 1 other trend')
    expect(announcements).toContain('“Care robots in elderly homes” now also supports “Digital everyday life”.')

    act(() => buttonNamed(dialog()!, 'Digital everyday life').click())
    expect(groupSignals(readBoard(board)).trendIdsBySignal.get(robots)).toEqual([home])
  })

  it('removes a card from its trend back to the pile', () => {
    const { board, robots, home } = boardWith()
    harness = mountTrends({ board })
    act(() => cardButton(harness!.container, 'Care robots in elderly homes').click())
    act(() => buttonNamed(dialog()!, 'Remove from “Care moves home”').click())
    expect(readBoard(board).memberships.has(`${home}|${robots}`)).toBe(false)
    expect(titlesIn(harness.container, 'unsorted')).toContain('Care robots in elderly homes')
  })

  it('the facilitator puts a trend on the projector, and takes it off again', () => {
    const { board, home } = boardWith()
    harness = mountTrends({ board, role: 'facilitator' })
    const show = buttonNamed(harness.container.querySelector('.trend')!, 'Show on screen')
    // Named with its trend: a board has one per trend.
    expect(show.textContent).toMatch(/^Show on screen: \S/)
    act(() => show.click())
    expect(readControl(harness.control).focus).toEqual({ kind: 'trend', id: home })
    expect(harness.container.querySelector('.trend--on-screen .badge')?.textContent).toBe('On screen')
    act(() => buttonNamed(harness!.container.querySelector('.trend')!, 'Stop showing').click())
    expect(readControl(harness.control).focus).toBeNull()
  })

  it('participants get no projector controls; the projector gets no controls at all', () => {
    const { board } = boardWith()
    harness = mountTrends({ board })
    expect(harness.container.textContent).not.toContain('Show on screen')
    cleanup()
    harness.teardown()
    harness = mountTrends({ board, role: 'screen' })
    expect(harness.container.querySelectorAll('button, textarea, input')).toHaveLength(0)
    expect(harness.container.querySelector('.trend__title')?.textContent).toBe('Care moves home')
  })

  it('renames a trend in place: others see “editing”, a remote rename does not yank the text being typed, blur saves', () => {
    const { board, home } = boardWith()
    harness = mountTrends({ board })
    const name = harness.container.querySelector<HTMLTextAreaElement>('.trend__name')!
    act(() => name.focus())
    typeInto(name, 'Care comes home')
    expect(harness.awareness.getLocalState()?.editing).toBe(home)

    const other = newBoard(2)
    connectDocs(board, other)
    change(() => renameTrend(other, home, 'Home care'))
    expect(name.value).toBe('Care comes home')

    act(() => name.blur())
    expect(readBoard(board).trends.get(home)?.name).toBe('Care comes home')
    expect(harness.awareness.getLocalState()?.editing ?? null).toBeNull()
  })

  /** The trend's name typed and finished with Enter, as someone naming it does. */
  function nameWithEnter() {
    const { board, home } = boardWith()
    harness = mountTrends({ board })
    const name = harness.container.querySelector<HTMLTextAreaElement>('.trend__name')!
    act(() => name.focus())
    typeInto(name, 'Care comes home')
    act(() => void name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })))
    return { board, home, name, awareness: harness.awareness }
  }

  it('Enter finishes a trend name and goes on to its narrative: the name is saved, focus stays in the trend', () => {
    const { board, home, name, awareness } = nameWithEnter()
    expect(readBoard(board).trends.get(home)?.name).toBe('Care comes home')
    const narrative = name.closest('.trend__text')!.querySelector<HTMLTextAreaElement>('.trend__textarea--narrative')!
    expect(document.activeElement).toBe(narrative)
    // Named with its trend: one of eight "Narrative" fields in a screen reader's list of fields.
    expect(document.querySelector(`label[for="${narrative.id}"]`)?.textContent).toBe('Narrative: Care comes home')
    // Still editing this trend: the others keep seeing "… is editing".
    expect(awareness.getLocalState()?.editing).toBe(home)
  })

  it('stops saying “editing” when the person goes quiet with focus left in the trend, and says it again when they type', () => {
    vi.useFakeTimers()
    try {
      const { home, awareness } = nameWithEnter()
      act(() => void vi.advanceTimersByTime(EDITING_IDLE_MS - 1000))
      expect(awareness.getLocalState()?.editing).toBe(home)
      act(() => void vi.advanceTimersByTime(1000))
      expect(awareness.getLocalState()?.editing ?? null).toBeNull()
      const narrative = document.activeElement as HTMLTextAreaElement
      typeInto(narrative, 'Services follow people home.')
      expect(awareness.getLocalState()?.editing).toBe(home)
    } finally {
      vi.useRealTimers()
    }
  })

  it('two people naming one trend at once: the one still typing sees the other name, and can take it', () => {
    const { board, home } = boardWith()
    harness = mountTrends({ board })
    const name = harness.container.querySelector<HTMLTextAreaElement>('.trend__name')!
    act(() => name.focus())
    typeInto(name, 'Neighbours share what they have')
    const other = newBoard(2)
    connectDocs(board, other)
    change(() => renameTrend(other, home, 'Sharing economy'))

    const note = harness.container.querySelector('.trend__elsewhere')!
    expect(note.textContent).toContain('Someone else renamed this meanwhile: “Sharing economy”.')
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('Someone else renamed this meanwhile: “Sharing economy”.')
    expect(harness.announcements).toContain('Someone else renamed this meanwhile: “Sharing economy”.')
    expect(name.value).toBe('Neighbours share what they have')
    act(() => [...note.querySelectorAll('button')].find((b) => b.textContent === 'Use “Sharing economy”')!.click())
    expect(name.value).toBe('Sharing economy')
    expect(readBoard(board).trends.get(home)?.name).toBe('Sharing economy')
    expect(harness.container.querySelector('.trend__elsewhere')).toBeNull()
  })

  describe('two people saving one narrative at the same moment (their saves cross on the network)', () => {
    /** Anna's stage on the first device; Ben's device saves while the two do not hear each other yet. */
    function crossingSaves() {
      const { board, home } = boardWith()
      change(() => updateTrend(board, home, { narrative: 'Care comes to people.' }))
      harness = mountTrends({ board })
      // Ben's device has the higher client id: where two saves cross, Yjs keeps his.
      const bens = newBoard(2)
      const link = connectDocs(board, bens)
      const narrative = harness.container.querySelector<HTMLTextAreaElement>('.trend__textarea--narrative')!
      act(() => narrative.focus())
      link.hold()
      typeInto(narrative, 'Care comes to people. Nurses visit by video.')
      act(() => void vi.advanceTimersByTime(SHARE_AFTER_MS))
      updateTrend(bens, home, { narrative: 'Care comes to people. Families share the caring.' })
      const both = (text: string | undefined) => /Nurses visit by video\./.test(text ?? '') && /Families share the caring\./.test(text ?? '')
      const stored = (doc: typeof board) => readBoard(doc).trends.get(home)?.narrative
      return { board, bens, link, narrative, both, stored }
    }

    it('keeps the words of the save Yjs left out while its writer is still typing, and saves them with the other', () => {
      vi.useFakeTimers()
      try {
        const { board, bens, link, narrative, both, stored } = crossingSaves()
        typeInto(narrative, 'Care comes to people. Nurses visit by video. At night too.')
        change(() => link.release())
        expect(both(narrative.value)).toBe(true)
        expect(narrative.value).toContain('At night too.')
        expect(both(stored(board))).toBe(true)
        expect(stored(bens)).toBe(stored(board))
        expect(harness!.announcements).toContain('Someone else wrote here at the same time: both texts are kept.')
      } finally {
        vi.useRealTimers()
      }
    })

    it('keeps the words of two saves made before the other arrived (a pause, then leaving the field)', () => {
      vi.useFakeTimers()
      try {
        const { board, bens, link, narrative, both, stored } = crossingSaves()
        typeInto(narrative, 'Care comes to people. Nurses visit by video. At night too.')
        act(() => narrative.blur())
        change(() => link.release())
        expect(both(stored(bens))).toBe(true)
        expect(stored(bens)).toContain('At night too.')
        expect(stored(board)).toBe(stored(bens))
      } finally {
        vi.useRealTimers()
      }
    })

    it('keeps a word whole that a pause saved half of, when the other sentence was saved right after the half', () => {
      vi.useFakeTimers()
      try {
        const { board, home } = boardWith()
        change(() => updateTrend(board, home, { narrative: 'Care comes to people.' }))
        harness = mountTrends({ board })
        const bens = newBoard(2)
        connectDocs(board, bens)
        const narrative = harness.container.querySelector<HTMLTextAreaElement>('.trend__textarea--narrative')!
        act(() => narrative.focus())
        // A slow machine: the pause inside a word saves "Libr"; Ben's sentence lands right after it.
        typeInto(narrative, 'Care comes to people. Libr')
        act(() => void vi.advanceTimersByTime(SHARE_AFTER_MS))
        change(() => updateTrend(bens, home, { narrative: 'Care comes to people. Libr Neighbours lend their tools.' }))
        typeInto(narrative, 'Care comes to people. Libraries lend more than books.')
        act(() => void vi.advanceTimersByTime(SHARE_AFTER_MS))
        expect(readBoard(bens).trends.get(home)?.narrative).toBe('Care comes to people. Libraries lend more than books. Neighbours lend their tools.')
      } finally {
        vi.useRealTimers()
      }
    })

    it('keeps them too when its writer has already left the field', () => {
      vi.useFakeTimers()
      try {
        const { board, bens, link, narrative, both, stored } = crossingSaves()
        act(() => narrative.blur())
        change(() => link.release())
        expect(both(stored(bens))).toBe(true)
        expect(stored(board)).toBe(stored(bens))
        expect(both(narrative.value)).toBe(true)
      } finally {
        vi.useRealTimers()
      }
    })
  })

  it('leaving the name for nowhere (a tap on the page, another window) saves it', () => {
    const { board, home } = boardWith()
    harness = mountTrends({ board })
    const name = harness.container.querySelector<HTMLTextAreaElement>('.trend__name')!
    act(() => name.focus())
    typeInto(name, 'Care comes home')
    // As a browser reports it: focus went to no element.
    act(() => void name.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null })))
    expect(readBoard(board).trends.get(home)?.name).toBe('Care comes home')
  })
})
