import * as Y from 'yjs'

/**
 * A text to type into in protocol tests. The server accepts only the roots a document kind has
 * (each a map), so the text sits in the board's `signals` map under one key. Only the writer
 * creates it (two creators would race for the key); readers read it with `readText`.
 */
export function writableText(doc: Y.Doc): Y.Text {
  const root = doc.getMap('signals')
  let text = root.get('probe-text')
  if (!(text instanceof Y.Text)) {
    text = new Y.Text()
    root.set('probe-text', text)
  }
  return text as Y.Text
}

export function readText(doc: Y.Doc | undefined): string {
  const text = doc?.getMap('signals').get('probe-text')
  return text instanceof Y.Text ? text.toString() : ''
}
