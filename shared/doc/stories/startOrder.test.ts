/**
 * Start order as a property: two or three writers start the same empty story and type (and press
 * Enter) while their updates reach each other in a random order, some writers offline for a
 * while. Every writer runs what the editor runs: `yieldStarts` whenever `bringsStart` says a
 * start arrived, and rescues its own text from a paragraph moved under it. After everything is
 * delivered: the replicas agree and no typed character is lost or doubled; when each writes only
 * in their own paragraphs, no paragraph mixes two writers and the starts stand in start order.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Mesh } from '../testing/network'
import { seeded, type Random } from '../testing/prng'
import { bringsStart, startStamp, yieldStarts, STARTED_AT, STARTED_BY } from './startOrder'
import { applyRescues, rescuesOf, type Rescue } from './yieldRescue'

const CASES = 200
const LETTERS = ['a', 'b', 'c']

interface Writer {
  doc: Y.Doc
  body: Y.XmlFragment
  letter: string
  typed: number
  started: boolean
  startArrived: boolean
  rescues: Rescue[]
  /** A phone keyboard composing the first word: the stamp waits for the word to end. */
  stampLater: Record<string, number> | null
}

function paragraph(text: string, stamp?: Record<string, number>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  if (stamp) for (const [key, value] of Object.entries(stamp)) element.setAttribute(key, value as never)
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** The writer's caret: the end of the last block it wrote (moves keep its blocks in order). */
function currentBlock(writer: Writer): { block: Y.XmlElement; index: number } | null {
  const blocks = writer.body.toArray() as Y.XmlElement[]
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index] as Y.XmlElement
    if (block._item?.id.client === writer.doc.clientID) return { block, index }
  }
  return null
}

/** What the editor does with one keystroke: start the story, join it after others, or type on. */
function keystroke(writer: Writer, now: number, rng: Random, crossTyping: boolean): void {
  const { body, doc } = writer
  writer.typed += 1
  if (!writer.started) {
    // An empty story gets the first block; one someone else started gets this writer's after it.
    const stamp = startStamp(doc.clientID, now)
    writer.stampLater = rng.chance(0.3) ? stamp : null
    body.insert(body.length, [paragraph(writer.letter, writer.stampLater ? undefined : stamp)])
    writer.started = true
    return
  }
  if (writer.stampLater) wordEnds(writer)
  const current = currentBlock(writer)!
  // Someone clicks into another person's paragraph (maybe one about to move) and types there.
  const other = crossTyping && rng.chance(0.2) ? (rng.pick(body.toArray()) as Y.XmlElement) : null
  if (other) (other.get(0) as Y.XmlText).insert(rng.int((other.get(0) as Y.XmlText).length + 1), writer.letter)
  else if (rng.chance(0.1)) body.insert(current.index + 1, [paragraph(writer.letter)])
  else (current.block.get(0) as Y.XmlText).insert((current.block.get(0) as Y.XmlText).length, writer.letter)
}

/** The composed word is done: the first block takes its stamp, and yields if it must. */
function wordEnds(writer: Writer): void {
  const first = (writer.body.toArray() as Y.XmlElement[]).find((block) => block._item?.id.client === writer.doc.clientID)!
  for (const [key, value] of Object.entries(writer.stampLater!)) first.setAttribute(key, value as never)
  writer.stampLater = null
  yieldStarts(writer.body)
}

function startsInDocOrder(body: Y.XmlFragment): { at: number; by: number }[] {
  return (body.toArray() as Y.XmlElement[])
    .filter((block) => block.getAttribute(STARTED_BY) !== undefined)
    .map((block) => ({ at: block.getAttribute(STARTED_AT) as unknown as number, by: block.getAttribute(STARTED_BY) as unknown as number }))
}

