import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anna, ben, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { joinAsParticipant, setParticipantName, setReady } from './people'
import { createStory, deleteStory, getStoryBody, storyBodyText, updatePersona, updateStory } from './stories'

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
