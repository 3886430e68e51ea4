// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { queryAllByRole } from '@testing-library/dom'
import { addTakeaway, togglePlusOne } from '../../../shared/doc/index.ts'
import { cleanup } from '../../testing/render.ts'
import { anna, ben, screenOf, takeawaysWorkshop, teardownAll } from './testKit.tsx'

afterEach(() => {
  cleanup()
  teardownAll()
  localStorage.clear()
})

/** The buttons whose accessible name is exactly `name`. */
const named = (root: HTMLElement, name: string | RegExp) => queryAllByRole(root, 'button', { name })

describe("the takeaway cards' buttons are named for screen readers and voice control (Finnish)", () => {
  it('Edit and Delete name their takeaway, so two cards’ buttons are told apart', () => {
    const w = takeawaysWorkshop()
    const texts = ['Kartoitetaan yksinäisyys kunnittain', 'Kartoitetaan yksinäisyys kylittäin']
    for (const text of texts) addTakeaway(w.board, { text, when: 'now' }, anna)
    const view = screenOf(anna, 'participant', w, 'fi')
    for (const text of texts) {
      expect(named(view, `Muokkaa ”${text}”`), text).toHaveLength(1)
      expect(named(view, `Poista ”${text}”`), text).toHaveLength(1)
    }
    expect(named(view, 'Muokkaa')).toHaveLength(0)
    expect(named(view, 'Poista')).toHaveLength(0)
  })

  it('“+1” says how many agree once, after the “+1” it shows', () => {
    const w = takeawaysWorkshop()
    addTakeaway(w.board, { text: 'Kartoitetaan yksinäisyys', when: 'now' }, ben)
    const three = addTakeaway(w.board, { text: 'Avataan olohuone kirjastoon', when: 'now' }, ben)
    for (const person of [anna, ben, { participantId: 'cid-00000000000000000' }]) togglePlusOne(w.board, three, person)
    const view = screenOf(anna, 'participant', w, 'fi')
    expect(named(view, /^\+1/)).toHaveLength(2)
    // The visible count is not said a second time ("+1 3 — … 3 samaa mieltä").
    expect(named(view, '+1 — olen samaa mieltä (tähän mennessä 0 samaa mieltä)')).toHaveLength(1)
    expect(named(view, '+1 — olen samaa mieltä (tähän mennessä 3 samaa mieltä)')).toHaveLength(1)
  })
})
