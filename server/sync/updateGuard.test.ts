import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_ROOTS } from '../../shared/doc/roots.ts'
import { STORED_GUARD } from './load/foldProtocol.ts'
import { checkUpdate, DEFAULT_GUARD } from './updateGuard.ts'

/**
 * Updates a participant's key can send that are small and well formed, yet would cost Yjs far
 * more than their size (found in review; each took 0.1–0.9 s to apply): the guard refuses them
 * before they are applied, and still admits the honest edits next to them.
 */
const STORY = 'story-1'

/** The server's document with a story body the test fills, and the body. */
function withStory(): { doc: Y.Doc; body: Y.Text } {
  const doc = new Y.Doc()
  const body = new Y.Text()
  doc.getMap(BOARD_ROOTS.storyBodies).set(STORY, body)
  return { doc, body }
}

/** 9,000 letters typed in turn by two people (clients 1,000 and 1,001): 9,000 structs, each after the last. */
function typeInTurns(doc: Y.Doc, body: Y.Text): void {
  for (let i = 0; i < 9_000; i++) {
    doc.clientID = 1_000 + (i % 2)
    body.insert(body.length, 'y')
  }
}

/** A client replica's change, as the update it sends. */
function changeOf(server: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
  change(replica)
  return Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))
}

/** A client replica's change to the story body, as the update it sends. */
function storyEdit(server: Y.Doc, edit: (story: Y.Text) => void): Uint8Array {
  return changeOf(server, (replica) => edit(replica.getMap(BOARD_ROOTS.storyBodies).get(STORY) as Y.Text))
}

/** An update that only deletes: `ranges` of one client's clocks. */
function deletions(client: number, ranges: { clock: number; len: number }[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, ranges.length)
  for (const { clock, len } of ranges) {
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarUint(encoder, len)
  }
  return encoding.toUint8Array(encoder)
}

/** `count` one-character items with neither a left nor a right neighbour named, in a text or at a map key. */
function unanchored(client: number, count: number, parent: { item: Y.ID } | { root: string; key: string }): Uint8Array {
  return oneClientsItems(client, count, (encoder, i) => {
    if ('item' in parent) {
      encoding.writeUint8(encoder, 4) // a string, parent by id
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, parent.item.client)
      encoding.writeVarUint(encoder, parent.item.clock)
      encoding.writeVarString(encoder, 'x')
    } else {
      encoding.writeUint8(encoder, 8 | 0x20) // a value at a key of a root
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, parent.root)
      encoding.writeVarString(encoder, parent.key)
      encoding.writeVarUint(encoder, 1)
      encoding.writeAny(encoder, i)
    }
  })
}

/** `count` one-character items naming only a right neighbour (`right`), as Yjs writes an insert at a list's start. */
function beforeOnly(client: number, count: number, right: Y.ID): Uint8Array {
  return oneClientsItems(client, count, (encoder) => {
    encoding.writeUint8(encoder, 4 | 64) // a string with a right origin, its parent taken from there
    encoding.writeVarUint(encoder, right.client)
    encoding.writeVarUint(encoder, right.clock)
    encoding.writeVarString(encoder, 'x')
  })
}

