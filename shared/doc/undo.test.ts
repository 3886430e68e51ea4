import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, updateSignal } from './commands/signals'
import { createTrend, moveSignalToTrend } from './commands/trends'
import { groupSignals } from './derive/board'
import { anna, ben, newBoard, readValid } from './testing/fixtures'
import { connectDocs } from './testing/network'
import { createUndoManager } from './undo'

describe('undo', () => {
  it('undoes a whole command as one step', () => {
    const doc = newBoard()
    const undo = createUndoManager(doc, { captureTimeout: 0 })
    const s = addSignal(doc, { title: 'S' }, anna)
    const t = createTrend(doc, { name: 'T' }, anna)
    moveSignalToTrend(doc, s, null, t, anna)
    undo.undo()
    expect(groupSignals(readValid(doc)).unsorted.map((x) => x.id)).toEqual([s])
    undo.redo()
    expect(groupSignals(readValid(doc)).unsorted).toEqual([])
  })

  it('never removes another user’s change', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    connectDocs(a, b)
    const undo = createUndoManager(a, { captureTimeout: 0 })
    const mine = addSignal(a, { title: 'mine' }, anna)
    const theirs = addSignal(b, { title: 'theirs' }, ben)
    updateSignal(b, mine, { description: 'Ben adds context to my card' })
    updateSignal(a, theirs, { whyItMatters: 'Anna explains why' })

    undo.undo() // Anna's edit of Ben's card
    undo.undo() // Anna's card
    expect(undo.canUndo()).toBe(false)
    const board = readValid(a)
    expect(board.signals.has(mine)).toBe(false)
    expect(board.signals.get(theirs)).toMatchObject({ title: 'theirs', whyItMatters: '' })
    expect(readValid(b).signals.get(theirs)?.title).toBe('theirs')
  })

  it('keeps a peer’s later edit of a field when undoing my earlier edit of it', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    connectDocs(a, b)
    const s = addSignal(b, { title: 'S' }, ben)
    const undo = createUndoManager(a, { captureTimeout: 0 })
    updateSignal(a, s, { description: 'Anna' })
    updateSignal(b, s, { description: 'Ben, later' })
    undo.undo()
    expect(readValid(a).signals.get(s)?.description).toBe('Ben, later')
  })
})
