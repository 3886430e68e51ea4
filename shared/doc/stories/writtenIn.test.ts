import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createStory, deleteStory, getStoryBody, updatePersona, updateStory } from '../commands/stories'
import { storiesWrittenIn } from './writtenIn'

const me = { participantId: 'p-writer-000000000000' }

/** The stories each transaction of `write` wrote in. */
function writtenBy(doc: Y.Doc, write: () => void): string[][] {
  const seen: string[][] = []
  const record = (transaction: Y.Transaction) => seen.push([...storiesWrittenIn(doc, transaction)].sort())
  doc.on('afterTransaction', record)
  write()
  doc.off('afterTransaction', record)
  return seen
}

describe('storiesWrittenIn', () => {
  it('names the story whose text, title or persona a transaction changed, and only that one', () => {
    const doc = new Y.Doc()
    const a = createStory(doc, { title: 'A' }, me)
    const b = createStory(doc, { title: 'B' }, me)
    const paragraph = new Y.XmlElement('paragraph')
    expect(
      writtenBy(doc, () => {
        getStoryBody(doc, a.storyId)!.push([paragraph])
        paragraph.insert(0, [new Y.XmlText('Aino wakes.')])
        updateStory(doc, b.storyId, { title: 'B again' })
        updatePersona(doc, b.personaId, { name: 'Veikko' })
        getStoryBody(doc, a.storyId)!.delete(0, 1)
      }),
    ).toEqual([[a.storyId], [a.storyId], [b.storyId], [b.storyId], [a.storyId]])
  })

  it('names a story created or deleted, and nothing for other records', () => {
    const doc = new Y.Doc()
    let created = ''
    expect(writtenBy(doc, () => (created = createStory(doc, { title: 'A' }, me).storyId))).toEqual([[created]])
    expect(writtenBy(doc, () => deleteStory(doc, created))).toEqual([[created]])
    expect(writtenBy(doc, () => doc.getMap('signals').set('s', new Y.Map()))).toEqual([[]])
  })
})
