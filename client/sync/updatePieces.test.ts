import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { castVote, createTrend, deleteTrend, placeAssessment } from '../../shared/doc/index.ts'
import { splitUpdate } from '../../shared/doc/structCount.ts'
import { UPDATE_PIECE_STRUCTS } from '../../shared/protocol.ts'
import { randomId } from '../../shared/util/ids.ts'
import { checkUpdate } from '../../server/sync/updateGuard.ts'
import { startsParentRecord } from './updatePieces.ts'

describe('a large deletion in pieces', () => {
  it("deletes a trend with 250 people's placements and votes: the trend goes first, so the server takes every piece", () => {
    const server = new Y.Doc()
    const exchange = (doc: Y.Doc) => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
      Y.applyUpdate(server, Y.encodeStateAsUpdate(doc))
    }
    // Its author's writer id is small: Yjs writes deletions by descending id, the trend's last.
    const author = new Y.Doc()
    author.clientID = 5
    const me = { participantId: randomId() }
    exchange(author)
    const trendId = createTrend(author, { name: 'Care moves home' }, me)
    exchange(author)
    for (let person = 0; person < 250; person++) {
      const doc = new Y.Doc()
      doc.clientID = 1_000_000 + person
      exchange(doc)
      const who = { participantId: randomId() }
      placeAssessment(doc, { trendId, impact: 0.5, uncertainty: 0.5 }, who)
      // Something of theirs that stays, between their two records: two ranges each.
      doc.getMap('signals').set(`kept ${person}`, 'x')
      castVote(doc, { trendId, stageId: 'vote' }, who, { votesPerPerson: 9 })
      exchange(doc)
    }
    Y.applyUpdate(author, Y.encodeStateAsUpdate(server))
    let deletion: Uint8Array | undefined
    author.once('update', (update: Uint8Array) => (deletion = update))
    deleteTrend(author, trendId)
    const pieces = splitUpdate(deletion!, UPDATE_PIECE_STRUCTS, startsParentRecord(author))
    expect(pieces.length).toBe(2)
    for (const piece of pieces) {
      expect(checkUpdate(server, 'board', piece, undefined, { role: 'participant', participantId: me.participantId })).toMatchObject({ ok: true })
      Y.applyUpdate(server, piece)
    }
    expect([server.getMap('trends').size, server.getMap('assessments').size, server.getMap('votes').size]).toEqual([0, 0, 0])
  })
})
