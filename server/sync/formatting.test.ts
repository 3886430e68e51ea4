import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_ROOTS } from '../../shared/doc/roots.ts'
import { checkUpdate } from './updateGuard.ts'

/**
 * Yjs tidies formatting after every remote change to a formatted text (see formatting.ts): a
 * small update can make that cost seconds. Stories are the board's formatted texts, kept as the
 * editor keeps them: a fragment of paragraphs, each an element holding one formatted text.
 */
const FACILITATOR = { role: 'facilitator', participantId: null } as const

/** A board with one story per id, each a paragraph starting with a bold title. */
function boardWithStories(...ids: string[]): Y.Doc {
  const doc = new Y.Doc()
  for (const id of ids) addStory(doc, id, { bold: {} })
  return doc
}

function addStory(doc: Y.Doc, id: string, titleMarks: Record<string, unknown>): void {
  const paragraph = new Y.XmlElement('paragraph')
  const body = new Y.XmlFragment()
  doc.getMap(BOARD_ROOTS.storyBodies).set(id, body)
  body.insert(0, [paragraph])
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  text.insert(0, 'Title', titleMarks)
}

function paragraphText(doc: Y.Doc, id: string): Y.XmlText {
  const body = doc.getMap(BOARD_ROOTS.storyBodies).get(id) as Y.XmlFragment
  return (body.get(0) as Y.XmlElement).get(0) as Y.XmlText
}

/** `count` letters after the title, each typed before the last: as many items, none of which merge. */
function typeBackwards(doc: Y.Doc, id: string, count: number): void {
  const text = paragraphText(doc, id)
  for (let i = 0; i < count; i++) text.insert(5, 'y')
}

/** A client replica's change, as the update it sends. */
function changeOf(server: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
  change(replica)
  return Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))
}

/** One bold mark placed right after `origin`, by a client of its own: what the editor never sends outside a text. */
function boldAfter(origin: Y.ID): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const header of [1, 1, 3_000, 0]) encoding.writeVarUint(encoder, header) // one client, one struct, its id
  encoding.writeUint8(encoder, 6 | 0x80) // formatting, with an origin
  encoding.writeVarUint(encoder, origin.client)
  encoding.writeVarUint(encoder, origin.clock)
  encoding.writeVarString(encoder, 'bold')
  encoding.writeVarString(encoder, '{}')
  encoding.writeVarUint(encoder, 0) // no deletions
  return encoding.toUint8Array(encoder)
}

function check(doc: Y.Doc, update: Uint8Array) {
  return checkUpdate(doc, 'board', update, undefined, FACILITATOR)
}

