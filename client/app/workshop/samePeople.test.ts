import { describe, expect, it } from 'vitest'
import type { Participant } from '../../../shared/schema/index.ts'
import { samePeopleFor } from './samePeople.ts'

const person = (id: string, name: string, joinedAt: number): Participant => ({ id, name, color: '#0072B2', joinedAt })
const fiona = person('fiona-laptop-000000000', 'Fiona', 2)
const olli = person('olli-laptop-0000000000', 'Olli', 1)
const participantFiona = person('fiona-phone-000000000', 'Fiona', 0)
const board = new Map([fiona, olli, participantFiona].map((p) => [p.id, p]))
const ofTheLink = { [fiona.id]: true, [olli.id]: true }
const device = (name: string) => ({ id: 'new-device-0000000000', name })

describe('samePeopleFor: whom a facilitator’s other device may be', () => {
  it('with a matching name: only the facilitator link’s people of that name, never a participant who has it', () => {
    expect(samePeopleFor(board, ofTheLink, device('fiona'), true)).toEqual([fiona])
    expect(samePeopleFor(board, {}, device('Fiona'), false)).toEqual([])
  })

  it('a name kept from another workshop that matches no one: every person of the link, oldest first', () => {
    expect(samePeopleFor(board, ofTheLink, device('Fiona K.'), false)).toEqual([olli, fiona])
  })

  it('a name typed here that matches no one says someone else: nobody is offered', () => {
    expect(samePeopleFor(board, ofTheLink, device('Fiona K.'), true)).toEqual([])
  })

  it('asks nothing of a device already on the board, or still without a name', () => {
    expect(samePeopleFor(board, ofTheLink, { id: fiona.id, name: 'Fiona' }, false)).toEqual([])
    expect(samePeopleFor(board, ofTheLink, device(''), false)).toEqual([])
  })
})
