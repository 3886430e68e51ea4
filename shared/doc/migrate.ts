/**
 * Schema versions and migrations.
 *
 * Each document stores the version of the schema it was written with (board and bank: `info`,
 * control: `meta`, draft: `owner`). `migrate` upgrades a document step by step to `SCHEMA_VERSION`, and
 * refuses a document written by newer code rather than opening it half-understood. The server
 * runs it when it loads a document, before any client syncs. The app runs it too, on this
 * device's offline copy before connecting (`client/sync/hooks.ts`): records an older tab wrote
 * offline are upgraded before they reach the server. So a step may run on several copies of the
 * same records and must converge: write the new shape from the old, never depend on running once.
 */
import * as Y from 'yjs'
import type { DocKind } from '../protocol'
import { MIGRATION_ORIGIN } from './origin'
import { readVersion } from './read'
import { SCHEMA_VERSION_KEY, boardCollection, boardInfo, controlMeta, draftOwnerRoot, type BoardCollection } from './roots'
import { SCHEMA_VERSION } from '../version'

export { SCHEMA_VERSION } from '../version'

/** One step: turns a document of version `from` into version `from + 1`, in place. */
export interface Migration {
  readonly kind: DocKind
  readonly from: number
  readonly up: (doc: Y.Doc) => void
}

/**
 * A step keyed by record type: reshapes every record of one collection (`signals`, `trends`, …)
 * in place, in the documents that hold that collection (the board, and the bank for signals).
 * Most schema changes are one record type's; write them this way, and the whole-document form
 * only for a change across types.
 *
 * @example
 * recordMigration(1, 'signals', (signal) => signal.set('source', signal.get('sourceUrl') ?? ''))
 */
export function recordMigration(from: number, collection: BoardCollection, up: (record: Y.Map<unknown>) => void): Migration[] {
  const kinds: DocKind[] = collection === 'signals' ? ['board', 'bank'] : ['board']
  return kinds.map((kind) => ({
    kind,
    from,
    up(doc) {
      for (const record of boardCollection(doc, collection).values()) if (record instanceof Y.Map) up(record)
    },
  }))
}

/** The registered steps. Empty while the schema is at version 1. */
export const MIGRATIONS: readonly Migration[] = []

export type MigrateResult =
  | { readonly ok: true; readonly from: number | null; readonly to: number | null }
  | { readonly ok: false; readonly error: 'newerVersion'; readonly found: number; readonly supported: number }
  | { readonly ok: false; readonly error: 'missingMigration'; readonly found: number; readonly supported: number }

/** The map a document of this kind keeps its version in. */
export function versionMap(doc: Y.Doc, kind: DocKind): Y.Map<unknown> {
  // The bank is board-shaped (signals and info), so its version sits where the board's does.
  return kind === 'board' || kind === 'bank' ? boardInfo(doc) : kind === 'control' ? controlMeta(doc) : draftOwnerRoot(doc)
}

export function schemaVersionOf(doc: Y.Doc, kind: DocKind): number | null {
  return readVersion(versionMap(doc, kind))
}

/**
 * Upgrades `doc` to `target` (default `SCHEMA_VERSION`). A document without a version has not
 * been initialised and is left alone. Each step runs in its own transaction together with its
 * version bump, so a crash between steps leaves a consistent, resumable document.
 *
 * @example
 * const result = migrate(doc, 'board')
 * if (!result.ok) refuseToOpen(result.error) // 'newerVersion': this server is older than the data
 */
export function migrate(
  doc: Y.Doc,
  kind: DocKind,
  { migrations = MIGRATIONS, target = SCHEMA_VERSION }: { migrations?: readonly Migration[]; target?: number } = {},
): MigrateResult {
  const found = schemaVersionOf(doc, kind)
  if (found === null) return { ok: true, from: null, to: null }
  if (found > target) return { ok: false, error: 'newerVersion', found, supported: target }
  for (let version = found; version < target; version++) {
    const step = migrations.find((m) => m.kind === kind && m.from === version)
    if (!step) return { ok: false, error: 'missingMigration', found: version, supported: target }
    doc.transact(() => {
      step.up(doc)
      versionMap(doc, kind).set(SCHEMA_VERSION_KEY, version + 1)
    }, MIGRATION_ORIGIN)
  }
  return { ok: true, from: found, to: target }
}

/** Stamps a fresh document with the current version (part of creating it). */
export function writeSchemaVersion(doc: Y.Doc, kind: DocKind): void {
  versionMap(doc, kind).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION)
}
