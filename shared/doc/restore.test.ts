import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, createStory, deleteSignal, getStoryBody, readBoard, updateSignal } from './index'
import { carryOver, restoreDoc } from './restore'

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

describe('carryOver', () => {
  /** A board, its history started afresh (`renewed`), and a browser's offline copy of the old one. */
  function renewal() {
    const old = new Y.Doc()
    const kept = addSignal(old, { title: 'Care robots' }, anna)
    const doomed = addSignal(old, { title: 'Four-day week pilot' }, anna)
    const story = createStory(old, { title: 'Aino, 2040' }, anna)
    const renewed = new Y.Doc()
    restoreDoc(renewed, old)
    const offline = copy(old)
    return { old, renewed, offline, kept, doomed, story }
  }

  it('carries offline additions, edits and deletions into the new generation, and keeps what others did since', () => {
    const { old, renewed, offline, kept, doomed } = renewal()
    const added = addSignal(offline, { title: 'Heat pumps in every sauna' }, anna)
    updateSignal(offline, kept, { title: 'Care robots in every home' })
    deleteSignal(offline, doomed)
    const othersCard = addSignal(renewed, { title: 'Library of things' }, anna)
    updateSignal(renewed, kept, { description: 'Seen in Oulu' })

    expect(carryOver(renewed, old, offline)).toBeGreaterThan(0)

    const signals = readBoard(renewed).signals
    expect(signals.get(added)?.title).toBe('Heat pumps in every sauna')
    expect(signals.get(kept)).toMatchObject({ title: 'Care robots in every home', description: 'Seen in Oulu' })
    expect(signals.has(doomed)).toBe(false)
    expect(signals.get(othersCard)?.title).toBe('Library of things')
  })

  it('leaves alone a record removed since that this copy did not change, and keeps one it did change', () => {
    const { old, renewed, offline, kept, doomed } = renewal()
    updateSignal(offline, doomed, { title: 'Four-day week everywhere' })
    deleteSignal(renewed, kept)
    deleteSignal(renewed, doomed)

    carryOver(renewed, old, offline)

    const signals = readBoard(renewed).signals
    expect(signals.has(kept)).toBe(false)
    expect(signals.get(doomed)?.title).toBe('Four-day week everywhere')
  })

  it('replaces a story body written offline, and writes nothing for a copy with no changes', () => {
    const { old, renewed, offline, story } = renewal()
    const updates: Uint8Array[] = []
    renewed.on('update', (update: Uint8Array) => updates.push(update))
    expect(carryOver(renewed, old, copy(old))).toBe(0)
    expect(updates).toEqual([])

    const body = getStoryBody(offline, story.storyId)!
    body.insert(0, [new Y.XmlElement('paragraph')])
    ;(body.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Aino wakes up in a quiet town.')])
    carryOver(renewed, old, offline)
    expect(getStoryBody(renewed, story.storyId)!.toString()).toBe(body.toString())
  })
})

describe('carryOver, done twice (a tab closed before the first was stored)', () => {
  it('leaves a record it carried over before as others have changed it since', () => {
    const old = new Y.Doc()
    const renewed = new Y.Doc()
    const offline = copy(old)
    const added = addSignal(offline, { title: 'Library of things', description: 'Drills and tents' }, anna)
    carryOver(renewed, old, offline)
    updateSignal(renewed, added, { description: 'Drills, tents and sewing machines' })

    const updates: Uint8Array[] = []
    renewed.on('update', (update: Uint8Array) => updates.push(update))
    expect(carryOver(renewed, old, offline)).toBe(0)
    expect(updates).toEqual([])
    expect(readBoard(renewed).signals.get(added)).toMatchObject({ title: 'Library of things', description: 'Drills, tents and sewing machines' })
  })

  it('adds its entries to a map someone else made since, and changes none of theirs', () => {
    const old = new Y.Doc()
    const offline = copy(old)
    offline.getMap('votes').set('round-1', new Y.Map([['anna', 3]]))
    const renewed = new Y.Doc()
    renewed.getMap('votes').set('round-1', new Y.Map([['ben', 2]]))

    expect(carryOver(renewed, old, offline)).toBe(1)
    expect(renewed.getMap('votes').toJSON()).toEqual({ 'round-1': { anna: 3, ben: 2 } })
  })

  it('merges a story written offline with what others wrote in it since', () => {
    const old = new Y.Doc()
    const story = createStory(old, { title: 'Aino, 2040' }, anna)
    const write = (doc: Y.Doc, text: string) => {
      const body = getStoryBody(doc, story.storyId)!
      body.insert(body.length, [new Y.XmlElement('paragraph')])
      ;(body.get(body.length - 1) as Y.XmlElement).insert(0, [new Y.XmlText(text)])
    }
    write(old, 'Aino wakes up.')
    const renewed = new Y.Doc()
    restoreDoc(renewed, old)
    const offline = copy(old)
    write(offline, 'The tram is quiet.')
    write(renewed, 'Her robot makes coffee.')

    carryOver(renewed, old, offline)
    const paragraphs = getStoryBody(renewed, story.storyId)!
      .toArray()
      .map((paragraph) => (paragraph as Y.XmlElement).get(0)!.toString())
    expect(paragraphs[0]).toBe('Aino wakes up.')
    expect(paragraphs.slice(1).sort()).toEqual(['Her robot makes coffee.', 'The tram is quiet.'])
  })
})
