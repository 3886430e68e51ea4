// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import * as Y from 'yjs'
import { readBoard, readDraft, revealDrafts, setPrivateCounts, setPrivateMode } from '../../../shared/doc/index.ts'
import { connectDocs } from '../../../shared/doc/testing/network.ts'
import { cleanup, render } from '../../testing/render.ts'
import { DraftFromDoc } from './PrivateDraft.tsx'
import { SignalsWorkspace } from './SignalsWorkspace.tsx'
import { ANNA, BEN, button, cardTitled, click, fieldLabelled, openWorkshop, typeInto, wallTitles, type Workshop } from './testKit.tsx'

let workshop: Workshop | null = null
afterEach(() => {
  cleanup()
  workshop?.close()
  workshop = null
})

/**
 * Anna's browser with private mode on: her board, her draft (a second document, as the server
 * would hold it under `draft-<id>`), and Ben's replica of the board to prove nothing leaks there.
 */
function privateSession() {
  const w = (workshop = openWorkshop('participant', ANNA))
  act(() => setPrivateMode(w.control, { on: true }))
  const draft = new Y.Doc()
  const bensBoard = new Y.Doc()
  connectDocs(w.board, bensBoard)
  const container = render(
    w.wrap(
      <DraftFromDoc doc={draft} fallbackName="Someone">
        <SignalsWorkspace role="participant" />
      </DraftFromDoc>,
    ),
  )
  return { w, draft, bensBoard, container }
}

describe('private mode', () => {
  it('puts a new card in the person’s draft, not on the board, and marks it as theirs alone', () => {
    const { w, draft, bensBoard, container } = privateSession()
    typeInto(fieldLabelled(container, 'What did you notice?'), 'Neighbourhood saunas as meeting places')
    click(button(container.querySelector('.add-signal')!, 'Add card'))

    expect([...readDraft(draft).signals.values()].map((signal) => signal.title)).toEqual(['Neighbourhood saunas as meeting places'])
    expect(readBoard(w.board).signals.size).toBe(0)
    expect(readBoard(bensBoard).signals.size).toBe(0)
    // The draft names its owner, so the server can publish "Anna: 1 card".
    expect(readDraft(draft).owner).toEqual({ participantId: ANNA.participantId, name: 'Anna' })

    const card = cardTitled(container, 'Neighbourhood saunas as meeting places')
    expect(card.textContent).toContain('Only you can see this until the reveal')
    expect(wallTitles(container)).toEqual([])
    expect(container.textContent).toContain('The cards appear here when the facilitator reveals them.')
    expect(w.announced).toContain('Added “Neighbourhood saunas as meeting places” to your private cards.')
  })

  it('shows other people’s cards face down, as counts, never their own count twice', () => {
    const { w, container } = privateSession()
    act(() =>
      setPrivateCounts(w.control, {
        [BEN.participantId]: { name: 'Ben', count: 3 },
        [ANNA.participantId]: { name: 'Anna', count: 1 },
        NobodyNobodyNobodyNob1: { name: 'Cai', count: 0 },
      }),
    )
    const pace = container.querySelector('.private-pace')!
    expect(pace.textContent).toContain('Others have written 3 cards')
    expect([...pace.querySelectorAll('.private-pace__person')].map((row) => row.textContent)).toEqual(['Ben3 cards'])
    expect(pace.querySelectorAll('.face-down-tile')).toHaveLength(3)
  })

  it('lets the person edit and delete their private card in the draft', () => {
    const { draft, container } = privateSession()
    typeInto(fieldLabelled(container, 'What did you notice?'), 'Pop-up clinics')
    click(button(container.querySelector('.add-signal')!, 'Add card'))
    click(button(cardTitled(container, 'Pop-up clinics'), /^Delete/))
    click(button(container, 'Delete'))
    expect(readDraft(draft).signals.size).toBe(0)
  })

  it('after the reveal the cards simply appear on the wall', () => {
    const { w, draft, bensBoard, container } = privateSession()
    typeInto(fieldLabelled(container, 'What did you notice?'), 'Pop-up clinics in shopping centres')
    click(button(container.querySelector('.add-signal')!, 'Add card'))

    // What the server does on reveal: copy drafts to the board, empty them.
    act(() => {
      revealDrafts(w.board, [draft])
      setPrivateMode(w.control, { on: false })
    })
    expect(wallTitles(container)).toEqual(['Pop-up clinics in shopping centres'])
    expect(container.querySelector('.private-area')).toBeNull()
    expect(readBoard(bensBoard).signals.size).toBe(1)
    expect(w.announced).toContain('The cards have been revealed on the wall.')

    // Private mode over: the next card goes straight to the board.
    typeInto(fieldLabelled(container, 'What did you notice?'), 'Drone pharmacies')
    click(button(container.querySelector('.add-signal')!, 'Add card'))
    expect(readBoard(bensBoard).signals.size).toBe(2)
    expect(readDraft(draft).signals.size).toBe(0)
  })
})
