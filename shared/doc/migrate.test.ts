import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal } from './commands/signals'
import { migrate, recordMigration, schemaVersionOf, SCHEMA_VERSION, type Migration } from './migrate'
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

  it('a step keyed by record type reshapes each record of that type, in the board and the bank', () => {
    const [board, bank] = recordMigration(1, 'signals', (signal) => signal.set('title', String(signal.get('title')).toUpperCase()))
    expect([board!.kind, bank!.kind]).toEqual(['board', 'bank'])
    const doc = newBoard()
    addSignal(doc, { title: 'care robots' }, anna)
    expect(migrate(doc, 'board', { migrations: [board!], target: 2 })).toEqual({ ok: true, from: 1, to: 2 })
    expect([...readBoard(doc).signals.values()].map((s) => s.title)).toEqual(['CARE ROBOTS'])
  })

  it('an offline copy written by older code, migrated on the device before it syncs, converges with the server’s migrated copy', () => {
    const steps = recordMigration(1, 'signals', (signal) => signal.set('title', String(signal.get('title')).toUpperCase()))
    const server = newBoard()
    addSignal(server, { title: 'care robots' }, anna)
    const device = new Y.Doc()
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server))
    // The old tab writes on, offline, while the server is updated and migrates its copy.
    addSignal(device, { title: 'night buses' }, anna)
    migrate(server, 'board', { migrations: steps, target: 2 })
    // After the reload, the new app migrates this device's copy, then syncs both ways.
    migrate(device, 'board', { migrations: steps, target: 2 })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(device))
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server))

    for (const doc of [server, device]) {
      expect([...readBoard(doc).signals.values()].map((s) => s.title).sort()).toEqual(['CARE ROBOTS', 'NIGHT BUSES'])
      expect(schemaVersionOf(doc, 'board')).toBe(2)
    }
  })
})
