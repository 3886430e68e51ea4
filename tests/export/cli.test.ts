import { execFile } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importWorkshop } from '../../shared/export/index.ts'
import { canonicalWorkshop } from '../../shared/export/testing/canonical.ts'
import { buildFullWorkshop } from '../../shared/export/testing/workshops.ts'
import { importInto, startExportServer } from './support.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** `npm run export -- …` as the package script runs it (tsx), in its own process. */
function runExport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'export.ts'), ...args],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    )
  })
}

describe('npm run export', () => {
  const original = buildFullWorkshop()
  let dataDir = ''
  let workshopId = ''

  beforeAll(async () => {
    // A workshop made through the server, which then stops: the CLI reads what it stored.
    const running = await startExportServer()
    dataDir = running.server.dataDir
    workshopId = (await importInto(running.exportUrl, original)).id
    await running.close()
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('writes the Markdown report from the data directory', async () => {
    const out = join(dataDir, 'report.md')
    const result = await runExport([workshopId, '--format', 'md', '--out', out, '--data', dataDir])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/^Wrote .*report\.md \(\d+ bytes\)\./)
    const markdown = readFileSync(out, 'utf8')
    expect(markdown.startsWith('# Everyday welfare 2040\n')).toBe(true)
    expect(markdown.indexOf('## Future stories')).toBeLessThan(markdown.indexOf('## Trends and driving forces'))
  })

  it('writes any text format to stdout, and the JSON holds the whole workshop', async () => {
    const csv = await runExport([workshopId, '--format=csv', '--out', '-', '--data', dataDir, '--no-participants'])
    expect(csv.code, csv.stderr).toBe(0)
    expect(csv.stdout.startsWith('\uFEFFTitle,Description')).toBe(true)
    const json = await runExport([workshopId, '--format', 'json', '--out', '-', '--data', dataDir])
    const imported = importWorkshop(json.stdout)
    if (!imported.ok) throw new Error(imported.message)
    expect(canonicalWorkshop(imported.workshop)).toEqual(canonicalWorkshop(original))
  })

  it('takes a workshop id that starts with "-" (one in 64 do) for the id, not a flag', async () => {
    const dashed = await runExport(['-' + 'C'.repeat(21), '--format', 'csv', '--data', dataDir])
    expect(dashed.code).toBe(1)
    expect(dashed.stderr).toMatch(/no workshop -C{21} in this data directory/)
  })

  it('explains what is wrong: usage, unknown workshop, no store', async () => {
    const [usage, unknown, nowhere] = await Promise.all([
      runExport([workshopId, '--format', 'docx', '--data', dataDir]),
      runExport(['C'.repeat(22), '--data', dataDir]),
      runExport([workshopId, '--data', join(dataDir, 'missing')]),
    ])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/--format must be one of md, html, pdf, csv, json\nusage: npm run export/)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no workshop C{22} in this data directory/)
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toMatch(/no store at .*missing.*workshops\.sqlite/)
  })
})
