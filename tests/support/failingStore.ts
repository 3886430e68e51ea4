import type { DocStore } from '../../server/store/docStore.ts'
import { JournaledSqliteStore } from '../../server/store/journaledSqliteStore.ts'

/**
 * The server's real SQLite store (journal included) with a switch that makes every write fail the way a full disk does
 * (SQLITE_FULL), while reads keep working. Turning it off is the disk being freed.
 */
export function failingStore(dataDir: string): DocStore & { failing: boolean } {
  const real = new JournaledSqliteStore(dataDir)
  const state = { failing: false }
  const guard =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (state.failing) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      return write(...args)
    }
  return Object.assign(state, {
    load: real.load.bind(real),
    listDocs: real.listDocs.bind(real),
    listUntouchedSince: real.listUntouchedSince.bind(real),
    deleteDocs: guard(real.deleteDocs.bind(real)),
    deleteWorkshop: guard(real.deleteWorkshop.bind(real)),
    setParticipantKey: guard(real.setParticipantKey.bind(real)),
    getWorkshop: real.getWorkshop.bind(real),
    listHistory: real.listHistory.bind(real),
    getHistory: real.getHistory.bind(real),
    joinCodeOf: real.joinCodeOf.bind(real),
    findJoinCode: real.findJoinCode.bind(real),
    putJoinCode: guard(real.putJoinCode.bind(real)),
    close: real.close.bind(real),
    appendUpdates: guard(real.appendUpdates.bind(real)),
    compact: guard(real.compact.bind(real)),
    renewDoc: guard(real.renewDoc.bind(real)),
    previousGeneration: real.previousGeneration.bind(real),
    quarantine: guard(real.quarantine.bind(real)),
    createWorkshop: guard(real.createWorkshop.bind(real)),
    saveHistory: guard(real.saveHistory.bind(real)),
    checkWritable: guard(real.checkWritable.bind(real)),
  })
}
