import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createStory, deleteStory, getStoryBody } from '../commands/stories'
import { connectDocs } from '../testing/network'
import { watchStoryDeletion, watchStoryDeletions } from './deletedBody'

const me = { participantId: 'p-cowriter-0000000000' }
const them = { participantId: 'p-deleter-00000000000' }

/** A paragraph as the editor writes it: one text, bold stretches as formatting, a chip as an element. */
function paragraph(...parts: (string | { bold: string } | { chip: string })[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  for (const part of parts) {
    if (typeof part === 'string' || 'bold' in part) {
      const text = new Y.XmlText()
      if (typeof part === 'string') text.insert(0, part)
      else text.insert(0, part.bold, { bold: {} })
      element.push([text])
    } else {
      const chip = new Y.XmlElement('citation')
      chip.setAttribute('kind', 'trend')
      chip.setAttribute('refId', part.chip)
      element.push([chip])
    }
  }
  return element
}

describe('copyOfDeletedBody', () => {
  it('keeps what a co-writer wrote offline when someone deleted the story: text, formatting and chips', () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    const link = connectDocs(mine, theirs)
    const { storyId } = createStory(mine, { title: 'Saturday at the meal ring' }, me)
    getStoryBody(mine, storyId)!.push([paragraph('Aino wakes at six. ', { bold: 'The ring' }, ' opens at eight.')])

    // Offline: I write on; meanwhile they delete the story.
    link.hold()
    const body = getStoryBody(mine, storyId)!
    body.push([paragraph('Written offline, cited: ', { chip: 'trend-care-robots-000' })])
    deleteStory(theirs, storyId)
    // Something deleted before that is not brought back.
    const gone = new Y.XmlElement('paragraph')
    gone.insert(0, [new Y.XmlText('deleted long ago')])
    body.push([gone])
    body.delete(2, 1)

    let copied: { body: Y.XmlFragment; size: number } | undefined
    watchStoryDeletion(mine, storyId, (copy) => (copied = copy))
    link.release()
    expect(getStoryBody(mine, storyId)).toBeNull()
    expect(copied?.size).toBe('Aino wakes at six. The ring opens at eight.Written offline, cited: '.length + 1)

    const back = createStory(mine, { title: 'Saturday at the meal ring', body: copied!.body }, me)
    const expected =
      '<paragraph>Aino wakes at six. <bold>The ring</bold> opens at eight.</paragraph>' +
      '<paragraph>Written offline, cited: <citation kind="trend" refId="trend-care-robots-000"></citation></paragraph>'
    expect(getStoryBody(mine, back.storyId)!.toString()).toBe(expected)
    // And everyone gets it back.
    expect(getStoryBody(theirs, back.storyId)!.toString()).toBe(expected)
  })

  it('leaves a deletion made on this device alone: that is its own to undo', () => {
    const doc = new Y.Doc()
    const { storyId } = createStory(doc, { title: 'Mine to delete' }, me)
    getStoryBody(doc, storyId)!.push([paragraph('Some words')])
    const told: unknown[] = []
    const stop = watchStoryDeletion(doc, storyId, (copy) => told.push(copy))
    const other = createStory(doc, { title: 'Another' }, them)
    deleteStory(doc, other.storyId)
    deleteStory(doc, storyId)
    stop()
    expect(told).toEqual([])
  })

  it('copies only the stories asked for: deleting others costs this device nothing', () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    const wanted = createStory(mine, { title: 'Wanted' }, me)
    const other = createStory(mine, { title: 'Not mine' }, them)
    for (const { storyId } of [wanted, other]) getStoryBody(mine, storyId)!.push([paragraph('Some words')])
    connectDocs(mine, theirs)
    const asked: string[] = []
    const copied: string[] = []
    const stop = watchStoryDeletions(
      mine,
      (storyId) => (asked.push(storyId), storyId === wanted.storyId),
      (storyId) => copied.push(storyId),
    )
    theirs.transact(() => {
      deleteStory(theirs, other.storyId)
      deleteStory(theirs, wanted.storyId)
    })
    stop()
    expect(asked.sort()).toEqual([wanted.storyId, other.storyId].sort())
    expect(copied).toEqual([wanted.storyId])
  })
})
