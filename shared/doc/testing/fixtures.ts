/** Small helpers shared by the tests of `shared/doc`. */
import * as Y from 'yjs'
import { initBoard } from '../board'
import type { Actor } from '../commands/command'
import type { InvalidEntry } from '../codec'
import { readBoard } from '../read'
import type { BoardSnapshot } from '../snapshot'

export const anna: Actor = { participantId: 'anna-0000000000000000' }
export const ben: Actor = { participantId: 'ben-00000000000000000' }
export const cai: Actor = { participantId: 'cai-00000000000000000' }

/** A fresh, initialised board with a fixed client id (stable conflict outcomes between runs). */
export function newBoard(clientID?: number): Y.Doc {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  initBoard(doc)
  return doc
}

/** Reads a board and fails loudly on any invalid entry. */
export function readValid(doc: Y.Doc): BoardSnapshot {
  const invalid: InvalidEntry[] = []
  const board = readBoard(doc, { onInvalid: (entry) => invalid.push(entry) })
  if (invalid.length > 0) throw new Error(`invalid entries: ${JSON.stringify(invalid)}`)
  return board
}

/** A board snapshot as plain JSON, to compare replicas. */
export function boardJson(doc: Y.Doc): unknown {
  const board = readBoard(doc)
  return Object.fromEntries(
    Object.entries(board).map(([name, value]) => [name, value instanceof Map ? Object.fromEntries([...value].sort(([a], [b]) => (a < b ? -1 : 1))) : value]),
  )
}
