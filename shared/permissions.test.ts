import { describe, expect, it } from 'vitest'
import { canChange, canContribute, canTidy, keyOwner, mayChangeRecord, mayExportFormat, mayExportNow, parentRecord, type Viewer } from './permissions'
import { EXPORT_FORMATS } from './export/formats'
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

describe('per-person records', () => {
  it('name their owner in the key, after the parent, or only in a field', () => {
    expect(keyOwner('participants', anna)).toBe(anna)
    expect(keyOwner('assessments', `trend1|${anna}`)).toBe(anna)
    expect(keyOwner('votes', 'someVoteId')).toBeNull()
    expect(keyOwner('signals', 'someSignalId')).toBeNull()
  })

  it('go with their trend or takeaway, and readiness with nothing', () => {
    const none = () => undefined
    expect(parentRecord('plusOnes', `takeaway1|${anna}`, none)).toEqual({ root: 'takeaways', key: 'takeaway1' })
    expect(parentRecord('votes', 'v1', (field) => (field === 'trendId' ? 'trend1' : undefined))).toEqual({ root: 'trends', key: 'trend1' })
    expect(parentRecord('votes', 'v1', none)).toBeNull()
    expect(parentRecord('ready', `stage1|${anna}`, none)).toBeNull()
  })
})

describe('changing a record, as a device carrying its own changes past a refusal checks it', () => {
  const annaWrites = { role: 'participant' as const, participantId: anna }
  it("lets a person change their own per-person records and the cards they wrote, not another person's", () => {
    expect(mayChangeRecord(annaWrites, 'assessments', `trend1|${anna}`, null, {})).toBe(true)
    expect(mayChangeRecord(annaWrites, 'assessments', `trend1|${ben}`, null, {})).toBe(false)
    expect(mayChangeRecord(annaWrites, 'votes', 'vote1', { participantId: ben }, null)).toBe(false)
    expect(mayChangeRecord(annaWrites, 'signals', 'card1', { authorId: anna, authorIds: [] }, null)).toBe(true)
    expect(mayChangeRecord(annaWrites, 'signals', 'card2', { authorId: ben, authorIds: [anna] }, {})).toBe(true)
    expect(mayChangeRecord(annaWrites, 'signals', 'card3', { authorId: ben, authorIds: [] }, {})).toBe(false)
  })

  it('lets anyone add a card or change a trend, and the facilitator change anything', () => {
    expect(mayChangeRecord(annaWrites, 'signals', 'card4', null, { authorId: anna })).toBe(true)
    expect(mayChangeRecord(annaWrites, 'trends', 'trend1', { name: 'Care' }, { name: 'Care at home' })).toBe(true)
    expect(mayChangeRecord({ role: 'facilitator', participantId: anna }, 'signals', 'card3', { authorId: ben, authorIds: [] }, null)).toBe(true)
  })
})

describe('taking the report home', () => {
  it('gives participants the report, never the data, and the projector nothing', () => {
    const formats = (role: (typeof ROLES)[number]) => EXPORT_FORMATS.filter((format) => mayExportFormat(role, format))
    expect(formats('facilitator')).toEqual([...EXPORT_FORMATS])
    expect(formats('participant')).toEqual(['md', 'html', 'pdf'])
    expect(formats('screen')).toEqual([])
  })

  it('opens for participants when the facilitator shares it, not when the board is locked', () => {
    expect(mayExportNow('participant', { allowParticipantExport: false })).toBe(false)
    expect(mayExportNow('participant', { allowParticipantExport: true })).toBe(true)
    expect(mayExportNow('participant', null)).toBe(false)
    expect(mayExportNow('facilitator', { allowParticipantExport: false })).toBe(true)
    expect(mayExportNow('screen', { allowParticipantExport: true })).toBe(false)
  })
})
