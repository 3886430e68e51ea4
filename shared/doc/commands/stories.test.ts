import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { anna, ben, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { joinAsParticipant, setParticipantName, setReady } from './people'
import { createStory, deleteStory, earlierStartOf, getStoryBody, storyBodyText, untouchedStoryOf, updatePersona, updateStory } from './stories'

describe('stories and personas', () => {
  it('creates a story with its persona and an empty body', () => {
    const doc = newBoard()
    const { storyId, personaId } = createStory(
      doc,
      { title: 'A Tuesday in 2040', trendIds: ['trend-00000000000001'], persona: { name: 'Aino', age: 78 } },
      anna,
    )
    const board = readValid(doc)
    expect(board.stories.get(storyId)).toMatchObject({ title: 'A Tuesday in 2040', personaId, trendIds: ['trend-00000000000001'], groupId: null })
    expect(board.personas.get(personaId)).toMatchObject({ storyId, name: 'Aino', age: 78, needs: '' })

    const body = getStoryBody(doc, storyId)
    expect(body).toBeInstanceOf(Y.XmlFragment)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Aino wakes at seven.')])
    body?.insert(0, [paragraph])
    expect(storyBodyText(body as Y.XmlFragment)).toBe('Aino wakes at seven.')

    updateStory(doc, storyId, { signalIds: ['sig-000000000000000001'] })
    expect(readValid(doc).stories.get(storyId)?.signalIds).toEqual(['sig-000000000000000001'])
    deleteStory(doc, storyId)
    expect(readValid(doc).personas.size).toBe(0)
    expect(getStoryBody(doc, storyId)).toBeNull()
  })

  it('finds the empty story a person started, until anyone writes anything in it', () => {
    const doc = newBoard()
    const groupId = 'group-0000000000000001'
    const { storyId } = createStory(doc, { title: '', groupId, persona: {} }, anna)
    expect(untouchedStoryOf(doc, anna.participantId, groupId)).toBe(storyId)
    // Not someone else's, nor one for another group (or for the whole room).
    expect(untouchedStoryOf(doc, ben.participantId, groupId)).toBeUndefined()
    expect(untouchedStoryOf(doc, anna.participantId, null)).toBeUndefined()
    // Each thing written makes it a story in progress.
    const written: [string, (doc: Y.Doc, story: { storyId: string; personaId: string }) => void][] = [
      ['a title', (doc, { storyId }) => updateStory(doc, storyId, { title: 'A Tuesday' })],
      ['a trend', (doc, { storyId }) => updateStory(doc, storyId, { trendIds: ['trend-00000000000001'] })],
      ['a persona', (doc, { personaId }) => updatePersona(doc, personaId, { age: 78 })],
      ['text', (doc, { storyId }) => getStoryBody(doc, storyId)!.insert(0, [new Y.XmlElement('paragraph')])],
    ]
    for (const [what, write] of written) {
      const board = newBoard()
      const story = createStory(board, { title: '', groupId, persona: {} }, anna)
      write(board, story)
      expect(untouchedStoryOf(board, anna.participantId, groupId), what).toBeUndefined()
    }
  })

  it('sends a later starter of a group’s first story to the earlier one, on every device, until they have written in theirs', () => {
    const groupId = 'group-0000000000000001'
    const a = newBoard(1)
    const b = new Y.Doc()
    const link = connectDocs(a, b)
    link.hold()
    // Ben presses "Start" for their group a moment after Anna, before either sees the other's.
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] })
    const first = createStory(a, { title: '', groupId, persona: {} }, anna).storyId
    vi.setSystemTime(1_000_400)
    const later = createStory(b, { title: '', groupId, persona: {} }, ben).storyId
    const other = createStory(a, { title: '', groupId: null, persona: {} }, anna).storyId
    vi.useRealTimers()
    link.release()
    for (const doc of [a, b]) {
      expect(earlierStartOf(doc, later)).toBe(first)
      expect(earlierStartOf(doc, first)).toBeUndefined()
      // The whole room's story is another group's matter.
      expect(earlierStartOf(doc, other)).toBeUndefined()
    }
    // Written in, a story is its writer's: nobody is sent away from it.
    updateStory(a, later, { title: 'Our own' })
    expect(earlierStartOf(b, later)).toBeUndefined()
  })

  it('keeps persona fields filled in by two people at once', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    const link = connectDocs(a, b)
    const { personaId } = createStory(a, {}, anna)
    link.hold()
    updatePersona(a, personaId, { needs: 'Company' })
    updatePersona(b, personaId, { household: 'Lives alone' })
    link.release()
    expect(readValid(b).personas.get(personaId)).toMatchObject({ needs: 'Company', household: 'Lives alone' })
  })
})

describe('participants', () => {
  it('joins once per person, renames, and toggles ready', () => {
    const doc = newBoard()
    const joined = joinAsParticipant(doc, anna, 'Anna')
    expect(joined).toMatchObject({ id: anna.participantId, name: 'Anna' })
    expect(joined.color).toMatch(/^#[0-9A-F]{6}$/)
    joinAsParticipant(doc, anna, 'Anna K.')
    expect(readValid(doc).participants.size).toBe(1)
    expect(setParticipantName(doc, anna, 'Anna')).toBe(true)
    expect(setParticipantName(doc, ben, 'Ben')).toBe(false)
    expect(() => joinAsParticipant(doc, ben, '   ')).toThrow()
    setReady(doc, 'stage-000000000000001', true, anna)
    setReady(doc, 'stage-000000000000001', false, anna)
    expect([...readValid(doc).ready.values()]).toEqual([{ stageId: 'stage-000000000000001', participantId: anna.participantId, ready: false }])
  })
})
