import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_ROOTS } from '../../shared/doc/roots.ts'
import { checkUpdate } from './updateGuard.ts'

/**
 * Stories are the board's formatted texts, kept as the editor keeps them: a fragment of
 * paragraphs, each an element holding one formatted text. Formatting is only ever the editor's
 * marks, inside a text; Yjs' tidying of it, which a small update could make cost seconds, is off
 * in every document that takes in others' changes (shared/doc/newDoc.ts).
 */
const FACILITATOR = { role: 'facilitator', participantId: null } as const

/** A board with one story per id, each a paragraph starting with a bold title. */
function boardWithStories(...ids: string[]): Y.Doc {
  const doc = new Y.Doc()
  for (const id of ids) {
    const paragraph = new Y.XmlElement('paragraph')
    const body = new Y.XmlFragment()
    doc.getMap(BOARD_ROOTS.storyBodies).set(id, body)
    body.insert(0, [paragraph])
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    text.insert(0, 'Title', { bold: {} })
  }
  return doc
}

function paragraphText(doc: Y.Doc, id: string): Y.XmlText {
  const body = doc.getMap(BOARD_ROOTS.storyBodies).get(id) as Y.XmlFragment
  return (body.get(0) as Y.XmlElement).get(0) as Y.XmlText
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

describe('the update guard and story formatting', () => {
  it('admits the marks the editor writes and refuses any other key or value', () => {
    const doc = boardWithStories('story')
    const format = (attributes: Record<string, unknown>) => changeOf(doc, (replica) => paragraphText(replica, 'story').format(0, 3, attributes))
    expect(check(doc, format({ italic: {} }))).toMatchObject({ ok: true })
    expect(check(doc, format({ bold: null }))).toMatchObject({ ok: true })
    expect(check(doc, format({ k17: true }))).toMatchObject({ ok: false, reason: 'formatting "k17" is not a story mark' })
    expect(check(doc, format({ link: { href: 'javascript:alert(1)' } }))).toMatchObject({ ok: false })
    expect(check(doc, format({ bold: { weight: 900 } }))).toMatchObject({ ok: false })
    expect(check(doc, format({ italic: 'yes' }))).toMatchObject({ ok: false })
    // Marks go inside a text: not into a story's list of paragraphs, nor a paragraph's list.
    const paragraph = (doc.getMap(BOARD_ROOTS.storyBodies).get('story') as Y.XmlFragment).get(0) as Y.XmlElement
    expect(check(doc, boldAfter(paragraph._item!.id))).toEqual({ ok: false, reason: 'formatting outside a text' })
    expect(check(doc, boldAfter(paragraphText(doc, 'story')._item!.id))).toEqual({ ok: false, reason: 'formatting outside a text' })
    const title = paragraphText(doc, 'story')._start!.right!
    expect(check(doc, boldAfter(title.lastId))).toMatchObject({ ok: true })
  })

  it('refuses marks past 5,000 in one paragraph; the next paragraph takes them', () => {
    const doc = boardWithStories('story')
    const text = paragraphText(doc, 'story')
    // 2,498 bold words after the bold title: two marks each (on and off), 4,998 with the title's.
    const boldWords = (count: number) => Array.from({ length: count }, () => [{ insert: ' ' }, { insert: 'strong', attributes: { bold: {} } }]).flat()
    text.applyDelta([{ retain: text.length }, ...boldWords(2_498)])
    const marksHeld = () => {
      let count = 0
      for (let item = text._start; item; item = item.right) if (!item.deleted && item.content instanceof Y.ContentFormat) count++
      return count
    }
    expect(marksHeld()).toBe(4_998)
    const more = (count: number) =>
      changeOf(doc, (replica) => {
        const there = paragraphText(replica, 'story')
        there.applyDelta([{ retain: there.length }, ...boldWords(count)])
      })
    const oneMore = more(1)
    const another = more(2)
    const nextParagraph = changeOf(doc, (replica) => {
      const paragraph = new Y.XmlElement('paragraph')
      ;(replica.getMap(BOARD_ROOTS.storyBodies).get('story') as Y.XmlFragment).push([paragraph])
      const fresh = new Y.XmlText()
      paragraph.insert(0, [fresh])
      fresh.insert(0, 'strong', { bold: {} })
    })
    expect(check(doc, oneMore)).toMatchObject({ ok: true })
    expect(check(doc, another)).toEqual({ ok: false, reason: 'over 5000 formatting marks in one text' })
    expect(check(doc, nextParagraph)).toMatchObject({ ok: true })
  })

  it('admits ten people writing one formatted story, each sending what they wrote every few seconds', () => {
    const server = boardWithStories('story')
    const people = Array.from({ length: 10 }, (_, n) => {
      const replica = new Y.Doc()
      // Fixed ids: Yjs orders concurrent inserts by client id, and the length written depends on it.
      replica.clientID = 1_000 + n
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
