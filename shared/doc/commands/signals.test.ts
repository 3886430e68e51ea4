import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { groupSignals } from '../derive/board'
import { readBoard } from '../read'
import { boardCollection } from '../roots'
import { anna, ben, boardJson, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { addSignal, deleteSignal, mergeSignals, reorderSignal, updateSignal } from './signals'
import { createTrend, moveSignalToTrend } from './trends'

describe('signal commands', () => {
  it('adds a signal with its author, at the end of the wall', () => {
    const doc = newBoard()
    const first = addSignal(doc, { title: '  Care robots in elderly homes ' }, anna)
    const second = addSignal(doc, { title: 'Grandparents on TikTok', category: 'social' }, ben)
    const board = readValid(doc)
    expect(board.signals.get(first)).toMatchObject({ title: 'Care robots in elderly homes', authorId: anna.participantId, authorIds: [anna.participantId] })
    expect(groupSignals(board).unsorted.map((s) => s.id)).toEqual([first, second])
  })

  it('refuses invalid input before touching the document', () => {
    const doc = newBoard()
    expect(() => addSignal(doc, { title: '' }, anna)).toThrow()
    expect(() => addSignal(doc, { title: 'x'.repeat(201) }, anna)).toThrow()
    expect(() => addSignal(doc, { title: 'ok', sourceUrl: 'javascript:alert(1)' }, anna)).toThrow()
    expect(readBoard(doc).signals.size).toBe(0)
  })

  it('normalises source links and edits only the given fields', () => {
    const doc = newBoard()
    const id = addSignal(doc, { title: 'A', sourceUrl: ' https://Example.org/x ' }, anna)
    expect(updateSignal(doc, id, { description: 'more' })).toBe(true)
    expect(readValid(doc).signals.get(id)).toMatchObject({ title: 'A', description: 'more', sourceUrl: 'https://example.org/x' })
    expect(updateSignal(doc, 'missing', { description: 'x' })).toBe(false)
  })

  it('reorders on the wall by fractional index', () => {
    const doc = newBoard()
    const [a, b, c] = ['A', 'B', 'C'].map((title) => addSignal(doc, { title }, anna)) as [string, string, string]
    reorderSignal(doc, c, a)
    expect(groupSignals(readValid(doc)).unsorted.map((s) => s.title)).toEqual(['C', 'A', 'B'])
    reorderSignal(doc, c, null)
    reorderSignal(doc, a, b)
    expect(groupSignals(readValid(doc)).unsorted.map((s) => s.title)).toEqual(['A', 'B', 'C'])
  })

  it('deletes a signal together with its memberships', () => {
    const doc = newBoard()
    const id = addSignal(doc, { title: 'A' }, anna)
    const trend = createTrend(doc, { name: 'T' }, anna)
    moveSignalToTrend(doc, id, null, trend, anna)
    deleteSignal(doc, id)
    const board = readValid(doc)
    expect(board.signals.size).toBe(0)
    expect(board.memberships.size).toBe(0)
  })

  it('skips and reports a stored entry that fails validation', () => {
    const doc = newBoard()
    addSignal(doc, { title: 'fine' }, anna)
    const bad = new Y.Map<unknown>()
    boardCollection(doc, 'signals').set('bad', bad)
    bad.set('title', 42)
    boardCollection(doc, 'signals').set('notamap', 'hello')
    const reports: string[] = []
    const board = readBoard(doc, { onInvalid: (entry) => reports.push(entry.key) })
    expect(board.signals.size).toBe(1)
    expect(reports.sort()).toEqual(['bad', 'notamap'])
  })
})

describe('signals edited concurrently', () => {
  it('keeps concurrent edits of different fields of the same card', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    b.clientID = 2
    const link = connectDocs(a, b)
    const id = addSignal(a, { title: 'Care robots' }, anna)
    link.hold()
    updateSignal(a, id, { description: 'Seen in Turku' })
    updateSignal(b, id, { whyItMatters: 'Staff shortage' })
    link.release()
    expect(readValid(a).signals.get(id)).toMatchObject({ description: 'Seen in Turku', whyItMatters: 'Staff shortage' })
    expect(boardJson(a)).toEqual(boardJson(b))
  })

  it('converges when both edit the same field', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    b.clientID = 2
    const link = connectDocs(a, b)
    const id = addSignal(a, { title: 'Care robots' }, anna)
    link.hold()
    updateSignal(a, id, { title: 'Robots in care' })
    updateSignal(b, id, { title: 'Care robotics' })
    link.release()
    expect(readValid(a).signals.get(id)?.title).toBe(readValid(b).signals.get(id)?.title)
    expect(['Robots in care', 'Care robotics']).toContain(readValid(a).signals.get(id)?.title)
  })
})

