/**
 * `npm run export -- <workshopId> [--format md|html|pdf|csv|json] [--out FILE|-] [--data DIR] [--no-participants]`
 *
 * Exports a workshop straight from the data directory, without a running server: loads the
 * stored documents into fresh Y.Docs (the same updates the server would load), brings them to
 * the current schema in memory only, and writes the export. Nothing is written to the store.
 * Next to a running server it sees every change the server acknowledged (*saved*) before the
 * export started, those still in the update journal included; changes of the current instant
 * not yet acknowledged are only in the server's memory (the HTTP export reads those too).
 */
import { parseArgs } from 'node:util'
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as Y from 'yjs'
import { migrate, readControl } from '../shared/doc/index.ts'
import {
  EXPORT_FORMATS,
  exportFilename,
  exportHtml,
  exportMarkdown,
  exportSignalsCsv,
  exportWorkshopJson,
  isExportFormat,
  type ExportInput,
} from '../shared/export/index.ts'
import { BOARD_DOC, CONTROL_DOC, ID_PATTERN } from '../shared/protocol.ts'
import { DEFAULT_LIMITS } from '../server/config.ts'
import { PdfRenderer } from '../server/export/pdf.ts'
import type { DocStore } from '../server/store/docStore.ts'
import { JournaledSqliteStore } from '../server/store/journaledSqliteStore.ts'
import { loadPool } from '../server/sync/load/loadPool.ts'

const USAGE = `usage: npm run export -- <workshopId> [--format ${EXPORT_FORMATS.join('|')}] [--out FILE|-] [--data DIR] [--no-participants]`

class UsageError extends Error {}

interface Args {
  workshopId: string
  format: (typeof EXPORT_FORMATS)[number]
  out: string | null
  dataDir: string
  includeParticipants: boolean
}

const OPTIONS = {
  format: { type: 'string', default: 'md' },
  out: { type: 'string' },
  data: { type: 'string' },
  'no-participants': { type: 'boolean', default: false },
} as const

/** The flags that take a value: the word after one is its value, whatever it looks like. */
const VALUE_FLAGS = new Set(
  Object.entries(OPTIONS)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => `--${name}`),
)

/**
 * A workshop id is base64url, so one in 64 starts with "-" ("-jntQIWehP3yk_R4vbDQ4Q") and one in
 * 4,096 with "--" ("--YmuJ85mJrH1_HXq2g32Q"), which parseArgs would take for a flag. No flag here
 * is an id's length: such a word (not a flag's value) is the id, passed on after "--" (unless the
 * caller already put one).
 */
function idsAfterSeparator(argv: readonly string[]): string[] {
  if (argv.includes('--')) return [...argv]
  const dashedId = argv.map((arg, i) => arg.startsWith('-') && ID_PATTERN.test(arg) && !VALUE_FLAGS.has(argv[i - 1] ?? ''))
  if (!dashedId.includes(true)) return [...argv]
  return [...argv.filter((_, i) => !dashedId[i]), '--', ...argv.filter((_, i) => dashedId[i])]
}

/** Strict flags (node:util parseArgs): an unknown or value-less flag is a usage error, as the server's are. */
function readArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Args {
  let parsed
  try {
    parsed = parseArgs({
      args: idsAfterSeparator(argv),
      strict: true,
      allowPositionals: true,
      options: OPTIONS,
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const [workshopId, ...extra] = positionals
  if (!workshopId || extra.length > 0) throw new UsageError('give exactly one workshop id')
  if (!ID_PATTERN.test(workshopId)) throw new UsageError(`"${workshopId}" is not a workshop id (22 letters, digits, - or _)`)
  if (!isExportFormat(values.format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
  return {
    workshopId,
    format: values.format,
    out: values.out ?? null,
    dataDir: values.data ?? env.DATA_DIR ?? './data',
    includeParticipants: !values['no-participants'],
  }
}

/**
 * The stored documents in fresh Y.Docs, folded as the server loads them (the load pool: the
 * stored-log guard and a CPU budget per row), so a poisoned log cannot hang the export either.
 * Rows the server would quarantine are left out here too, and named on stderr; this tool only
 * reads, so they stay where they are. Throws when the workshop is not in the store.
 */
async function loadWorkshop(store: DocStore, workshopId: string): Promise<ExportInput> {
  if (!(await store.getWorkshop(workshopId))) throw new Error(`no workshop ${workshopId} in this data directory`)
  const load = async (name: typeof BOARD_DOC | typeof CONTROL_DOC) => {
    const doc = new Y.Doc()
    const stored = await store.load(workshopId, name)
    const { state, left } = await loadPool.fold(name, stored.updates, DEFAULT_LIMITS.loadRowBudgetMs)
    Y.applyUpdate(doc, state)
    for (const { index, reason } of left) {
      const seq = stored.seqs[index]
      console.error(`left out stored ${seq === 0 ? 'snapshot' : `row ${seq}`} of ${name}, as the server would: ${reason}`)
    }
    const migrated = migrate(doc, name)
    if (!migrated.ok) throw new Error(`the ${name} document is schema ${migrated.found}; this version understands ${migrated.supported}`)
    return doc
  }
  return { board: await load(BOARD_DOC), control: await load(CONTROL_DOC) }
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), process.env)
  const storeFile = join(args.dataDir, 'workshops.sqlite')
  if (!existsSync(storeFile)) throw new Error(`no store at ${resolve(storeFile)}; point --data at the server's data directory`)
  const store = new JournaledSqliteStore(args.dataDir, { readOnly: true })
  try {
    const docs = await loadWorkshop(store, args.workshopId)
    const generatedAt = new Date()
    const options = { includeParticipants: args.includeParticipants, generatedAt }
    let output: string | Buffer
    switch (args.format) {
      case 'md':
        output = exportMarkdown(docs, options)
        break
      case 'html':
        output = exportHtml(docs, options)
        break
      case 'csv':
        output = exportSignalsCsv(docs, options)
        break
      case 'json':
        output = exportWorkshopJson(docs, options)
        break
      case 'pdf': {
        const pdf = new PdfRenderer()
        try {
          output = await pdf.render(exportHtml(docs, options))
        } finally {
          await pdf.close()
        }
      }
    }
    if (args.out === '-') {
      process.stdout.write(output)
      return
    }
    const out = args.out ?? exportFilename(readControl(docs.control).meta.title, generatedAt, args.format)
    writeFileSync(out, output)
    console.error(`Wrote ${resolve(out)} (${Buffer.byteLength(output)} bytes).`)
  } finally {
    await Promise.all([store.close(), loadPool.close()])
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : `export failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(error instanceof UsageError ? 2 : 1)
})
