import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSignal,
  addTakeaway,
  castVote,
  createTrend,
  deleteTrend,
  initDraft,
  joinAsParticipant,
  placeAssessment,
  readDraft,
  setReady,
  togglePlusOne,
} from '../../shared/doc/index.ts'
import { canChange, CHANGES_ANY_RECORD, mayWriteRecordOf, PERSONAL_RECORDS, type Viewer, type Writer } from '../../shared/permissions.ts'
import { ROLES } from '../../shared/protocol.ts'
import { randomId } from '../../shared/util/ids.ts'
import { checkUpdate, DEFAULT_GUARD } from './updateGuard.ts'

/**
 * The server refuses exactly what the shared rule refuses, for every per-person root the rule
 * lists, every role and every owner: the app's controls (`canChange`) and the server's refusals
 * read one rule, and a change to the rule changes both.
 */
const anna = randomId()
const ben = randomId()
const stageId = randomId()

/** The room as the server holds it: a trend and a takeaway to put per-person records on. */
function room() {
  const doc = new Y.Doc()
  const facilitator = { participantId: randomId() }
  const trendId = createTrend(doc, { name: 'Robots in home care' }, facilitator)
  const takeawayId = addTakeaway(doc, { text: 'Pilot robot-assisted home care', who: 'Social services', when: 'year', trendIds: [trendId] }, facilitator)
  return { doc, trendId, takeawayId }
}

/** One write per per-person root, made by a client replica as the app's command makes it. */
const WRITES: Record<string, (doc: Y.Doc, ids: { trendId: string; takeawayId: string }, owner: string) => void> = {
  participants: (doc, _ids, owner) => void joinAsParticipant(doc, { participantId: owner }, 'Anna'),
  ready: (doc, _ids, owner) => setReady(doc, stageId, true, { participantId: owner }),
  assessments: (doc, { trendId }, owner) => void placeAssessment(doc, { trendId, impact: 0.7, uncertainty: 0.2 }, { participantId: owner }),
  votes: (doc, { trendId }, owner) => void castVote(doc, { trendId, stageId }, { participantId: owner }, { votesPerPerson: 3 }),
  plusOnes: (doc, { takeawayId }, owner) => void togglePlusOne(doc, takeawayId, { participantId: owner }),
}

/** What a client replica sends when it writes `owner`'s record. */
function updateWriting(root: string, owner: string) {
  const server = room()
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server.doc))
  WRITES[root]!(replica, server, owner)
  return { server: server.doc, update: Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server.doc)) }
}

const writers: Writer[] = ROLES.filter((role) => role !== 'screen').flatMap((role) => [
  { role, participantId: anna },
  { role, participantId: ben },
  { role, participantId: null },
])

describe('per-person records: one rule for the app and the server', () => {
  it('covers every per-person root the shared rule lists', () => {
    expect(Object.keys(WRITES).sort()).toEqual(Object.keys(PERSONAL_RECORDS).sort())
  })

  it.each(Object.keys(PERSONAL_RECORDS))('%s: the server takes a write exactly when the shared rule gives it', (root) => {
    for (const writer of writers) {
      const { server, update } = updateWriting(root, anna)
      const verdict = checkUpdate(server, 'board', update, DEFAULT_GUARD, writer)
      const viewer: Viewer = { ...writer, locked: false }
      const label = `${writer.role} ${writer.participantId === anna ? 'Anna' : (writer.participantId ?? 'without identity')} writing Anna's ${root}`
      expect(verdict.ok, label).toBe(mayWriteRecordOf(writer, [anna]))
      expect(canChange(viewer, [anna]), label).toBe(verdict.ok && writer.participantId !== null)
    }
  })

  it('a change to the shared rule changes the app and the server together', () => {
    const facilitator: Viewer = { role: 'facilitator', participantId: ben, locked: false }
    const writesAnnasVote = () => {
      const { server, update } = updateWriting('votes', anna)
      return checkUpdate(server, 'board', update, DEFAULT_GUARD, facilitator).ok
    }
    expect([canChange(facilitator, [anna]), writesAnnasVote()]).toEqual([true, true])
    // The rule changed: facilitators keep to their own records like everyone else.
    const rule = CHANGES_ANY_RECORD as Set<string>
    rule.delete('facilitator')
    try {
      expect([canChange(facilitator, [anna]), writesAnnasVote()]).toEqual([false, false])
      expect(canChange(facilitator, [ben])).toBe(true)
    } finally {
      rule.add('facilitator')
    }
  })

  it("a participant refused another person's record hears why", () => {
    const { server, update } = updateWriting('votes', anna)
    expect(checkUpdate(server, 'board', update, DEFAULT_GUARD, { role: 'participant', participantId: ben })).toEqual({
      ok: false,
      reason: 'votes of another person',
      forbidden: 'notYours',
    })
  })

  it("deleting a trend takes everyone's placements and votes with it, as the rule's `goesWith` says", () => {
    const server = room()
    for (const owner of [anna, ben]) {
      WRITES.assessments!(server.doc, server, owner)
      WRITES.votes!(server.doc, server, owner)
    }
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server.doc))
    deleteTrend(replica, server.trendId)
    const update = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server.doc))
    expect(checkUpdate(server.doc, 'board', update, DEFAULT_GUARD, { role: 'participant', participantId: anna }).ok).toBe(true)
  })
})

describe("a draft's owner", () => {
  const anna = { participantId: randomId() }
  const annaWriting: Writer = { role: 'participant', participantId: anna.participantId }

  /** Anna's draft as the server stores it: named, one card. */
  function storedDraft() {
    const doc = new Y.Doc()
    doc.clientID = 900
    initDraft(doc, { ...anna, name: 'Anna' })
    addSignal(doc, { title: 'Neighbourhood saunas' }, anna)
    return doc
  }

  it('a page reloaded in the round names Anna again before her stored draft arrives: its lost write is taken, and her next card with it', () => {
    const server = storedDraft()
    // The fresh page names the owner into an empty copy, then the stored copy arrives and wins
    // the key (a higher client id): the page's own write is kept as deleted content.
    const page = new Y.Doc()
    page.clientID = 100
    initDraft(page, { ...anna, name: 'Anna' })
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server))
    addSignal(page, { title: 'Pop-up clinics' }, anna)
    const update = Y.encodeStateAsUpdate(page, Y.encodeStateVector(server))
    expect(checkUpdate(server, 'draft', update, DEFAULT_GUARD, annaWriting)).toMatchObject({ ok: true })
    Y.applyUpdate(server, update)
    expect(readDraft(server).owner?.participantId).toBe(anna.participantId)
    expect(readDraft(server).signals.size).toBe(2)
  })

  it('naming someone else as the owner is refused', () => {
    const server = storedDraft()
    const page = new Y.Doc()
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server))
    initDraft(page, { participantId: randomId(), name: 'Ben' })
    const update = Y.encodeStateAsUpdate(page, Y.encodeStateVector(server))
    expect(checkUpdate(server, 'draft', update, DEFAULT_GUARD, annaWriting)).toMatchObject({ ok: false, reason: 'a draft belongs to the person who writes it' })
  })
})
