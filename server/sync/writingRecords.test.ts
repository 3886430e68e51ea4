import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSignal,
  addTakeaway,
  addWheelNode,
  createStory,
  createTrend,
  getStoryBody,
  joinAsParticipant,
  moveSignalToTrend,
  placeAssessment,
  togglePlusOne,
  updateSignal,
} from '../../shared/doc/index.ts'
import { randomId } from '../../shared/util/ids.ts'
import { splitUpdate } from '../../shared/doc/structCount.ts'
import { UPDATE_PIECE_STRUCTS } from '../../shared/protocol.ts'
import { DEFAULT_LIMITS } from '../config.ts'
import { checkUpdate } from './updateGuard.ts'

/**
 * The records a change adds, which the document keeps for good, deleted or not: what a person's
 * writing allowance counts (`WRITE_BURST_PER_PERSON`, `WRITES_PER_MINUTE_PER_PERSON`).
 */

/** The update a fresh writer (`clientID`) sends for `change`. */
function changeFrom(server: Y.Doc, clientID: number, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientID
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

/** A person's replica of `server`: each change it makes is checked, counted and applied there. */
function replicaOf(server: Y.Doc, clientID: number, writer = { role: 'participant' as const, participantId: randomId() }) {
  const doc = new Y.Doc()
  doc.clientID = clientID
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  let records = 0
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === server) return
    const verdict = checkUpdate(server, 'board', update, undefined, writer)
    if (!verdict.ok) throw new Error(verdict.reason)
    records += verdict.records
    Y.applyUpdate(server, update)
  })
  return {
    doc,
    me: { participantId: writer.participantId },
    /** Records the change `act` makes adds, once it is applied on the server. */
    adds(act: () => void): number {
      const before = records
      act()
      return records - before
    },
    /** Takes in what others wrote since. */
    catchUp: () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), server),
  }
}

/**
 * An update as an attacker writes it: letters (`client`, `clock`) with the origins it chooses, in a
 * text of the document (`parent`, for a letter with neither origin), and deletions of its own.
 */
function crafted(
  letters: { client: number; clock: number; origin?: Y.ID; right?: Y.ID; parent?: Y.ID; text?: string }[],
  deleted: [client: number, clock: number][] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const clients = [...new Set(letters.map((letter) => letter.client))]
  encoding.writeVarUint(encoder.restEncoder, clients.length)
  for (const client of clients) {
    const own = letters.filter((letter) => letter.client === client)
    encoding.writeVarUint(encoder.restEncoder, own.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, own[0]!.clock)
    for (const { clock, origin = null, right = null, parent, text = 'a' } of own) {
      const item = new Y.Item(Y.createID(client, clock), null, origin, null, right, (parent ?? null) as never, null, new Y.ContentString(text))
      if (parent) (item as unknown as { parent: Y.ID }).parent = parent
      item.write(encoder, 0)
    }
  }
  encoding.writeVarUint(encoder.restEncoder, deleted.length === 0 ? 0 : 1)
  if (deleted.length > 0) {
    encoding.writeVarUint(encoder.restEncoder, deleted[0]![0])
    encoding.writeVarUint(encoder.restEncoder, deleted.length)
    for (const [, clock] of deleted) {
      encoding.writeVarUint(encoder.restEncoder, clock)
      encoding.writeVarUint(encoder.restEncoder, 1)
    }
  }
  return encoder.toUint8Array()
}

/**
 * A server's board with an empty text: where crafted letters go (`parent`), each update checked,
 * counted and applied (`charge`: the records it adds), and how many structs writer 7 has there.
 */
function noteOnServer() {
  const server = new Y.Doc()
  server.getMap('signals').set('note', new Y.Text())
  const text = server.getMap('signals').get('note') as Y.Text
  const charge = (update: Uint8Array) => {
    const verdict = checkUpdate(server, 'board', update)
    if (!verdict.ok) throw new Error(verdict.reason)
    Y.applyUpdate(server, update)
    return verdict.records
  }
  return { text, parent: text._item!.id, charge, structs: () => server.store.clients.get(7)?.length ?? 0 }
}

