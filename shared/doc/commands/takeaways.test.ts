import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { plusOnesByTakeaway } from '../derive/takeaways'
import { anna, ben, cai, boardJson, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { addTakeaway, deleteTakeaway, togglePlusOne, updateTakeaway } from './takeaways'

describe('takeaways', () => {
  it('adds, edits and deletes a takeaway with its +1s', () => {
    const doc = newBoard()
    const id = addTakeaway(doc, { text: 'Pilot home care robots', when: 'year' }, anna)
    updateTakeaway(doc, id, { who: 'Social services' })
    expect(readValid(doc).takeaways.get(id)).toMatchObject({ text: 'Pilot home care robots', who: 'Social services', when: 'year' })
    expect(togglePlusOne(doc, id, ben)).toBe(true)
    expect(togglePlusOne(doc, id, ben)).toBe(false)
    togglePlusOne(doc, id, ben)
    deleteTakeaway(doc, id)
    const board = readValid(doc)
    expect(board.takeaways.size).toBe(0)
    expect(board.plusOnes.size).toBe(0)
    expect(() => addTakeaway(doc, { text: ' ' }, anna)).toThrow()
  })

  it('counts +1s given at the same moment by different people', () => {
    const docs = [newBoard(1), new Y.Doc(), new Y.Doc()] as const
    const links = [connectDocs(docs[0], docs[1]), connectDocs(docs[1], docs[2]), connectDocs(docs[0], docs[2])]
    const id = addTakeaway(docs[0], { text: 'Act now' }, anna)
    for (const link of links) link.hold()
    togglePlusOne(docs[0], id, anna)
    togglePlusOne(docs[1], id, ben)
    togglePlusOne(docs[2], id, cai)
    for (const link of links) link.release()
    for (const doc of docs) expect(plusOnesByTakeaway(readValid(doc)).get(id)?.count).toBe(3)
    expect(boardJson(docs[1])).toEqual(boardJson(docs[2]))
  })
})