function runCase(seed: number, crossTyping: boolean): void {
  const rng = seeded(seed)
  const count = 2 + rng.int(2)
  const docs = Array.from({ length: count }, () => {
    const doc = new Y.Doc()
    doc.clientID = 1 + rng.int(1_000_000)
    return doc
  })
  if (new Set(docs.map((doc) => doc.clientID)).size < count) return
  const writers: Writer[] = docs.map((doc, i) => ({
    doc,
    body: doc.getXmlFragment('body'),
    letter: LETTERS[i]!,
    typed: 0,
    started: false,
    startArrived: false,
    rescues: [],
    stampLater: null,
  }))
  for (const writer of writers) {
    writer.body.observeDeep((events) => {
      writer.startArrived ||= bringsStart(writer.body, events)
      writer.rescues.push(...rescuesOf(writer.body, events, writer.doc.clientID))
    })
  }
  const mesh = new Mesh(docs)
  const settle = () =>
    writers.forEach((writer) => {
      if (writer.rescues.length > 0) writer.rescues = applyRescues(writer.body, writer.rescues)
      if (!writer.startArrived) return
      writer.startArrived = false
      yieldStarts(writer.body)
    })
  // A coarse clock now and then, so that two starts in the same millisecond happen too.
  const coarse = rng.chance(0.3)
  const steps = 30 + rng.int(60)
  for (let step = 0; step < steps; step++) {
    const now = coarse ? Math.floor(step / 6) : step
    const roll = rng.int(10)
    if (roll < 5) keystroke(rng.pick(writers)!, now, rng, crossTyping)
    else if (roll < 9) mesh.deliverOne(rng.int)
    else {
      const i = rng.int(count)
      if (mesh.offline.has(i)) mesh.offline.delete(i)
      else mesh.offline.add(i)
    }
    settle()
  }
  for (const writer of writers) if (writer.stampLater) wordEnds(writer)
  mesh.offline.clear()
  while (mesh.pending > 0) {
    mesh.deliverOne(rng.int)
    settle()
  }

  const json = writers[0]!.body.toJSON()
  for (const writer of writers) expect(writer.body.toJSON(), `seed ${seed}: replicas differ`).toBe(json)
  const texts = (writers[0]!.body.toArray() as Y.XmlElement[]).map((block) => block.toArray().join(''))
  for (const writer of writers) {
    expect(writer.rescues, `seed ${seed}: a rescue found no copy`).toEqual([])
    const kept = texts.join('').split(writer.letter).length - 1
    expect(kept, `seed ${seed}: ${writer.letter} typed ${writer.typed}`).toBe(writer.typed)
  }
  if (!crossTyping) checkOrder(seed, writers[0]!.body, texts)
  docs.forEach((doc) => doc.destroy())
}

function checkOrder(seed: number, body: Y.XmlFragment, texts: string[]): void {
  for (const text of texts) expect(new Set(text.replace(/<\/?[^>]+>/g, '')).size, `seed ${seed}: ${text} mixes writers`).toBeLessThanOrEqual(1)
  const starts = startsInDocOrder(body)
  if (process.env.DEBUG13)
    console.log(
      seed,
      JSON.stringify(
        (body.toArray() as Y.XmlElement[]).map((b) => [b.getAttribute(STARTED_BY), b.getAttribute(STARTED_AT), b._item?.id.client, b.toArray().join('')]),
      ),
    )
  const sorted = [...starts].sort((x, y) => x.at - y.at || x.by - y.by)
  expect(starts, `seed ${seed}: starts out of order`).toEqual(sorted)
}

describe('start order of a story body', () => {
  it(`keeps every typed character and converges to start order (${CASES} seeded interleavings)`, () => {
    for (let seed = 1; seed <= CASES; seed++) runCase(seed, false)
  })

  it(`keeps every character when people type into each other's paragraphs as they move (${CASES} seeded interleavings)`, () => {
    for (let seed = 1; seed <= CASES; seed++) runCase(seed, true)
  })

  it('moves nothing once someone else has written into the later start', () => {
    const [anna, ben] = [new Y.Doc(), new Y.Doc()]
    anna.clientID = 20
    ben.clientID = 10
    const mesh = new Mesh([anna, ben])
    const annaBody = anna.getXmlFragment('body')
    const benBody = ben.getXmlFragment('body')
    annaBody.insert(0, [paragraph('Anna first.', startStamp(20, 1))])
    benBody.insert(0, [paragraph('Ben second.', startStamp(10, 2))])
    mesh.flush()
    // Yjs put Ben's (lower client id) first. Anna adds to it before Ben gets to yield.
    expect(benBody.toArray().map((block) => (block as Y.XmlElement).toArray().join(''))).toEqual(['Ben second.', 'Anna first.'])
    ;((annaBody.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Yes. ')
    mesh.flush()
    expect(yieldStarts(benBody)).toEqual([])
    expect(benBody.toArray().map((block) => (block as Y.XmlElement).toArray().join(''))).toEqual(['Yes. Ben second.', 'Anna first.'])
  })
})
