import { describe, expect, it } from 'vitest'
import { canChange, canContribute, canTidy, type Viewer } from './permissions'
import { mayWrite, ROLES } from './protocol'

const anna = 'AnnaAnnaAnnaAnnaAnna01'
const ben = 'BenBenBenBenBenBenBen1'
const participant = (id: string | null, locked = false): Viewer => ({ role: 'participant', participantId: id, locked })
const facilitator = (locked = false): Viewer => ({ role: 'facilitator', participantId: 'FacFacFacFacFacFacFac1', locked })
const screen: Viewer = { role: 'screen', participantId: null, locked: false }

describe('board permissions', () => {
  it('offer a write only where the server takes it, for every role, locked or not', () => {
    for (const role of ROLES) {
      for (const locked of [false, true]) {
        const viewer: Viewer = { role, participantId: 'SomeoneSomeoneSomeon1', locked }
        expect(canContribute(viewer), `${role}, locked ${locked}`).toBe(mayWrite(role, 'board', locked))
      }
    }
  })

  it('let authors change their records, and the facilitator any; nobody else', () => {
    expect(canChange(participant(anna), [anna])).toBe(true)
    expect(canChange(participant(anna), [ben, anna])).toBe(true)
    expect(canChange(participant(ben), [anna])).toBe(false)
    expect(canChange(facilitator(), [anna])).toBe(true)
    expect(canChange(screen, [null])).toBe(false)
  })

  it('stop everyone, the facilitator included, while the workshop is locked (the server refuses those writes)', () => {
    expect(canContribute(participant(anna, true))).toBe(false)
    expect(canContribute(facilitator(true))).toBe(false)
    expect(canChange(facilitator(true), [anna])).toBe(false)
    expect(canTidy(facilitator(true))).toBe(false)
  })

  it('need an identity: a record without an author cannot be written, nor matched to a null id', () => {
    expect(canContribute(participant(null))).toBe(false)
    expect(canChange(participant(null), [null])).toBe(false)
  })

  it('leave tidying to the facilitator', () => {
    expect(canTidy(facilitator())).toBe(true)
    expect(canTidy(participant(anna))).toBe(false)
    expect(canTidy(screen)).toBe(false)
  })
})
