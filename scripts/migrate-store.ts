/**
 * `npm run migrate-store -- --from ./data --to postgres://user:password@host/db`
 *
 * Moves an installation from SQLite to PostgreSQL: copies every workshop and verifies each
 * document by comparing its state in both (server/store/migrateStore.ts). Stop the server first:
 * what it holds in memory is stored when it stops. The SQLite file and its update journal (what
 * a crashed server acknowledged but had not folded in) are only read.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { migrateStore } from '../server/store/migrateStore.ts'
import { PgDocStore } from '../server/store/pgStore.ts'
import { JournaledSqliteStore } from '../server/store/journaledSqliteStore.ts'

const USAGE = 'usage: npm run migrate-store -- --from ./data --to postgres://user:password@host:5432/database'

async function main(): Promise<number> {
  let values: { from: string; to?: string }
  try {
    // Strict, as `npm start` and `npm run export` are: an unknown flag or a stray word is an error with the usage line.
    ;({ values } = parseArgs({ strict: true, allowPositionals: false, options: { from: { type: 'string', default: './data' }, to: { type: 'string' } } }))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const dataDir = resolve(values.from)
  if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
    console.error(USAGE)
    return 2
  }
  if (!existsSync(join(dataDir, 'workshops.sqlite'))) {
    console.error(`no workshops.sqlite in ${dataDir}\n${USAGE}`)
    return 2
  }
  const from = new JournaledSqliteStore(dataDir, { readOnly: true })
  const to = await PgDocStore.open(values.to)
  try {
    const report = await migrateStore(from, to, (line) => console.log(line))
    console.log(
      `Done: ${report.workshops} workshops (${report.skipped} already there, verified), ${report.documents} documents verified, ${report.snapshots} history snapshots copied.`,
    )
    return 0
  } finally {
    await Promise.all([from.close(), to.close()])
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