describe('the update guard against formatting that Yjs would take seconds to tidy', () => {
  it('admits the marks the editor writes and refuses any other key or value', () => {
    const doc = boardWithStories('story')
    const format = (attributes: Record<string, unknown>) => changeOf(doc, (replica) => paragraphText(replica, 'story').format(0, 3, attributes))
    expect(check(doc, format({ italic: {} }))).toMatchObject({ ok: true })
    expect(check(doc, format({ bold: null }))).toMatchObject({ ok: true })
    expect(check(doc, format({ k17: true }))).toMatchObject({ ok: false, reason: 'formatting "k17" is not a story mark' })
    expect(check(doc, format({ link: { href: 'javascript:alert(1)' } }))).toMatchObject({ ok: false })
    expect(check(doc, format({ bold: { weight: 900 } }))).toMatchObject({ ok: false })
    expect(check(doc, format({ italic: 'yes' }))).toMatchObject({ ok: false })
    // Yjs would tidy a story's list of paragraphs as if it were a text.
    const paragraph = (doc.getMap(BOARD_ROOTS.storyBodies).get('story') as Y.XmlFragment).get(0) as Y.XmlElement
    expect(check(doc, boldAfter(paragraph._item!.id))).toEqual({ ok: false, reason: 'formatting outside a text' })
    expect(check(doc, boldAfter(paragraphText(doc, 'story')._item!.id))).toEqual({ ok: false, reason: 'formatting outside a text' })
    const title = paragraphText(doc, 'story')._start!.right!
    expect(check(doc, boldAfter(title.lastId))).toMatchObject({ ok: true })
  })

  it('refuses deleting thousands of separate letters of a formatted text at once; a selection passes', () => {
    const doc = boardWithStories('story')
    typeBackwards(doc, 'story', 3_000)
    const selection = changeOf(doc, (replica) => paragraphText(replica, 'story').delete(1_000, 300))
    expect(check(doc, selection)).toMatchObject({ ok: true })
    // Deleting all 3,000 costs Yjs a walk over the run from each (~9 million steps, 40–80 ms).
    const all = changeOf(doc, (replica) => paragraphText(replica, 'story').delete(5, 3_000))
    expect(check(doc, all)).toMatchObject({ ok: false, reason: expect.stringContaining('formatting cleanup') })
    // The same deletion in a text that never held formatting: Yjs does not tidy it.
    const plain = new Y.Doc()
    addStory(plain, 'plain', {})
    typeBackwards(plain, 'plain', 3_000)
    expect(paragraphText(plain, 'plain')._hasFormatting).toBe(false)
    expect(
      check(
        plain,
        changeOf(plain, (replica) => paragraphText(replica, 'plain').delete(5, 3_000)),
      ),
    ).toMatchObject({ ok: true })
  })

  it('refuses formatting a word in a text of 64,000 separate items (Yjs tidies it whole); a short one passes', () => {
    const doc = boardWithStories('long', 'short')
    typeBackwards(doc, 'long', 64_000)
    typeBackwards(doc, 'short', 2_000)
    const italicLong = changeOf(doc, (replica) => paragraphText(replica, 'long').format(10, 4, { italic: {} }))
    const italicShort = changeOf(doc, (replica) => paragraphText(replica, 'short').format(10, 4, { italic: {} }))
    expect(check(doc, italicShort)).toMatchObject({ ok: true })
    expect(check(doc, italicLong)).toMatchObject({ ok: false, reason: expect.stringContaining('formatting cleanup') })
  })

  it("counts a deleted story's texts when the same update changes another formatted text, and only then", () => {
    const doc = boardWithStories('deleted', 'kept')
    typeBackwards(doc, 'deleted', 3_000)
    const deleteStory = changeOf(doc, (replica) => replica.getMap(BOARD_ROOTS.storyBodies).delete('deleted'))
    expect(check(doc, deleteStory)).toEqual({ ok: true, contention: 0 })
    const deleteAndType = changeOf(doc, (replica) =>
      replica.transact(() => {
        replica.getMap(BOARD_ROOTS.storyBodies).delete('deleted')
        paragraphText(replica, 'kept').insert(5, '!')
      }),
    )
    expect(check(doc, deleteAndType)).toMatchObject({ ok: false, reason: expect.stringContaining('formatting cleanup') })
  })

  it('admits ten people writing one formatted story, each sending what they wrote every few seconds', () => {
    const server = boardWithStories('story')
    const people = Array.from({ length: 10 }, () => {
      const replica = new Y.Doc()
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
      return replica
    })
    let seed = 11
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff
      return seed % n
    }
    const refusals: string[] = []
    for (let action = 0; action < 3_000; action++) {
      const person = random(people.length)
      const replica = people[person]!
      const text = paragraphText(replica, 'story')
      const what = random(100)
      const at = random(text.length + 1)
      // A word, a bold word, a stretch made italic or plain again, a few letters or a sentence deleted.
      if (what < 50) text.insert(at, 'word ')
      else if (what < 60) text.insert(at, 'strong ', { bold: {} })
      else if (what < 75) text.format(at, 1 + random(30), { italic: random(2) ? {} : null })
      else if (what < 95) text.delete(Math.min(at, Math.max(0, text.length - 5)), 1 + random(4))
      else text.delete(Math.max(0, at - 60), Math.min(60, text.length))
      if (action % 10 !== person) continue
      const change = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))
      const verdict = checkUpdate(server, 'board', change, undefined, FACILITATOR)
      if (!verdict.ok) refusals.push(verdict.reason)
      Y.applyUpdate(server, change)
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server, Y.encodeStateVector(replica)))
    }
    expect(refusals).toEqual([])
    expect(paragraphText(server, 'story').length).toBeGreaterThan(3_000)
  })
})
