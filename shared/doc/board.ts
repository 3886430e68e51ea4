/**
 * Creating a board document.
 */
import type * as Y from 'yjs'
import { schemaVersionOf, writeSchemaVersion } from './migrate'
import { SERVER_ORIGIN } from './origin'

/**
 * Stamps a new board with the schema version (the server calls it when it creates a workshop).
 * Returns `false` when the board was already initialised. The collections need no setup: each is
 * a root map, which every replica can create without conflict.
 *
 * @example
 * initBoard(boardDoc)
 */
export function initBoard(doc: Y.Doc, origin: unknown = SERVER_ORIGIN): boolean {
  if (schemaVersionOf(doc, 'board') !== null) return false
  doc.transact(() => writeSchemaVersion(doc, 'board'), origin)
  return true
}
