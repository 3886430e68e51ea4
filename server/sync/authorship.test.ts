import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSignal,
  addSignalToTrend,
  addTakeaway,
  addWheelNode,
  createTrend,
  deleteSignal,
  deleteTakeaway,
  deleteTrend,
  deleteWheelNode,
  mergeIntoSignal,
  togglePlusOne,
  updateSignal,
  updateTakeaway,
  updateWheelNode,
} from '../../shared/doc/index.ts'
import { AUTHORED_RECORDS, authorsOf, canChange, type AuthoredCollection, type Viewer, type Writer } from '../../shared/permissions.ts'
import { randomId } from '../../shared/util/ids.ts'
import { checkUpdate, DEFAULT_GUARD } from './updateGuard.ts'

/**
 * Cards, consequences and takeaways: the server takes a change or a deletion exactly when the
 * app offers Edit or Delete (`canChange` with `authorsOf`), and keeps the collaborative actions
 * open to everyone: adding, "Merge into it", clustering, +1s, deleting a trend with its wheel.
 */
const anna = { participantId: randomId() }
const ben = { participantId: randomId() }
const facilitator = { participantId: randomId() }

/** The room as the server holds it: Anna's card, her consequence (with one by Ben under it), her takeaway. */
function room() {
  const doc = new Y.Doc()
  const trendId = createTrend(doc, { name: 'Robots in home care' }, facilitator)
  const signalId = addSignal(doc, { title: 'Care robots in elderly homes' }, anna)
  const nodeId = addWheelNode(doc, { trendId, parentId: null, text: 'Fewer care homes' }, anna)!
  const childId = addWheelNode(doc, { trendId, parentId: nodeId, text: 'Homes adapted for care' }, ben)!
  const takeawayId = addTakeaway(doc, { text: 'Pilot robot-assisted home care' }, anna)
  return { doc, trendId, signalId, nodeId, childId, takeawayId }
}
type Room = ReturnType<typeof room>

/** What a client replica of `server` sends after `change`. */
function updateAfter(server: Y.Doc, change: (replica: Y.Doc) => unknown): Uint8Array {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
  change(replica)
  return Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))
}

function verdict(server: Y.Doc, writer: Writer, change: (replica: Y.Doc) => unknown) {
  return checkUpdate(server, 'board', updateAfter(server, change), DEFAULT_GUARD, writer)
}

const participant = (who: { participantId: string }): Writer => ({ role: 'participant', participantId: who.participantId })

/** Each change or deletion of one of Anna's records, as the app's command makes it. */
const CHANGES: [string, AuthoredCollection, (doc: Y.Doc, r: Room) => unknown][] = [
  ['edit her card', 'signals', (doc, r) => updateSignal(doc, r.signalId, { title: 'Robots replace carers' })],
  ['delete her card', 'signals', (doc, r) => deleteSignal(doc, r.signalId)],
  ['edit her consequence', 'wheelNodes', (doc, r) => updateWheelNode(doc, r.nodeId, { text: 'More care homes' })],
  ['delete her consequence', 'wheelNodes', (doc, r) => deleteWheelNode(doc, r.nodeId)],
  ['edit her takeaway', 'takeaways', (doc, r) => updateTakeaway(doc, r.takeawayId, { who: 'Nobody' })],
  ['delete her takeaway', 'takeaways', (doc, r) => deleteTakeaway(doc, r.takeawayId)],
  ['replace her card whole', 'signals', (doc, r) => doc.getMap('signals').set(r.signalId, new Y.Map())],
]

const writers: Writer[] = [
  participant(anna),
  participant(ben),
  { role: 'participant', participantId: null },
  { role: 'facilitator', participantId: facilitator.participantId },
]