describe('the records a change adds', () => {
  it('typing on adds nothing after the first letter; typing inside a word adds one for the split', () => {
    const server = new Y.Doc()
    const anna = replicaOf(server, 1)
    const text = () => anna.doc.getMap('signals').get('note') as Y.Text
    // A writer's first change adds its run header too (two records), then only what it writes.
    expect(anna.adds(() => anna.doc.getMap('signals').set('note', new Y.Text()))).toBe(3)
    expect(anna.adds(() => text().insert(0, 'W'))).toBe(1)
    for (const letter of 'eak signals') expect(anna.adds(() => text().insert(text().length, letter))).toBe(0)
    // Inside "Weak": the new letter, and the word split in two.
    expect(anna.adds(() => text().insert(2, 'x'))).toBe(2)
    // Deleting it again splits nothing (it is an item of its own); a letter inside a word, twice.
    expect(anna.adds(() => text().delete(2, 1))).toBe(0)
    expect(anna.adds(() => text().delete(5, 1))).toBe(2)
  })

  it('a value set again adds one, by anyone (Yjs never merges the live value into the deleted one)', () => {
    const server = new Y.Doc()
    const anna = replicaOf(server, 1)
    const ben = replicaOf(server, 2)
    // Each writer's first change adds its run header too: two records.
    expect(anna.adds(() => anna.doc.getMap('signals').set('x', 1))).toBe(3)
    expect(anna.adds(() => anna.doc.getMap('signals').set('x', 2))).toBe(1)
    ben.catchUp()
    expect(ben.adds(() => ben.doc.getMap('signals').set('x', 3))).toBe(3)
    expect(ben.adds(() => ben.doc.getMap('signals').set('x', 4))).toBe(1)
    // Three keys set in turn, ten times: each value follows that key's last, three writes back,
    // and Yjs keeps all thirty apart (the tombstones of the attack, a few hundred keys wide).
    const turns = anna.adds(() => {
      for (let round = 0; round < 10; round++) anna.doc.transact(() => ['a', 'b', 'c'].forEach((key) => anna.doc.getMap('signals').set(key, round)))
    })
    expect(turns).toBe(30)
  })

  it("counts a letter after the writer's own last one when it goes before another neighbour (Yjs keeps them apart)", () => {
    const server = new Y.Doc()
    const anna = replicaOf(server, 1)
    const ben = replicaOf(server, 2)
    const text = (doc: Y.Doc) => doc.getMap('signals').get('note') as Y.Text
    anna.adds(() => anna.doc.getMap('signals').set('note', new Y.Text('ac')))
    ben.catchUp()
    expect(anna.adds(() => text(anna.doc).insert(1, 'b'))).toBe(2)
    // Ben types right after Anna's "b"; Anna sees it and types between the two.
    ben.catchUp()
    ben.adds(() => text(ben.doc).insert(2, 'B'))
    anna.catchUp()
    expect(anna.adds(() => text(anna.doc).insert(2, 'b'))).toBe(1)
    expect(text(server).toString()).toBe('abbBc')
  })

  it('counts what an update claims goes on from its last letter but Yjs keeps apart', () => {
    const { text, parent, charge, structs } = noteOnServer()
    // A letter, then one going on from it but deleted with the update: Yjs never merges a deleted
    // item into a live one, so both are kept, and both are counted (with writer 7's run header).
    expect(
      charge(
        crafted(
          [
            { client: 7, clock: 0, parent },
            { client: 7, clock: 1, origin: Y.createID(7, 0) },
          ],
          [[7, 1]],
        ),
      ),
    ).toBe(4)
    expect(structs()).toBe(2)
    // A live letter going on from that deleted one: kept apart again, counted again.
    expect(charge(crafted([{ client: 7, clock: 2, origin: Y.createID(7, 1) }]))).toBe(1)
    expect(structs()).toBe(3)
    // Two letters from clock 2, which the document holds, claiming to go on from clock 1: Yjs
    // places the new one after clock 2 instead, whatever was claimed. Counted, never believed.
    expect(charge(crafted([{ client: 7, clock: 2, origin: Y.createID(7, 1), text: 'aa' }]))).toBe(1)
    expect(text.length).toBe(3)
  })

  it('counts a letter claiming to go on from its last one when another lies between them or may land there', () => {
    const { parent, charge, structs } = noteOnServer()
    expect(charge(crafted([{ client: 7, clock: 0, parent }]))).toBe(3)
    // Writer 5 puts a letter right after it; writer 7 then claims to go on from its own, before
    // nothing: Yjs places it after 5's (the higher writer id goes second) and keeps it apart.
    charge(crafted([{ client: 5, clock: 0, origin: Y.createID(7, 0) }]))
    expect(charge(crafted([{ client: 7, clock: 1, origin: Y.createID(7, 0) }]))).toBe(1)
    expect(structs()).toBe(2)
    // One update, two letters after 7's last: only one can sit right after it. Both counted.
    expect(
      charge(
        crafted([
          { client: 5, clock: 1, origin: Y.createID(7, 1) },
          { client: 7, clock: 2, origin: Y.createID(7, 1) },
        ]),
      ),
    ).toBe(2)
    expect(structs()).toBe(3)
    // One update, a letter of writer 9 naming 7's next letter as its right neighbour (and no
    // origin): scanning from the start, it lands between 7's last and that letter. Both counted,
    // and writer 9's run header.
    expect(
      charge(
        crafted([
          { client: 9, clock: 0, right: Y.createID(7, 3), parent },
          { client: 7, clock: 3, origin: Y.createID(7, 2) },
        ]),
      ),
    ).toBe(4)
    expect(structs()).toBe(4)
    // Nothing between: the letter goes on from 7's last, and Yjs merges it.
    expect(charge(crafted([{ client: 7, clock: 4, origin: Y.createID(7, 3) }]))).toBe(0)
    expect(structs()).toBe(4)
  })

  it("counts the content new structs bring, in UTF-8 bytes: strings, values, an element's name, a sub-document's id", () => {
    const server = new Y.Doc()
    const bytesOf = (clientID: number, change: (doc: Y.Doc) => void) => {
      const verdict = checkUpdate(server, 'board', changeFrom(server, clientID, change))
      return verdict.ok ? verdict.bytes : Number.NaN
    }
    expect(bytesOf(1, (doc) => doc.getMap('signals').set('k', 'x'.repeat(1_000)))).toBe(1_000)
    // Two and three bytes a letter, as Yjs stores them.
    expect(bytesOf(2, (doc) => doc.getMap('signals').set('k', 'ä'.repeat(100) + '字'.repeat(100)))).toBe(500)
    expect(bytesOf(3, (doc) => doc.getMap('signals').set('k', { title: 'abc', tags: ['de', 'f'], n: 1 }))).toBe(5 + 3 + 4 + 3 + 1 + 8)
    expect(bytesOf(4, (doc) => doc.getMap('storyBodies').set('k', new Y.XmlElement('p'.repeat(5_000))))).toBe(5_000)
    expect(bytesOf(5, (doc) => doc.getMap('signals').set('k', new Y.Doc({ guid: 'g'.repeat(5_000) })))).toBe(5_000)
    // Sent again, nothing new: nothing counted.
    const again = changeFrom(server, 6, (doc) => doc.getMap('signals').set('again', 'x'.repeat(100)))
    Y.applyUpdate(server, again)
    expect(checkUpdate(server, 'board', again)).toMatchObject({ ok: true, bytes: 0 })
  })

  it("refuses a live writer's map keys over 128 characters (Yjs keeps a key for good), writer ids and clocks over 32 bits", () => {
    const server = new Y.Doc()
    const writer = { role: 'participant' as const, participantId: randomId() }
    const longKey = changeFrom(server, 1, (doc) => doc.getMap('signals').set('k'.repeat(129), 1))
    expect(checkUpdate(server, 'board', longKey, undefined, writer)).toEqual({ ok: false, reason: 'a map key over 128 characters' })
    const wideWriter = changeFrom(server, 2 ** 40, (doc) => doc.getMap('signals').set('k', 1))
    expect(checkUpdate(server, 'board', wideWriter, undefined, writer)).toEqual({ ok: false, reason: 'a writer id over 32 bits' })
    const farClock = crafted([{ client: 4, clock: 2 ** 32, parent: Y.createID(1, 0) }])
    expect(checkUpdate(server, 'board', farClock, undefined, writer)).toEqual({ ok: false, reason: 'a clock over 32 bits' })
    // A key of an id's length is stored with its value: a record more for each 16 characters (and
    // two for the new writer's run header).
    const idKey = changeFrom(server, 3, (doc) => doc.getMap('signals').set('k'.repeat(32), 1))
    expect(checkUpdate(server, 'board', idKey, undefined, writer)).toMatchObject({ ok: true, records: 5 })
    // A stored row is never refused for them: it would drop a whole board at its next load.
    expect(checkUpdate(server, 'board', longKey)).toMatchObject({ ok: true })
  })

  it('a deletion of a thousand scattered letters, refused whole, goes in pieces the allowance admits', () => {
    const server = new Y.Doc()
    const anna = replicaOf(server, 1)
    const text = new Y.Text()
    anna.adds(() => anna.doc.getMap('signals').set('story', text))
    anna.adds(() => text.insert(0, 'ab'.repeat(1_000)))
    // Offline, every "b" taken out: each deletion cuts the one long item twice.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(offline)
    const story = offline.getMap('signals').get('story') as Y.Text
    for (let at = story.length - 1; at >= 0; at -= 2) story.delete(at, 1)
    const whole = Y.encodeStateAsUpdate(offline, before)
    const most = DEFAULT_LIMITS.writeBurstPerPerson + UPDATE_PIECE_STRUCTS
    // Whole, it adds more than a person may ever owe: refused for good (4400).
    const verdict = checkUpdate(server, 'board', whole)
    expect(verdict.ok && verdict.records).toBeGreaterThan(most)
    const pieces = splitUpdate(whole, UPDATE_PIECE_STRUCTS)
    expect(pieces.length).toBe(3)
    for (const piece of pieces) {
      const verdict = checkUpdate(server, 'board', piece)
      if (!verdict.ok) throw new Error(verdict.reason)
      // Two cuts for each of at most 400 ranges: within what a person may owe, never refused for good.
      expect(verdict.records).toBeLessThanOrEqual(2 * UPDATE_PIECE_STRUCTS)
      Y.applyUpdate(server, piece)
    }
    expect((server.getMap('signals').get('story') as Y.Text).toString()).toBe('a'.repeat(1_000))
  })

  it("a busy participant's whole workshop adds 700–800: within the allowance's burst", () => {
    const server = new Y.Doc()
    const facilitator = replicaOf(server, 1, { role: 'facilitator' as never, participantId: randomId() })
    const trends = Array.from({ length: 8 }, (_, i) => createTrend(facilitator.doc, { name: `Trend ${i}` }, facilitator.me))
    const { storyId } = createStory(facilitator.doc, { title: 'A Tuesday in 2040', trendIds: [trends[0]!] }, facilitator.me)
    const aino = replicaOf(server, 2)
    const { doc, me } = aino
    const steps = {
      join: aino.adds(() => joinAsParticipant(doc, me, 'Aino')),
      '10 signals': aino.adds(() => {
        for (let i = 0; i < 10; i++) addSignal(doc, { title: `Signal ${i}`, description: `What was seen, ${i}` }, me)
      }),
      '10 edits': aino.adds(() => {
        const [first] = [...(doc.getMap('signals').keys() as Iterable<string>)]
        for (let i = 0; i < 10; i++) updateSignal(doc, first!, { title: `Edited ${i}` })
      }),
      '30 moves': aino.adds(() => {
        const signals = [...(doc.getMap('signals').keys() as Iterable<string>)]
        for (let round = 0; round < 3; round++)
          signals.forEach((id, i) => moveSignalToTrend(doc, id, round === 0 ? null : trends[(i + round - 1) % 8]!, trends[(i + round) % 8]!, me))
      }),
      '8 assessments': aino.adds(() => trends.forEach((trendId) => placeAssessment(doc, { trendId, impact: 3, uncertainty: 2 }, me))),
      '5 consequences': aino.adds(() => {
        for (let i = 0; i < 5; i++) addWheelNode(doc, { trendId: trends[0]!, parentId: null, text: `Consequence ${i}` }, me)
      }),
      '2,000 letters of a story': aino.adds(() => {
        aino.catchUp()
        const body = getStoryBody(doc, storyId)!
        const paragraph = new Y.XmlElement('paragraph')
        const text = new Y.XmlText()
        doc.transact(() => {
          body.push([paragraph])
          paragraph.push([text])
        })
        // Now and then back to the middle, now and then a letter taken back.
        let at = 0
        for (let i = 0; i < 2_000; i++) {
          if (i % 40 === 39) at = Math.floor(text.length / 2)
          if (i % 20 === 19 && at > 0) text.delete(--at, 1)
          else text.insert(at++, 'a')
        }
      }),
      '3 takeaways, 5 +1s': aino.adds(() => {
        const takeaways = Array.from({ length: 3 }, (_, i) => addTakeaway(doc, { text: `Takeaway ${i}` }, me))
        for (let i = 0; i < 5; i++) togglePlusOne(doc, takeaways[i % 3]!, me)
      }),
    }
    const total = Object.values(steps).reduce((sum, records) => sum + records, 0)
    console.log(`records of a busy participant's workshop: ${JSON.stringify(steps)}, ${total} in all`)
    expect(total).toBeGreaterThan(600)
    expect(total).toBeLessThanOrEqual(DEFAULT_LIMITS.writeBurstPerPerson)
  })
})
