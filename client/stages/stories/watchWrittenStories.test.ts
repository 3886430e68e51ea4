import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createStory, deleteStory, getStoryBody, LOCAL_ORIGIN, readBoard, storyBodyText, updateStory } from '../../../shared/doc/index.ts'
import { connectDocs } from '../../../shared/doc/testing/network.ts'
import type { DeletedStory } from './rescueOffers.ts'
import { watchWrittenStories } from './watchWrittenStories.ts'

const me = { participantId: 'p-cowriter-0000000000' }

/** Two devices; mine watches what it wrote in, with the server's confirmation at `confirmed.clock`. */
function twoDevices() {
  const mine = new Y.Doc()
  const theirs = new Y.Doc()
  const link = connectDocs(mine, theirs)
  const confirmed = { clock: 0 }
  const offers: DeletedStory[] = []
  const watch = watchWrittenStories(mine, {
    isLocal: (origin) => origin === LOCAL_ORIGIN,
    confirmedClock: () => confirmed.clock,
    view: (storyId) => {
      const board = readBoard(mine)
      const story = board.stories.get(storyId)
      return story ? { story, persona: board.personas.get(story.personaId) ?? null } : null
    },
    onDeleted: (deleted) => offers.push(deleted),
  })
  /** The server has stored everything this device wrote so far. */
  const confirmAll = () => (confirmed.clock = Y.getState(mine.store, mine.clientID))
  return { mine, theirs, link, offers, watch, confirmAll }
}

/** A paragraph written by this device's person, as its editor would (a local transaction). */
function write(doc: Y.Doc, storyId: string, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    getStoryBody(doc, storyId)!.push([paragraph])
  }, LOCAL_ORIGIN)
}

describe('watchWrittenStories', () => {
  it('offers a story written in here, closed, and deleted elsewhere before the words reached the server', () => {
    const { mine, theirs, link, offers, watch, confirmAll } = twoDevices()
    const { storyId } = createStory(theirs, { title: 'Saturday at the meal ring', persona: { name: 'Veikko' } }, me)
    write(mine, storyId, 'Veikko starts the soup.')
    confirmAll()
    link.hold()
    write(mine, storyId, 'Written offline.')
    deleteStory(theirs, storyId)
    link.release()

    expect(offers).toHaveLength(1)
    expect(offers[0]).toMatchObject({ reason: 'written', story: { id: storyId, title: 'Saturday at the meal ring' }, persona: { name: 'Veikko' } })
    const back = createStory(mine, { title: 'back', body: offers[0]!.body }, me)
    expect(storyBodyText(getStoryBody(theirs, back.storyId)!)).toBe('Veikko starts the soup.\n\nWritten offline.')
    watch.stop()
  })

  it('keeps the title as last seen here, written offline', () => {
    const { mine, theirs, link, offers, confirmAll } = twoDevices()
    const { storyId } = createStory(theirs, { title: '' }, me)
    confirmAll()
    link.hold()
    updateStory(mine, storyId, { title: 'Written offline' })
    deleteStory(theirs, storyId)
    link.release()
    expect(offers.map((o) => o.story.title)).toEqual(['Written offline'])
  })

  it('does not ask when everything written here had reached the server, or nothing was written here', () => {
    const { mine, theirs, offers, confirmAll } = twoDevices()
    const written = createStory(theirs, { title: 'Mine, all stored' }, me)
    const untouched = createStory(theirs, { title: 'Never written in here' }, me)
    write(mine, written.storyId, 'Stored long ago.')
    confirmAll()
    deleteStory(theirs, written.storyId)
    deleteStory(theirs, untouched.storyId)
    expect(offers).toEqual([])
  })

  it('lets a story with nothing in it go without asking', () => {
    const { mine, theirs, link, offers } = twoDevices()
    const { storyId } = createStory(theirs, { title: '' }, me)
    link.hold()
    // Written in here, but only a paragraph with no words in it.
    mine.transact(() => getStoryBody(mine, storyId)!.push([new Y.XmlElement('paragraph')]), LOCAL_ORIGIN)
    deleteStory(theirs, storyId)
    link.release()
    expect(offers).toEqual([])
  })

  it('stops watching', () => {
    const { mine, theirs, link, offers, watch } = twoDevices()
    const { storyId } = createStory(theirs, { title: 'Saturday' }, me)
    link.hold()
    write(mine, storyId, 'Written offline.')
    watch.stop()
    deleteStory(theirs, storyId)
    link.release()
    expect(offers).toEqual([])
  })
})
