import * as Y from 'yjs'
import type { DocStore } from './docStore.ts'
import type { PgDocStore } from './pgStore.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'

export interface MigrationReport {
  workshops: number
  documents: number
  snapshots: number
  /** Workshops already in the target (an earlier run): verified, not copied again. */
  skipped: number
}

export class MigrationMismatch extends Error {}

/**
 * Copies every workshop of one store into a PostgreSQL store: its record, each document as one
 * snapshot of its whole state, its join code and its history (with the original times). Then
 * reads every document back from the target and compares it with the source (state vector and
 * deleted items, `Y.equalSnapshots`): a mismatch throws and names the document.
 *
 * A workshop already in the target is verified but not copied again, so an interrupted run can
 * simply be run again. The source is only read. The retention clock of each workshop restarts
 * at the migration (SQLite's last-change time is not part of the store interface).
 */
export async function migrateStore(from: DocStore, to: PgDocStore, log: (line: string) => void): Promise<MigrationReport> {
  const report: MigrationReport = { workshops: 0, documents: 0, snapshots: 0, skipped: 0 }
  const ids = await from.listUntouchedSince(Number.MAX_SAFE_INTEGER)
  for (const id of ids) {
    const record = (await from.getWorkshop(id))!
    const copied = await to.getWorkshop(id)
    const docNames = await from.listDocs(id)
    if (copied) {
      report.skipped++
    } else {
      await to.createWorkshop(record)
      for (const name of docNames) await to.compact(id, name, await wholeState(from, id, name), 0)
      const code = await from.joinCodeOf(id)
      if (code && !(await to.putJoinCode(code))) log(`the join code ${code.code} of ${id} is taken in the target; a new one is made when asked for`)
      const history = (await from.listHistory(id)).sort((a, b) => a.id - b.id)
      for (const entry of history) {
        const snapshot = await from.getHistory(id, entry.id)
        if (snapshot) await to.importHistory(snapshot)
      }
      await to.touch(id, Date.now())
      report.snapshots += history.length
    }
    for (const name of docNames) {
      if (!sameState(await wholeState(from, id, name), await wholeState(to, id, name))) {
        throw new MigrationMismatch(`${id}/${name} differs between the source and the target`)
      }
    }
    report.documents += docNames.length
    report.workshops++
    log(`${copied ? 'verified' : 'copied'} ${id} “${record.title}” (${docNames.length} documents)`)
  }
  return report
}

async function wholeState(store: DocStore, workshopId: string, docName: string): Promise<Uint8Array> {
  const doc = newDoc()
  try {
    for (const update of (await store.load(workshopId, docName)).updates) Y.applyUpdate(doc, update)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

function sameState(a: Uint8Array, b: Uint8Array): boolean {
  const [docA, docB] = [newDoc(), newDoc()]
  try {
    Y.applyUpdate(docA, a)
    Y.applyUpdate(docB, b)
    return Y.equalSnapshots(Y.snapshot(docA), Y.snapshot(docB)) && JSON.stringify(docA.toJSON()) === JSON.stringify(docB.toJSON())
  } finally {
    docA.destroy()
    docB.destroy()
  }
}
