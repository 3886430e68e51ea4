import { describe, expect, it } from 'vitest'
import { EMPTY_SIGNAL_FORM, changedFields } from './signalForm.ts'
import { MAX_KEPT, keepUnsavedEdit, latestUnsavedEdit, loadUnsavedEdit, resumeEdit } from './unsavedEdit.ts'
import { memoryStore } from '../../testing/memoryStore.ts'

const ANNA = { workshopId: 'workshop-a', participantId: 'anna' }
const ROBOTS = { ...EMPTY_SIGNAL_FORM, title: 'Robots', description: 'Seen in Turku', category: 'technological' as const }
const annasEdit = (at = 1) => ({ base: ROBOTS, values: { ...ROBOTS, title: 'Care robots', description: 'Seen in Turku and Espoo' }, at })

describe('the unsaved edit of a signal card', () => {
  it('comes back as it was left, per card, to the same person in the same workshop only', () => {
    const store = memoryStore()
    keepUnsavedEdit(ANNA, 'card-1', annasEdit(), store)
    expect(loadUnsavedEdit(ANNA, 'card-1', store)).toEqual(annasEdit())
    expect(loadUnsavedEdit(ANNA, 'card-2', store)).toBeNull()
    expect(loadUnsavedEdit({ ...ANNA, workshopId: 'workshop-b' }, 'card-1', store)).toBeNull()
    expect(loadUnsavedEdit({ ...ANNA, participantId: 'fiona' }, 'card-1', store)).toBeNull()
  })

  it('reopens the card typed in last, and is forgotten once saved, cancelled or typed back as it was', () => {
    const store = memoryStore()
    keepUnsavedEdit(ANNA, 'card-1', annasEdit(1), store)
    keepUnsavedEdit(ANNA, 'card-2', annasEdit(2), store)
    expect(latestUnsavedEdit(ANNA, store)).toBe('card-2')
    keepUnsavedEdit(ANNA, 'card-2', null, store)
    expect(latestUnsavedEdit(ANNA, store)).toBe('card-1')
    keepUnsavedEdit(ANNA, 'card-1', { base: ROBOTS, values: ROBOTS, at: 3 }, store)
    expect(latestUnsavedEdit(ANNA, store)).toBeNull()
    expect(store.values.size).toBe(0)
  })

  it('keeps the newest edits only, so cards deleted unseen do not fill the device', () => {
    const store = memoryStore()
    for (let n = 0; n <= MAX_KEPT; n++) keepUnsavedEdit(ANNA, `card-${n}`, annasEdit(n), store)
    expect(loadUnsavedEdit(ANNA, 'card-0', store)).toBeNull()
    expect(loadUnsavedEdit(ANNA, `card-${MAX_KEPT}`, store)).not.toBeNull()
  })

  it('reads what is stored as untrusted: malformed JSON and entries are dropped, an unknown category unchosen', () => {
    const store = memoryStore()
    const key = 's2s:unsent-signal-edit:workshop-a:anna'
    store.setItem(key, '{not json')
    expect(latestUnsavedEdit(ANNA, store)).toBeNull()
    store.setItem(
      key,
      JSON.stringify({
        bad: { values: { title: 42 }, base: ROBOTS, at: 1 },
        worse: 'x',
        good: { ...annasEdit(), values: { ...annasEdit().values, category: 'magic' } },
      }),
    )
    expect(latestUnsavedEdit(ANNA, store)).toBe('good')
    expect(loadUnsavedEdit(ANNA, 'bad', store)).toBeNull()
    expect(loadUnsavedEdit(ANNA, 'good', store)?.values).toEqual({ ...annasEdit().values, category: '' })
  })

  it('brings back a text past its limit whole: the editor counts it over, nothing is cut unseen', () => {
    const store = memoryStore()
    const pasted = { ...annasEdit(), values: { ...ROBOTS, description: 'x'.repeat(5120) } }
    keepUnsavedEdit(ANNA, 'card-1', pasted, store)
    expect(loadUnsavedEdit(ANNA, 'card-1', store)).toEqual(pasted)
  })
})

describe('an unsaved edit resumed on a card that changed meanwhile', () => {
  it('starts from the card when nothing was kept', () => {
    expect(resumeEdit(null, ROBOTS)).toEqual({ opened: ROBOTS, values: ROBOTS, changedElsewhere: [] })
  })

  it("shows someone else's change of a field this person did not touch, and a save does not write it", () => {
    const mine = { base: ROBOTS, values: { ...ROBOTS, title: 'Care robots' } }
    const card = { ...ROBOTS, whyItMatters: 'Ben: fewer carers' }
    const resumed = resumeEdit(mine, card)
    expect(resumed.values).toEqual({ ...card, title: 'Care robots' })
    expect(resumed.changedElsewhere).toEqual([])
    expect(changedFields(resumed.opened, resumed.values)).toEqual({ title: 'Care robots' })
  })

  it('keeps their own text in a field someone else changed too, says so, and a save writes theirs', () => {
    const resumed = resumeEdit(annasEdit(), { ...ROBOTS, title: 'Robots in homes' })
    expect(resumed.values).toEqual(annasEdit().values)
    expect(resumed.changedElsewhere).toEqual(['title'])
    expect(changedFields(resumed.opened, resumed.values)).toEqual({ title: 'Care robots', description: 'Seen in Turku and Espoo' })
  })

  it('is no conflict when someone else made the same change', () => {
    const resumed = resumeEdit(annasEdit(), { ...ROBOTS, title: 'Care robots' })
    expect(resumed.changedElsewhere).toEqual([])
    expect(changedFields(resumed.opened, resumed.values)).toEqual({ description: 'Seen in Turku and Espoo' })
  })
})
