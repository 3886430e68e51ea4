import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newDoc } from './newDoc.ts'

/** The text's formatting items, in order: what Yjs' tidying deletes when it runs. */
function formattingItems(text: Y.Text): string[] {
  const found: string[] = []
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentFormat) found.push(`${item.content.key}=${JSON.stringify(item.content.value)}`)
  }
  return found
}

/**
 * Two people make the same word bold at once, which leaves its text with two pairs of marks, and a
 * third deletes the word: the copy that receives the deletion from elsewhere tidies, unless it is
 * told not to, deleting the marks left around the gap but one (none of them marks anything now).
 */
function deletedBoldWord(receiver: Y.Doc): Y.Text {
  const origin = new Y.Doc()
  origin.getText('story').insert(0, 'a tuesday at home')
  const base = Y.encodeStateAsUpdate(origin)
  const [first, second] = [new Y.Doc(), new Y.Doc()]
  for (const person of [first, second]) {
    Y.applyUpdate(person, base)
    person.getText('story').format(2, 7, { bold: {} })
  }
  const bothBold = Y.mergeUpdates([Y.encodeStateAsUpdate(first), Y.encodeStateAsUpdate(second)])
  // Typed first: Yjs notes that a text holds formatting on the text, not on a root not yet typed.
  const text = receiver.getText('story')
  Y.applyUpdate(receiver, bothBold)
  const third = new Y.Doc()
  Y.applyUpdate(third, bothBold)
  // Deleted as an item: Y.Text.delete would tidy the gap itself, in the deleting copy.
  third.transact((transaction) => {
    for (let item = third.getText('story')._start; item; item = item.right) {
      if (item.content instanceof Y.ContentString && item.content.str === 'tuesday') item.delete(transaction)
    }
  })
  Y.applyUpdate(receiver, Y.encodeStateAsUpdate(third, Y.encodeStateVector(receiver)))
  return text
}

describe('newDoc', () => {
  it("skips Yjs' tidying of formatting after a change from elsewhere, and reads the same", () => {
    const tidied = deletedBoldWord(new Y.Doc())
    const kept = deletedBoldWord(newDoc())
    expect(formattingItems(tidied)).toEqual(['bold=null'])
    expect(formattingItems(kept)).toEqual(['bold={}', 'bold={}', 'bold=null', 'bold=null'])
    expect(kept.toDelta()).toEqual(tidied.toDelta())
    expect(kept.toString()).toBe('a  at home')
  })

  it('passes its options on', () => {
    expect(newDoc({ gc: false }).gc).toBe(false)
  })
})
