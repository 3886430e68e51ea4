import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { getRecord, insertRecord } from './collections'
import { createTrend, updateTrend } from './commands/trends'
import { currentFieldWrite, meetsOwnWrites, type FieldWrite } from './fieldWrites'
import { anna, newBoard } from './testing/fixtures'
import { connectDocs } from './testing/network'

/** Two devices with one trend on both, and what each last saved of its narrative. */
function twoDevices() {
  const first = newBoard(1)
  const second = newBoard(2)
  const link = connectDocs(first, second)
  const trend = createTrend(first, { name: 'Care moves home', narrative: 'Care comes to people.' }, anna)
  const save = (doc: Y.Doc, narrative: string): FieldWrite => {
    updateTrend(doc, trend, { narrative })
    return currentFieldWrite(doc, 'trends', trend, 'narrative')!
  }
  /** Whether someone who had not seen `write` wrote the current value. */
  const overtaken = (doc: Y.Doc, write: FieldWrite) => typeof meetsOwnWrites(doc, 'trends', trend, 'narrative', [write]) === 'number'
  const narrative = (doc: Y.Doc) => getRecord(doc, 'trends', trend)!.narrative
  return { first, second, link, trend, save, overtaken, narrative }
}

describe('whether a save of a field was overwritten unseen', () => {
  it('tells the save Yjs left out of two that crossed, and only that one', () => {
    const { first, second, link, save, overtaken, narrative } = twoDevices()
    link.hold()
    const firstSave = save(first, 'Care comes to people. Nurses visit by video.')
    const secondSave = save(second, 'Care comes to people. Families share the caring.')
    // Before they meet, each device's own save is its current value.
    expect(overtaken(first, firstSave)).toBe(false)
    expect(overtaken(second, secondSave)).toBe(false)
    link.release()

    expect(narrative(first)).toBe(narrative(second))
    const kept = narrative(first) === 'Care comes to people. Nurses visit by video.' ? 'first' : 'second'
    // The higher client id's value is the one a map keeps: the second device's.
    expect(kept).toBe('second')
    for (const doc of [first, second]) {
      expect(overtaken(doc, firstSave)).toBe(true)
      expect(overtaken(doc, secondSave)).toBe(false)
    }
  })

  it('counts a save as seen once a later one was written over it, even one that removed its words', () => {
    const { first, second, save, overtaken, narrative } = twoDevices()
    const firstSave = save(first, 'Care comes to people. Nurses visit by video.')
    save(second, 'Families share the caring.')
    expect(narrative(first)).toBe('Families share the caring.')
    expect(overtaken(first, firstSave)).toBe(false)
  })

  it('still tells an overtaken save after someone else has written on top of the value that was kept', () => {
    const { first, second, link, save, overtaken } = twoDevices()
    link.hold()
    const firstSave = save(first, 'Care comes to people. Nurses visit by video.')
    save(second, 'Care comes to people. Families share the caring.')
    save(second, 'Care comes to people. Families share the caring. Towns pay them.')
    link.release()
    expect(overtaken(first, firstSave)).toBe(true)
  })

  it('finds where the kept value meets a device’s own saves when it made two before the other arrived', () => {
    const { first, second, link, trend, save } = twoDevices()
    const meets = (writes: FieldWrite[]) => meetsOwnWrites(first, 'trends', trend, 'narrative', writes)
    link.hold()
    // A pause's save, then the blur's, both before the other device's save arrives.
    const saves = [save(first, 'Care comes to people. Nurses'), save(first, 'Care comes to people. Nurses visit by video.')]
    save(second, 'Care comes to people. Families share the caring.')
    link.release()
    // Kept: the other's, made from the value before both: none of the two was seen.
    expect(meets(saves)).toBe(-1)
  })

  it('says which of a device’s saves the kept value was made on top of', () => {
    const { first, second, link, trend, save } = twoDevices()
    const seen = save(first, 'Care comes to people. Nurses')
    link.hold()
    const unseen = save(first, 'Care comes to people. Nurses visit by video.')
    save(second, 'Care comes to people. Nurses. Families share the caring.')
    link.release()
    expect(meetsOwnWrites(first, 'trends', trend, 'narrative', [seen, unseen])).toBe(0)
    // Its own latest save is the current value; one written on top of it has seen it.
    const latest = save(first, 'Care comes to people. Again.')
    expect(meetsOwnWrites(first, 'trends', trend, 'narrative', [latest])).toBe('current')
    save(second, 'Care comes to people. Again and again.')
    expect(meetsOwnWrites(first, 'trends', trend, 'narrative', [latest])).toBe('seen')
  })

  it('does not count a record replaced as a whole (a restore) as overwriting a save', () => {
    const { first, second, trend, save, overtaken, narrative } = twoDevices()
    const before = getRecord(second, 'trends', trend)!
    const firstSave = save(first, 'Care comes to people. Nurses visit by video.')
    insertRecord(second, 'trends', before)
    expect(narrative(first)).toBe('Care comes to people.')
    expect(overtaken(first, firstSave)).toBe(false)
  })
})
