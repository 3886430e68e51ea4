import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { DocStore } from '../server/store/docStore.ts'
import { JournaledSqliteStore } from '../server/store/journaledSqliteStore.ts'
import { SqliteDocStore } from '../server/store/sqliteStore.ts'

/**
 * The store's cost per turn, as the sync bench's small room pays it: one ~30-byte update per
 * turn at 20 turns a second. CPU time of this process (user + system), so other processes on the
 * shared machine do not inflate it; the two stores alternate, several rounds, medians compared.
 * The journaled store's folds (one transaction a second, so one per 20 turns) are included in its
 * figure: called here between turns, where its timer would run them.
 *
 * Environment: BENCH_STORE_TURNS=400 per round, BENCH_STORE_ROUNDS=5.
 */
const TURNS = Number(process.env.BENCH_STORE_TURNS ?? 400)
const ROUNDS = Number(process.env.BENCH_STORE_ROUNDS ?? 5)
/** Turns per second in the sync bench's phases, so the journal folds once every this many turns. */
const TURNS_PER_FOLD = 20

const cpuMicros = () => {
  const { user, system } = process.cpuUsage()
  return user + system
}

async function perTurn(open: (dir: string) => DocStore): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-store-bench-'))
  const store = open(dir)
  const doc = new Y.Doc()
  const text = doc.getText('t')
  let spent = 0
  try {
    for (let turn = 0; turn < TURNS; turn++) {
      text.insert(text.length, 'x')
      const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))
      const started = cpuMicros()
      await store.appendUpdates([{ workshopId: 'bench', docName: 'board', update }])
      if (store instanceof JournaledSqliteStore && turn % TURNS_PER_FOLD === TURNS_PER_FOLD - 1) store.fold()
      spent += cpuMicros() - started
    }
    return spent / TURNS
  } finally {
    await store.close()
    doc.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runStoreBench(): Promise<void> {
  const commit: number[] = []
  const journal: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    commit.push(await perTurn((dir) => new SqliteDocStore(dir)))
    journal.push(await perTurn((dir) => new JournaledSqliteStore(dir)))
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  console.log(`store CPU per turn (µs, ${TURNS} turns × ${ROUNDS} rounds, alternating, median):`)
  console.table({
    'commit per turn': { µs: Math.round(median(commit)), rounds: commit.map(Math.round).join(' ') },
    'journal, folded each second': { µs: Math.round(median(journal)), rounds: journal.map(Math.round).join(' ') },
  })
  console.log(`ratio journal / commit: ${(median(journal) / median(commit)).toFixed(2)}`)
}