describe('mergeSignals', () => {
  it('keeps both authors, both sources, and the dropped card’s trends', () => {
    const doc = newBoard()
    const keep = addSignal(doc, { title: 'Care robots', sourceUrl: 'https://a.example/1', description: 'In Turku' }, anna)
    const drop = addSignal(doc, { title: 'Robots in care homes', sourceUrl: 'https://b.example/2', description: 'In Oulu', category: 'technological' }, ben)
    const trend = createTrend(doc, { name: 'Automation of care' }, anna)
    moveSignalToTrend(doc, drop, null, trend, ben)

    expect(mergeSignals(doc, keep, drop, anna)).toBe(true)
    const board = readValid(doc)
    const kept = board.signals.get(keep)
    expect(board.signals.has(drop)).toBe(false)
    expect(kept?.authorIds).toEqual([anna.participantId, ben.participantId].sort())
    expect(kept?.sourceUrl).toBe('https://a.example/1') // the kept card's own link stays primary
    expect(kept?.sources).toEqual(['https://b.example/2'])
    expect(kept?.description).toBe('In Turku\n\nIn Oulu')
    expect(kept?.category).toBe('technological')
    expect(groupSignals(board).trends[0]?.signals.map((s) => s.id)).toEqual([keep])
  })

  it('refuses to merge a card into itself or a missing card', () => {
    const doc = newBoard()
    const id = addSignal(doc, { title: 'A' }, anna)
    expect(mergeSignals(doc, id, id, anna)).toBe(false)
    expect(mergeSignals(doc, id, 'missing', anna)).toBe(false)
    expect(readValid(doc).signals.size).toBe(1)
  })

  it('keeps every author when two duplicates are merged into one card concurrently', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    b.clientID = 2
    const link = connectDocs(a, b)
    const keep = addSignal(a, { title: 'Keep' }, anna)
    const dupA = addSignal(a, { title: 'Dup A', sourceUrl: 'https://a.example' }, ben)
    const dupB = addSignal(b, { title: 'Dup B', sourceUrl: 'https://b.example' }, { participantId: 'cai-00000000000000000' })
    link.hold()
    mergeSignals(a, keep, dupA, anna)
    mergeSignals(b, keep, dupB, anna)
    link.release()
    const kept = readValid(a).signals.get(keep)
    expect(kept?.authorIds).toEqual([anna.participantId, ben.participantId, 'cai-00000000000000000'].sort())
    expect(kept?.sources).toEqual(['https://a.example/', 'https://b.example/'])
    expect(boardJson(a)).toEqual(boardJson(b))
  })
})

describe('mergeIntoSignal ("Merge into it" while writing)', () => {
  it('adds the writer as an author and their words and link to the card, losing nothing', async () => {
    const { mergeIntoSignal } = await import('./signals')
    const board = newBoard()
    const id = addSignal(board, { title: 'Neighbours share a care app', description: 'shopping runs', sourceUrl: 'https://example.org/a' }, anna)
    expect(
      mergeIntoSignal(
        board,
        id,
        { title: 'Naapurit jakavat hoivasovelluksen', description: 'taloyhtiön whatsapp', sourceUrl: 'https://example.org/b', category: 'social' },
        ben,
      ),
    ).toBe(true)
    const card = readValid(board).signals.get(id)!
    expect(card.title).toBe('Neighbours share a care app')
    expect(card.description).toBe('shopping runs\n\nNaapurit jakavat hoivasovelluksen: taloyhtiön whatsapp')
    expect(card.authorIds).toEqual([anna.participantId, ben.participantId].sort())
    expect(card.sources).toEqual(['https://example.org/b'])
    expect(card.category).toBe('social')
    expect(mergeIntoSignal(board, 'gone-00000000000000000', { title: 'x' }, ben)).toBe(false)
  })
})
