import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { castVote, createTrend, deleteTrend, placeAssessment } from '../../shared/doc/index.ts'
import { splitUpdate } from '../../shared/doc/structCount.ts'
import { UPDATE_PIECE_STRUCTS } from '../../shared/protocol.ts'
import { randomId } from '../../shared/util/ids.ts'
import { checkUpdate } from '../../server/sync/updateGuard.ts'
import { holdsParentRecord } from './updatePieces.ts'

describe('a large deletion in pieces', () => {
  /**
   * A trend with 250 people's placements and votes, and its author's replica. Its author's writer
   * id is small: Yjs writes deletions by descending id, the trend's last. With `deletedBefore`, the
   * author deleted something just before making the trend: deleted too, the trend is then inside
   * one merged range that starts before it.
   */
  function trendWithFollowers(deletedBefore: boolean) {
    const server = new Y.Doc()
    const exchange = (doc: Y.Doc) => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
      Y.applyUpdate(server, Y.encodeStateAsUpdate(doc))
    }
    const author = new Y.Doc()
    author.clientID = 5
    const me = { participantId: randomId() }
    exchange(author)
    if (deletedBefore) {
      author.getMap('signals').set('draft', 'x')
      author.getMap('signals').delete('draft')
    }
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
    return { server, author, me, trendId }
  }

  /** Sends `pieces` to `server` in order, as the guard admits them; what is left of the trend's followers. */
  function sendAll(server: Y.Doc, pieces: Uint8Array[], participantId: string): number[] {
    for (const piece of pieces) {
      expect(checkUpdate(server, 'board', piece, undefined, { role: 'participant', participantId })).toMatchObject({ ok: true })
      Y.applyUpdate(server, piece)
    }
    return [server.getMap('trends').size, server.getMap('assessments').size, server.getMap('votes').size]
  }

  it("deletes a trend with 250 people's placements and votes: the trend goes first, so the server takes every piece", () => {
    const { server, author, me, trendId } = trendWithFollowers(false)
    let deletion: Uint8Array | undefined
    author.once('update', (update: Uint8Array) => (deletion = update))
    deleteTrend(author, trendId)
    const pieces = splitUpdate(deletion!, UPDATE_PIECE_STRUCTS, holdsParentRecord(author))
    expect(pieces.length).toBe(2)
    expect(sendAll(server, pieces, me.participantId)).toEqual([0, 0, 0])
  })

  it('finds the trend inside a merged range too, when the deletion is sent on reconnect', () => {
    const { server, author, me, trendId } = trendWithFollowers(true)
    deleteTrend(author, trendId)
    // Offline: the answer to the server's step 1 carries every deletion, merged by writer.
    const answer = Y.encodeStateAsUpdate(author, Y.encodeStateVector(server))
    const authorsRanges = Y.decodeUpdate(answer).ds.clients.get(author.clientID)!
    expect(authorsRanges[0]!.clock).toBeLessThan(author.getMap('trends')._map.get(trendId)!.id.clock)
    expect(sendAll(server, splitUpdate(answer, UPDATE_PIECE_STRUCTS, holdsParentRecord(author)), me.participantId)).toEqual([0, 0, 0])
  })
})