/** An update of `count` items of one new client from clock 0, each written by `item`, and no deletions. */
function oneClientsItems(client: number, count: number, item: (encoder: encoding.Encoder, i: number) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, count)
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, 0)
  for (let i = 0; i < count; i++) item(encoder, i)
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** Items of text (one letter unless given), per client from `clock` (0 unless given), each after `origin` and before `right` (null: none named). */
function letters(blocks: { client: number; clock?: number; neighbours: { origin: Y.ID; right: Y.ID | null; text?: string }[] }[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, blocks.length)
  for (const { client, clock = 0, neighbours } of blocks) {
    encoding.writeVarUint(encoder, neighbours.length)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
    for (const { origin, right, text = 'x' } of neighbours) {
      encoding.writeUint8(encoder, 4 | 0x80 | (right ? 0x40 : 0)) // a string after an origin, perhaps before a right neighbour
      encoding.writeVarUint(encoder, origin.client)
      encoding.writeVarUint(encoder, origin.clock)
      if (right) {
        encoding.writeVarUint(encoder, right.client)
        encoding.writeVarUint(encoder, right.clock)
      }
      encoding.writeVarString(encoder, text)
    }
  }
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** The items of a story body, in order. */
function inOrder(body: Y.Text): Y.Item[] {
  const items: Y.Item[] = []
  for (let o = body._start; o !== null; o = o.right) items.push(o)
  return items
}

const check = (doc: Y.Doc, update: Uint8Array) => checkUpdate(doc, 'board', update, { ...DEFAULT_GUARD, maxStructs: 20_000 })

describe('the update guard against deletions and scans that cost more than their size', () => {
  // Four copies of a 270,000-entry document: 8 s on a quiet machine, past 20 s beside CI's other suites.
  it('counts what a deleted or replaced record holds: 250,000 entries are refused however small the update', { timeout: 60_000 }, () => {
    const doc = new Y.Doc()
    const signals = doc.getMap(BOARD_ROOTS.signals)
    const fill = (key: string, entries: number) => {
      const record = new Y.Map()
      signals.set(key, record)
      doc.transact(() => {
        for (let i = 0; i < entries; i++) record.set(`e${i}`, i)
      })
    }
    fill('huge', 250_000)
    fill('large', 20_000)
    const byEntry = changeOf(doc, (replica) => replica.getMap(BOARD_ROOTS.signals).delete('huge'))
    expect(byEntry.byteLength).toBeLessThan(20)
    expect(check(doc, byEntry)).toEqual({ ok: false, reason: 'deletes over 200000 items at once' })
    const replaced = changeOf(doc, (replica) => replica.getMap(BOARD_ROOTS.signals).set('huge', 'gone'))
    expect(check(doc, replaced)).toEqual({ ok: false, reason: 'deletes over 200000 items at once' })
    expect(
      check(
        doc,
        changeOf(doc, (replica) => replica.getMap(BOARD_ROOTS.signals).delete('large')),
      ),
    ).toMatchObject({ ok: true })
    expect(
      check(
        doc,
        changeOf(doc, (replica) => replica.getMap(BOARD_ROOTS.signals).set('large', 'gone')),
      ),
    ).toMatchObject({ ok: true })
  })

  it('refuses a deletion of nothing (it would split the struct it points into)', () => {
    const { doc, body } = withStory()
    body.insert(0, 'a'.repeat(2_000))
    const typist = doc.clientID
    expect(check(doc, deletions(typist, [{ clock: 500, len: 0 }]))).toMatchObject({ ok: false, reason: 'a deletion of nothing' })
    expect(check(doc, deletions(typist, [{ clock: 500, len: 3 }]))).toMatchObject({ ok: true })
  })

  it('refuses deletions out of order, and more splits than a few thousand (each costs Yjs a few µs)', () => {
    const { doc, body } = withStory()
    body.insert(0, 'a'.repeat(20_000))
    const typist = doc.clientID
    expect(
      check(
        doc,
        deletions(typist, [
          { clock: 500, len: 1 },
          { clock: 100, len: 1 },
        ]),
      ),
    ).toMatchObject({ ok: false, reason: 'deletions out of order' })
    expect(
      check(
        doc,
        deletions(typist, [
          { clock: 100, len: 1 },
          { clock: 500, len: 1 },
        ]),
      ),
    ).toMatchObject({ ok: true })
    const everyOtherLetter = Array.from({ length: 6_000 }, (_, i) => ({ clock: 2 * i + 1, len: 1 }))
    expect(check(doc, deletions(typist, everyOtherLetter))).toMatchObject({ ok: false, reason: expect.stringContaining('deletions splitting over') })
  })

  it('refuses deletions that would split a long history thousands of times; a selection deleted passes', () => {
    const { doc, body } = withStory()
    // 20,000 two-letter pieces, each typed before the last: one struct each, never merged.
    for (let i = 0; i < 20_000; i++) body.insert(0, 'ab')
    const typist = doc.clientID
    const everyOther = Array.from({ length: 3_000 }, (_, i) => ({ clock: 4 * i + 1, len: 1 }))
    expect(check(doc, deletions(typist, everyOther))).toMatchObject({ ok: false, reason: expect.stringContaining('splitting over') })
    expect(
      check(
        doc,
        storyEdit(doc, (story) => story.delete(101, 50)),
      ),
    ).toMatchObject({ ok: true })
  })

  it('charges each item placed before a long run of others, not each position once', () => {
    const { doc, body } = withStory()
    typeInTurns(doc, body)
    const bodyId = body._item!.id
    expect(check(doc, unanchored(0x7ffffff0, 64, { item: bodyId }))).toMatchObject({ ok: false, reason: expect.stringContaining('concurrent inserts costing') })
    expect(
      check(
        doc,
        storyEdit(doc, (story) => story.insert(0, 'Once')),
      ),
    ).toMatchObject({ ok: true })
  })

  it('charges an item naming only a right neighbour for every item before that neighbour', () => {
    const { doc, body } = withStory()
    typeInTurns(doc, body)
    const lastLetter = doc.store.clients.get(1_001)!.at(-1)!.id
    expect(check(doc, beforeOnly(0x7ffffff0, 1_024, lastLetter))).toMatchObject({ ok: false })
    // Typing at the very start names the first letter: nothing before it, nothing to scan.
    expect(
      check(
        doc,
        storyEdit(doc, (story) => story.insert(0, 'Once')),
      ),
    ).toMatchObject({ ok: true })

    const signals = doc.getMap(BOARD_ROOTS.signals)
    signals.set('often', 1)
    const current = (signals._map.get('often') as Y.Item).id
    expect(check(doc, beforeOnly(0x7ffffff0, 1, current))).toMatchObject({ ok: false, reason: 'a map value naming only a right neighbour' })
  })

  it('does not count inserts at the start of different texts as writers at one position', () => {
    // 410 page loads (each a new writer), each once typing at the start of a story's own text.
    const doc = new Y.Doc()
    for (let i = 0; i < 410; i++) {
      doc.clientID = 10_000 + 2 * i
      const text = new Y.Text()
      doc.getMap(BOARD_ROOTS.storyBodies).set(`story-${i}`, text)
      text.insert(0, 'Body')
      doc.clientID = 10_001 + 2 * i
      text.insert(0, 'A ')
    }
    expect(checkUpdate(new Y.Doc(), 'board', Y.encodeStateAsUpdate(doc), STORED_GUARD)).toMatchObject({ ok: true })
  })

  it("charges an item without an origin at a map key for all of the key's history", () => {
    const doc = new Y.Doc()
    const signals = doc.getMap(BOARD_ROOTS.signals)
    // 12,000 values of one key, interleaved with another key's so that none merge.
    for (let i = 0; i < 12_000; i++) {
      signals.set('often', i)
      signals.set('also', i)
    }
    expect(check(doc, unanchored(0x7ffffff0, 10, { root: BOARD_ROOTS.signals, key: 'often' }))).toMatchObject({ ok: false })
    expect(
      check(
        doc,
        changeOf(doc, (replica) => replica.getMap(BOARD_ROOTS.signals).set('often', 'changed')),
      ),
    ).toMatchObject({ ok: true })
  })
})

/**
 * Yjs passes, for each new item, what the document and the update itself put at its place before
 * it: items that the guard counted once per place, or stopped counting at the first item's right
 * neighbour, cost Yjs 0.06–0.6 s in 0.3–60 KB (found in review). Each is refused; the honest
 * edits beside them pass.
 */
describe('the update guard against items that scan what the update itself puts in their way', () => {
  const attacker = 0x7ffffff0

  it('charges items after one letter for one another when their right neighbours lie elsewhere', () => {
    const { doc, body } = withStory()
    typeInTurns(doc, body)
    const text = inOrder(body)
    const last = text.at(-1)!.id
    expect(check(doc, letters([{ client: attacker, neighbours: text.slice(0, 1_000).map((far) => ({ origin: last, right: far.id })) }]))).toMatchObject({
      ok: false,
    })
    // Offline, typing at one spot 300 times, each time before what was typed there last.
    expect(
      check(
        doc,
        storyEdit(doc, (story) => {
          for (let i = 0; i < 300; i++) story.insert(100, 'ab')
        }),
      ),
    ).toMatchObject({ ok: true })
  })

  it("charges each item at a place for its own right neighbour, not the first one's", () => {
    const { doc, body } = withStory()
    typeInTurns(doc, body)
    const [first, second] = inOrder(body)
    // The first names the letter right after: nothing to pass. The rest name none: all 9,000.
    const neighbours = Array.from({ length: 64 }, (_, i) => ({ origin: first!.id, right: i === 0 ? second!.id : null }))
    expect(check(doc, letters([{ client: attacker, neighbours }]))).toMatchObject({ ok: false })
  })

  it('charges an item after a letter inside a piece for the rest of the piece and all after it', () => {
    const { doc, body } = withStory()
    for (let i = 0; i < 4_500; i++) {
      doc.clientID = 1_000 + (i % 2)
      body.insert(body.length, 'ab')
    }
    const pieces = inOrder(body)
    expect(check(doc, letters([{ client: attacker, neighbours: pieces.slice(0, 50).map((piece) => ({ origin: piece.id, right: null })) }]))).toMatchObject({
      ok: false,
    })
    // Typing inside a word names the next letter: nothing to pass.
    expect(
      check(
        doc,
        storyEdit(doc, (story) => story.insert(1, 'typo')),
      ),
    ).toMatchObject({ ok: true })
  })

  it("charges a scan for the update's own items inserted after what it passes", () => {
    const { doc, body } = withStory()
    doc.clientID = 5
    body.insert(0, 'a')
    doc.clientID = 6
    body.insert(1, 'b')
    const [a, b] = inOrder(body)
    // 10,000 letters after "b", each after the last; then 20 after "a", each passing "b" and all of them.
    const chain = Array.from({ length: 10_000 }, (_, i) => ({ origin: i === 0 ? b!.id : Y.createID(attacker - 1, i - 1), right: null }))
    const after = Array.from({ length: 20 }, () => ({ origin: a!.id, right: null }))
    expect(
      check(
        doc,
        letters([
          { client: attacker, neighbours: after },
          { client: attacker - 1, neighbours: chain },
        ]),
      ),
    ).toMatchObject({ ok: false })
  })

  it("charges items naming the update's own items as right neighbours for what lies before those", () => {
    const { doc, body } = withStory()
    body.insert(0, 'ab')
    const [a] = inOrder(body)
    // "ab" is one item: "b" is the letter after "a".
    const b = Y.createID(a!.id.client, a!.id.clock + 1)
    // 500 letters after "a", each before the last; then 500 after "a", each before one of those.
    const neighbours = Array.from({ length: 1_000 }, (_, i) => ({
      origin: a!.id,
      right: i === 0 ? b : Y.createID(attacker, i < 500 ? i - 1 : i - 500),
    }))
    expect(check(doc, letters([{ client: attacker, neighbours }]))).toMatchObject({ ok: false })
  })
  it('admits ten people writing one story, each sending what they typed every few seconds', () => {
    const server = new Y.Doc()
    server.getMap(BOARD_ROOTS.storyBodies).set(STORY, new Y.Text())
    const people = Array.from({ length: 10 }, () => {
      const replica = new Y.Doc()
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
      return replica
    })
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff
      return seed % n
    }
    const refusals: string[] = []
    for (let action = 0; action < 3_000; action++) {
      const person = random(people.length)
      const replica = people[person]!
      const story = replica.getMap(BOARD_ROOTS.storyBodies).get(STORY) as Y.Text
      const what = random(100)
      // A word at the start, a word anywhere, or a few letters deleted.
      if (what < 10) story.insert(0, 'Title ')
      else if (what < 70) story.insert(random(story.length + 1), 'word ')
      else if (story.length > 10) story.delete(random(story.length - 5), 1 + random(4))
      if (action % 10 !== person) continue
      const change = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))
      const verdict = check(server, change)
      if (!verdict.ok) refusals.push(verdict.reason)
      Y.applyUpdate(server, change)
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(server, Y.encodeStateVector(replica)))
    }
    expect(refusals).toEqual([])
    expect((server.getMap(BOARD_ROOTS.storyBodies).get(STORY) as Y.Text).length).toBeGreaterThan(5_000)
  })
  it("refuses a client's changes in two runs, of which Yjs applies only the last", () => {
    const { doc, body } = withStory()
    typeInTurns(doc, body)
    const text = inOrder(body)
    // The first run sits right after the first letter, the second at the end; then 400 letters
    // after the first letter, each before the second run's sixth: Yjs walks the whole story each time.
    const update = letters([
      { client: attacker, neighbours: [{ origin: text[0]!.id, right: text[1]!.id, text: 'b'.repeat(10) }] },
      { client: attacker, neighbours: [{ origin: text.at(-1)!.id, right: null, text: 'c'.repeat(10) }] },
      { client: attacker - 5, neighbours: Array.from({ length: 400 }, () => ({ origin: text[0]!.id, right: Y.createID(attacker, 5) })) },
    ])
    expect(check(doc, update)).toMatchObject({ ok: false, reason: "a client's changes out of order" })
  })

  it("charges an item naming a right neighbour inside an earlier item of its writer for what follows that item's first part", () => {
    const { doc, body } = withStory()
    body.insert(0, 'ab')
    // "ab" is one item: "b" is the letter after "a".
    const a = inOrder(body)[0]!.id
    const b = Y.createID(a.client, a.clock + 1)
    // A 401-letter word typed between "a" and "b"; 4,000 letters after its first letter; then 400
    // letters after "a", the k-th before the word's k-th letter: each passes the 4,000.
    const word = [{ origin: a, right: b, text: 'x'.repeat(401) }, ...Array.from({ length: 400 }, (_, i) => ({ origin: a, right: Y.createID(attacker, i + 1) }))]
    const after = Array.from({ length: 4_000 }, (_, i) => ({
      origin: i === 0 ? Y.createID(attacker, 0) : Y.createID(attacker + 1, i - 1),
      right: Y.createID(attacker, 1),
    }))
    expect(
      check(
        doc,
        letters([
          { client: attacker, neighbours: word },
          { client: attacker + 1, neighbours: after },
        ]),
      ),
    ).toMatchObject({ ok: false })
  })

  it('places a change the document holds the start of where Yjs does: after its own last letter there', () => {
    const { doc, body } = withStory()
    body.insert(0, 'p'.repeat(3_002))
    const paste = inOrder(body)[0]!.id.client
    // 3,000 letters of 3,000 writers, each after the last.
    const chain = Array.from({ length: 3_000 }, (_, i) => ({
      client: attacker - i,
      neighbours: [{ origin: i === 0 ? Y.createID(paste, 3_001) : Y.createID(attacker - i + 1, 0), right: null }],
    }))
    const setUp = letters(chain)
    expect(check(doc, setUp)).toMatchObject({ ok: true })
    Y.applyUpdate(doc, setUp)
    // Each writer's letter again with one more, said to go inside the paste (nothing to pass there):
    // Yjs places the new letter after the writer's own, and walks the rest of the chain.
    const again = letters(
      chain.map(({ client }, i) => ({ client, neighbours: [{ origin: Y.createID(paste, i), right: Y.createID(paste, i + 1), text: 'cy' }] })),
    )
    expect(check(doc, again)).toMatchObject({ ok: false })
  })

  it("refuses inserts that split a writer's long array of items thousands of times", () => {
    const { doc, body } = withStory()
    doc.clientID = 1_000
    body.insert(0, 'a'.repeat(3_002))
    typeInTurns(doc, body) // 4,500 more items of the paste's writer (clients 1,000 and 1,001)
    for (let i = 0; i < 40_000; i++) {
      doc.clientID = 1_000 + (i % 2)
      body.insert(body.length, 'y')
    }
    // Typing inside the paste 3,000 times: each letter splits it, an insert into an array of 25,000.
    const typing = Array.from({ length: 3_000 }, (_, i) => ({ origin: Y.createID(1_000, 3_000 - i), right: Y.createID(1_000, 3_001 - i) }))
    expect(check(doc, letters([{ client: attacker, neighbours: typing }]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('inserts splitting over'),
    })
    expect(check(doc, letters([{ client: attacker, neighbours: typing.slice(0, 1) }]))).toMatchObject({ ok: true })
  })

  it("follows a writer's inserts at one spot, each before the last, however many", () => {
    const { doc, body } = withStory()
    typeInTurns(doc, body)
    // Where walking on to the end of the story would be over the scan limit.
    const shortWalks = { ...DEFAULT_GUARD, maxStructs: 20_000, maxScan: 5_000 }
    const atOneSpot = storyEdit(doc, (story) => {
      for (let i = 0; i < 100; i++) story.insert(100, 'ab')
    })
    expect(checkUpdate(doc, 'board', atOneSpot, shortWalks)).toMatchObject({ ok: true })
  })
  it('charges a split of a list of values for copying it: refuses thousands inside a long one', () => {
    const { doc } = withStory()
    const values = new Y.Array<number>()
    doc.getMap(BOARD_ROOTS.storyBodies).set('list', values)
    values.push(Array.from({ length: 100_000 }, (_, i) => i)) // one item of 100,000 values
    const writer = doc.clientID
    const first = (values._start as Y.Item).id.clock
    const oneInTwenty = Array.from({ length: 2_499 }, (_, i) => ({ clock: first + 40 * (i + 1), len: 1 }))
    expect(check(doc, deletions(writer, oneInTwenty))).toMatchObject({ ok: false, reason: expect.stringContaining('deletions splitting over') })
    const inside = changeOf(doc, (replica) => {
      const list = replica.getMap(BOARD_ROOTS.storyBodies).get('list') as Y.Array<number>
      for (let i = 2_000; i > 0; i--) list.insert(40 * i, [-1])
    })
    expect(check(doc, inside)).toMatchObject({ ok: false, reason: expect.stringContaining('inserts splitting over') })
    expect(check(doc, deletions(writer, oneInTwenty.slice(0, 10)))).toMatchObject({ ok: true })
  })

  it("lets people type into each other's text however contested the board is elsewhere", () => {
    const { doc, body } = withStory()
    doc.clientID = 1
    body.insert(0, 'Someone')
    doc.clientID = 2
    body.insert(7, ' else wrote this.')
    // The board's contention used up (by anyone): typing after the first word, where the second
    // writer went on, makes two writers there and a third.
    const typed = storyEdit(doc, (story) => story.insert(7, 'one '))
    expect(checkUpdate(doc, 'board', typed, { ...DEFAULT_GUARD, maxStructs: 20_000 }, undefined, DEFAULT_GUARD.maxContention)).toMatchObject({ ok: true })
  })

  // 20,000 turns of two writers: ~3 s of CPU alone, past 20 s under coverage on a loaded machine.
  it('admits a hundred fixes made offline across a long story written by two in turns', { timeout: 60_000 }, () => {
    const server = new Y.Doc()
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    a.getMap(BOARD_ROOTS.storyBodies).set(STORY, new Y.Text())
    sync(a, b)
    for (let i = 0; i < 20_000; i++) {
      const [writer, reader] = i % 2 ? [b, a] : [a, b]
      const story = writer.getMap(BOARD_ROOTS.storyBodies).get(STORY) as Y.Text
      story.insert(story.length, 'word ')
      sync(writer, reader)
    }
    sync(a, server)
    const story = a.getMap(BOARD_ROOTS.storyBodies).get(STORY) as Y.Text
    for (let i = 99; i >= 0; i--) story.insert(1_000 * i, 'x')
    expect(check(server, Y.encodeStateAsUpdate(a, Y.encodeStateVector(server)))).toMatchObject({ ok: true })
  })
})
