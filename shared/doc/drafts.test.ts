import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, deleteSignal, updateSignal } from './commands/signals'
import { countDraft, initDraft, revealDrafts, revealLeftovers } from './drafts'
import { readDraft } from './read'
import { anna, ben, newBoard, readValid } from './testing/fixtures'

function draftOf(owner: { participantId: string }, name: string, titles: string[]): Y.Doc {
  const draft = new Y.Doc()
  initDraft(draft, { participantId: owner.participantId, name })
  for (const title of titles) addSignal(draft, { title }, owner)
  return draft
}

describe('private drafts', () => {
  it('counts a draft’s cards for the room without revealing them', () => {
    const draft = draftOf(anna, 'Anna', ['one', 'two', 'three'])
    expect(countDraft(draft)).toEqual({ participantId: anna.participantId, name: 'Anna', count: 3 })
    expect(countDraft(new Y.Doc())).toBeNull()
  })

  it('reveals every draft card onto the board under its own id, and empties the drafts', () => {
    const board = newBoard()
    addSignal(board, { title: 'already public' }, ben)
    const drafts = [draftOf(anna, 'Anna', ['a1', 'a2']), draftOf(ben, 'Ben', ['b1'])]
    const ids = drafts.flatMap((draft) => [...readDraft(draft).signals.keys()])
    expect(revealDrafts(board, drafts)).toBe(3)
    const signals = readValid(board).signals
    expect(signals.size).toBe(4)
    for (const id of ids) expect(signals.has(id)).toBe(true)
    expect(signals.get(ids[0] as string)?.authorId).toBe(anna.participantId)
    for (const draft of drafts) expect(countDraft(draft)?.count).toBe(0)
  })

  it('is idempotent: revealing again (or after a crash mid-way) duplicates nothing and keeps edits', () => {
    const board = newBoard()
    const draft = draftOf(anna, 'Anna', ['a1'])
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(draft)) // the draft as it was before the first reveal
    revealDrafts(board, [draft])
    const [id] = [...readValid(board).signals.keys()] as [string]
    updateSignal(board, id, { title: 'edited on the board' })
    expect(revealDrafts(board, [draft])).toBe(0)
    expect(revealDrafts(board, [copy])).toBe(0)
    const signals = readValid(board).signals
    expect(signals.size).toBe(1)
    expect(signals.get(id)?.title).toBe('edited on the board')
  })

  it("moves a device's leftovers after the round: a card the board never had, not one the reveal brought and someone deleted", () => {
    const board = newBoard()
    const draft = draftOf(anna, 'Anna', ['revealed, then deleted'])
    // This device's copy of the draft, offline while the server revealed it.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(draft))
    revealDrafts(board, [draft])
    const [revealed] = [...readValid(board).signals.keys()] as [string]
    deleteSignal(board, revealed)
    addSignal(offline, { title: 'written offline' }, anna)

    expect(revealLeftovers(board, offline, 'device')).toBe(1)
    expect([...readValid(board).signals.values()].map((signal) => signal.title)).toEqual(['written offline'])
    expect(countDraft(offline)?.count).toBe(0)
  })
})
