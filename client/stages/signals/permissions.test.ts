import { describe, expect, it } from 'vitest'
import { canAddSignals, canEditSignal, canMergeSignals, type Viewer } from './permissions.ts'

const anna = 'AnnaAnnaAnnaAnnaAnna01'
const ben = 'BenBenBenBenBenBenBen1'
const annasCard = { authorId: anna, authorIds: [anna] }
const mergedCard = { authorId: ben, authorIds: [ben, anna] }

const participant = (id: string, locked = false): Viewer => ({ role: 'participant', participantId: id, locked })
const facilitator: Viewer = { role: 'facilitator', participantId: 'FacFacFacFacFacFacFac1', locked: false }
const screen: Viewer = { role: 'screen', participantId: null, locked: false }

describe('signal permissions', () => {
  it('lets participants edit their own cards, and cards merged from theirs, but not others’', () => {
    expect(canEditSignal(participant(anna), annasCard)).toBe(true)
    expect(canEditSignal(participant(anna), mergedCard)).toBe(true)
    expect(canEditSignal(participant(ben), annasCard)).toBe(false)
  })

  it('lets the facilitator edit any card and merge; nobody else merges', () => {
    expect(canEditSignal(facilitator, annasCard)).toBe(true)
    expect(canMergeSignals(facilitator)).toBe(true)
    expect(canMergeSignals(participant(anna))).toBe(false)
  })

  it('keeps the projector read-only', () => {
    expect(canAddSignals(screen)).toBe(false)
    expect(canEditSignal(screen, annasCard)).toBe(false)
    expect(canMergeSignals(screen)).toBe(false)
  })

  it('pauses participants, not the facilitator, while the board is locked', () => {
    expect(canAddSignals(participant(anna, true))).toBe(false)
    expect(canEditSignal(participant(anna, true), annasCard)).toBe(false)
    expect(canAddSignals({ ...facilitator, locked: true })).toBe(true)
  })

  it('a person without an id edits nothing', () => {
    expect(canEditSignal({ role: 'participant', participantId: null, locked: false }, annasCard)).toBe(false)
  })
})
