import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { TEMPLATES } from '../method/templates'
import { addSignal, deleteSignal, updateSignal } from './commands/signals'
import { createTrend, moveSignalToTrend } from './commands/trends'
import { startTimer } from './control/timer'
import { createWorkshopControl, setThemes } from './control/workshop'
import { setFocus } from './control/session'
import { readBoard, readControl } from './read'
import { anna, ben, newBoard } from './testing/fixtures'
import { connectDocs } from './testing/network'
import { createBoardWatcher, createControlWatcher } from './watch'
import * as codec from './codec'

describe('board watcher', () => {
  it('shares every untouched collection and record after a change', () => {
    const doc = newBoard()
    const a = addSignal(doc, { title: 'A' }, anna)
    const b = addSignal(doc, { title: 'B' }, anna)
    createTrend(doc, { name: 'T' }, anna)
    const watcher = createBoardWatcher(doc)
    const before = watcher.getSnapshot()
    const listener = vi.fn()
    watcher.subscribe(listener)

    updateSignal(doc, a, { description: 'typed' })
    const after = watcher.getSnapshot()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(after).not.toBe(before)
    expect(after.signals).not.toBe(before.signals)
    expect(after.signals.get(a)?.description).toBe('typed')
    expect(after.signals.get(b)).toBe(before.signals.get(b))
    expect(after.trends).toBe(before.trends)
    expect(after.memberships).toBe(before.memberships)
    expect(Object.isFrozen(after.signals.get(a))).toBe(true)
    expect(watcher.getSnapshot()).toBe(after) // stable while nothing changes
    watcher.destroy()
  })

  it('re-reads only the touched record, not the whole wall', () => {
    const doc = newBoard()
    const ids: string[] = []
    doc.transact(() => {
      for (let i = 0; i < 1000; i++) ids.push(addSignal(doc, { title: `Signal ${i}` }, anna))
    })
    const watcher = createBoardWatcher(doc)
    const parse = vi.spyOn(codec, 'parseEntry')
    updateSignal(doc, ids[500] as string, { description: 'one keystroke' })
    // One parse by the command (it validates the record it patches), one by the watcher.
    expect(parse).toHaveBeenCalledTimes(2)
    parse.mockRestore()
    expect(watcher.getSnapshot().signals.get(ids[500] as string)?.description).toBe('one keystroke')
    watcher.destroy()
  })

  it('notifies once per transaction, for remote updates too, and follows deletes', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    connectDocs(a, b)
    const watcher = createBoardWatcher(b)
    const listener = vi.fn()
    watcher.subscribe(listener)
    const s = addSignal(a, { title: 'S' }, anna)
    const t = createTrend(a, { name: 'T' }, anna)
    moveSignalToTrend(a, s, null, t, ben)
    expect(listener).toHaveBeenCalledTimes(3)
    expect(watcher.getSnapshot().memberships.size).toBe(1)
    deleteSignal(a, s)
    expect(watcher.getSnapshot().signals.size).toBe(0)
    expect(watcher.getSnapshot().memberships.size).toBe(0)
    expect(watcher.getSnapshot()).toEqual(readBoard(b))
    watcher.destroy()
  })

  it('stops after destroy', () => {
    const doc = newBoard()
    const watcher = createBoardWatcher(doc)
    const listener = vi.fn()
    watcher.subscribe(listener)
    watcher.destroy()
    addSignal(doc, { title: 'S' }, anna)
    expect(listener).not.toHaveBeenCalled()
    expect(watcher.getSnapshot().signals.size).toBe(0)
  })
})

describe('control watcher', () => {
  it('replaces only the part that changed', () => {
    const doc = new Y.Doc()
    createWorkshopControl(doc, { title: 'Welfare 2040' }, TEMPLATES['innosi-welfare'])
    const watcher = createControlWatcher(doc)
    const before = watcher.getSnapshot()
    expect(before).toEqual(readControl(doc))
    expect(before.stages.map((s) => s.kind)).toEqual(['frame', 'signals', 'trends', 'assess', 'wheel', 'stories', 'takeaways'])

    startTimer(doc, 1_000_000)
    const afterTimer = watcher.getSnapshot()
    expect(afterTimer.timer.status).toBe('running')
    expect(afterTimer.meta).toBe(before.meta)
    expect(afterTimer.stages).toBe(before.stages)
    expect(afterTimer.groups).toBe(before.groups)
    expect(afterTimer.privateMode).toBe(before.privateMode)

    setFocus(doc, { kind: 'trend', id: 'trend-000000000000001' })
    expect(watcher.getSnapshot().timer).toBe(afterTimer.timer)

    setThemes(doc, [{ label: 'Housing' }])
    const afterThemes = watcher.getSnapshot()
    expect(afterThemes.meta.themes.map((t) => t.label)).toEqual(['Housing'])
    expect(afterThemes.stages).toBe(before.stages)
    watcher.destroy()
  })
})