describe('authored records: the server refuses what the app does not offer, and only that', () => {
  it('covers cards, consequences and takeaways', () => {
    expect(new Set(CHANGES.map(([, root]) => root))).toEqual(new Set(Object.keys(AUTHORED_RECORDS)))
  })

  it.each(CHANGES)('%s: taken exactly when the app offers it', (what, root, change) => {
    for (const writer of writers) {
      const r = room()
      const viewer: Viewer = { ...writer, locked: false }
      const offered = canChange(viewer, authorsOf(root, { authorId: anna.participantId, authorIds: [anna.participantId], createdBy: anna.participantId }))
      const result = verdict(r.doc, writer, (doc) => change(doc, r))
      expect(result.ok, `${writer.role} ${writer.participantId === anna.participantId ? 'Anna' : (writer.participantId ?? 'without identity')}: ${what}`).toBe(
        offered,
      )
      if (!result.ok)
        expect(result).toMatchObject({
          forbidden: 'notYours',
          reason: writer.participantId ? `${root} of another person` : `${root} need a participant identity`,
        })
    }
  })

  it('anyone adds cards, consequences (on anyone’s), takeaways, clusters anyone’s card and gives +1s', () => {
    const r = room()
    const adds = [
      (doc: Y.Doc) => addSignal(doc, { title: 'Neighbours share a care app' }, ben),
      (doc: Y.Doc) => addWheelNode(doc, { trendId: r.trendId, parentId: r.nodeId, text: 'Carers retrain' }, ben),
      (doc: Y.Doc) => addTakeaway(doc, { text: 'Ask the neighbours first' }, ben),
      (doc: Y.Doc) => addSignalToTrend(doc, r.signalId, r.trendId, ben),
      (doc: Y.Doc) => togglePlusOne(doc, r.takeawayId, ben),
    ]
    for (const add of adds) expect(verdict(r.doc, participant(ben), add)).toMatchObject({ ok: true, contention: 0 })
  })

  it('"Merge into it" makes Ben a co-author; from then on he edits the card as the app offers', () => {
    const r = room()
    const join = updateAfter(r.doc, (doc) =>
      mergeIntoSignal(doc, r.signalId, { title: 'Robots lift patients', sourceUrl: 'https://example.org/lift', category: 'technological' }, ben),
    )
    expect(checkUpdate(r.doc, 'board', join, DEFAULT_GUARD, participant(ben))).toMatchObject({ ok: true, contention: 0 })
    Y.applyUpdate(r.doc, join)
    expect(verdict(r.doc, participant(ben), (doc) => updateSignal(doc, r.signalId, { title: 'Robots lift and carry' })).ok).toBe(true)
  })

  it('a join that does more than add is refused: a title, someone else as co-author, dropping the links', () => {
    const r = room()
    const card = (doc: Y.Doc) => doc.getMap('signals').get(r.signalId) as Y.Map<unknown>
    const joinAnd = (extra: (entry: Y.Map<unknown>) => void) => (doc: Y.Doc) => {
      mergeIntoSignal(doc, r.signalId, { title: 'Robots lift patients' }, ben)
      doc.transact(() => extra(card(doc)))
    }
    const abuses = [
      joinAnd((entry) => entry.set('title', 'Robots are bad')),
      joinAnd((entry) => (entry.get('authorIds') as Y.Map<unknown>).set(randomId(), true)),
      joinAnd((entry) => entry.set('sources', new Y.Map())),
      joinAnd((entry) => (entry.get('authorIds') as Y.Map<unknown>).delete(anna.participantId)),
      (doc: Y.Doc) => card(doc).set('description', 'no join at all'),
    ]
    for (const abuse of abuses) expect(verdict(r.doc, participant(ben), abuse)).toMatchObject({ ok: false, reason: 'signals of another person' })
  })

  it('deleting a trend takes everyone’s consequences with it; deleting one’s own consequence takes what follows from it', () => {
    const r = room()
    expect(verdict(r.doc, participant(ben), (doc) => deleteTrend(doc, r.trendId))).toMatchObject({ ok: true, contention: 0 })
    expect(verdict(r.doc, participant(anna), (doc) => deleteWheelNode(doc, r.nodeId))).toMatchObject({ ok: true, contention: 0 })
    // Ben's consequence under Anna's: his to delete, alone; hers is not.
    expect(verdict(r.doc, participant(ben), (doc) => deleteWheelNode(doc, r.childId))).toMatchObject({ ok: true, contention: 0 })
    expect(verdict(r.doc, participant(ben), (doc) => deleteWheelNode(doc, r.nodeId)).ok).toBe(false)
  })
})
