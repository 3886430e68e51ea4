import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal } from './commands/signals'
import { migrate, schemaVersionOf, SCHEMA_VERSION, type Migration } from './migrate'
import { readBoard } from './read'
import { SCHEMA_VERSION_KEY, boardCollection, boardInfo } from './roots'
import { anna, newBoard } from './testing/fixtures'

/** A test-only step 1 → 2: signals gain an upper-cased title (stands in for a real field change). */
const shoutTitles: Migration = {
  kind: 'board',
  from: 1,
  up(doc) {
    for (const entry of boardCollection(doc, 'signals').values()) {
      if (entry instanceof Y.Map && typeof entry.get('title') === 'string') entry.set('title', (entry.get('title') as string).toUpperCase())
    }
  },
}

describe('migrate', () => {
  it('stamps new documents with the current version', () => {
    expect(SCHEMA_VERSION).toBe(1)
    expect(schemaVersionOf(newBoard(), 'board')).toBe(1)
  })

  it('opens a version 1 document migrated to version 2', () => {
    const stored = newBoard()
    addSignal(stored, { title: 'care robots' }, anna)
    // Reopen from its bytes, as the server would after a restart with newer code.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored))

    expect(migrate(doc, 'board', { migrations: [shoutTitles], target: 2 })).toEqual({ ok: true, from: 1, to: 2 })
    expect(schemaVersionOf(doc, 'board')).toBe(2)
    expect([...readBoard(doc).signals.values()].map((s) => s.title)).toEqual(['CARE ROBOTS'])
    // Running again is a no-op: the version says it is done.
    expect(migrate(doc, 'board', { migrations: [shoutTitles], target: 2 })).toEqual({ ok: true, from: 2, to: 2 })
    expect([...readBoard(doc).signals.values()].map((s) => s.title)).toEqual(['CARE ROBOTS'])
  })

  it('reports a document from newer code instead of opening it', () => {
    const doc = newBoard()
    boardInfo(doc).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION + 1)
    expect(migrate(doc, 'board')).toEqual({ ok: false, error: 'newerVersion', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION })
  })

  it('reports a gap in the migration chain', () => {
    const doc = newBoard()
    expect(migrate(doc, 'board', { migrations: [], target: 2 })).toMatchObject({ ok: false, error: 'missingMigration', found: 1 })
    expect(schemaVersionOf(doc, 'board')).toBe(1)
  })

  it('leaves an uninitialised document alone', () => {
    expect(migrate(new Y.Doc(), 'control')).toEqual({ ok: true, from: null, to: null })
  })
})
