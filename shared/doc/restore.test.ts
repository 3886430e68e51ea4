import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, createStory, deleteSignal, getStoryBody, readBoard, updateSignal } from './index'
import { restoreDoc } from './restore'

const anna = { participantId: 'annaAnnaAnnaAnnaAnna01' }

function copy(doc: Y.Doc): Y.Doc {
  const past = new Y.Doc()
  Y.applyUpdate(past, Y.encodeStateAsUpdate(doc))
  return past
}

describe('restoreDoc', () => {
  it('brings back deleted and changed records and removes ones added since', () => {
    const live = new Y.Doc()
    const kept = addSignal(live, { title: 'Care robots' }, anna)
    const deleted = addSignal(live, { title: 'Four-day week pilot' }, anna)
    const story = createStory(live, { title: 'Aino, 2040' }, anna)
    const body = getStoryBody(live, story.storyId)!
    body.insert(0, [new Y.XmlElement('paragraph')])
    ;(body.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Aino wakes up.')])
    const past = copy(live)

    updateSignal(live, kept, { title: 'Care robots everywhere' })
    deleteSignal(live, deleted)
    const added = addSignal(live, { title: 'Prank card' }, anna)
    const changes = restoreDoc(live, past)

    const signals = readBoard(live).signals
    expect(changes).toBeGreaterThan(0)
    expect(signals.get(kept)?.title).toBe('Care robots')
    expect(signals.get(deleted)?.title).toBe('Four-day week pilot')
    expect(signals.has(added)).toBe(false)
    expect(getStoryBody(live, story.storyId)!.toString()).toBe(body.toString())
  })

  it('syncs to another replica as ordinary updates, and can be reverted the same way', () => {
    const live = new Y.Doc()
    const peer = new Y.Doc()
    live.on('update', (update: Uint8Array) => Y.applyUpdate(peer, update))
    const id = addSignal(live, { title: 'Heat waves in July' }, anna)
    const before = copy(live)
    deleteSignal(live, id)
    const beforeRestore = copy(live)

    restoreDoc(live, before)
    expect(readBoard(peer).signals.get(id)?.title).toBe('Heat waves in July')
    restoreDoc(live, beforeRestore)
    expect(readBoard(peer).signals.has(id)).toBe(false)
  })

  it('changes nothing when the state is already the same', () => {
    const live = new Y.Doc()
    addSignal(live, { title: 'Youth loneliness apps' }, anna)
    const updates: Uint8Array[] = []
    live.on('update', (update: Uint8Array) => updates.push(update))
    expect(restoreDoc(live, copy(live))).toBe(0)
    expect(updates).toEqual([])
  })
})
