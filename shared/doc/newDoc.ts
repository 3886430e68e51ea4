import * as Y from 'yjs'

/**
 * A Y.Doc for a workshop document, with Yjs' tidying of formatting turned off. Every document
 * that takes in other people's changes is made here: the server's rooms, its loads, exports and
 * history, and the app's own copies.
 *
 * After each change from elsewhere that touches a formatted text, Yjs looks for formatting marks
 * that became redundant and deletes them (cleanupYTextAfterTransaction). The work is not bounded
 * by the change: it walks from every deleted letter to both ends of the run it is in, and through
 * whole texts. A 30-byte update (a story of 16,000 letters typed by turns, deleted, and a mark
 * changed in another) took it 0.8–1.1 s on the server and as long in every browser, and counting
 * that work before applying missed shapes and refused honest edits. What it deletes changes nothing
 * anyone reads: a mark starting again where it already holds, or ending where it never started.
 *
 * An 'afterTransaction' listener runs just before the tidying and clears the transaction's flag
 * for it. The flag is Yjs' private `_needFormattingCleanup` (yjs is pinned in package.json):
 * newDoc.test.ts fails if this stops working.
 */
export function newDoc(options?: ConstructorParameters<typeof Y.Doc>[0]): Y.Doc {
  const doc = new Y.Doc(options)
  doc.on('afterTransaction', skipFormattingTidy)
  return doc
}

function skipFormattingTidy(transaction: Y.Transaction): void {
  ;(transaction as unknown as { _needFormattingCleanup: boolean })._needFormattingCleanup = false
}
