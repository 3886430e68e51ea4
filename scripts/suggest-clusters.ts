/**
 * Suggests groups for a file of signals, the way the Trends stage's "Suggest groups" does:
 *
 *     npm run suggest-clusters -- signals.json [--language en|fi|auto] [--threshold 0.22] [--words own-words.txt]
 *
 * Reads `[{"id","title","description"}]` (extra fields are ignored) and prints
 * `{"clusters":[{"label","keywords":[…],"ids":[…]}],"unclustered":[…]}`. Exits 2 with a message
 * on a bad file or argument.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { CLUSTER_THRESHOLD, suggestClusters } from '../shared/cluster/index.ts'

const NotesSchema = z.array(
  z.object({ id: z.union([z.string(), z.number()]).transform(String), title: z.string(), description: z.string().optional().nullable() }).passthrough(),
)

function fail(message: string): never {
  process.stderr.write(`suggest-clusters: ${message}\n`)
  process.exit(2)
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  if (at < 0) return undefined
  const value = args[at + 1]
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`)
  args.splice(at, 2)
  return value
}

const args = process.argv.slice(2)
const language = option(args, '--language') ?? 'auto'
if (language !== 'en' && language !== 'fi' && language !== 'auto') fail('--language must be en, fi or auto')
const thresholdText = option(args, '--threshold')
const threshold = thresholdText === undefined ? CLUSTER_THRESHOLD : Number(thresholdText)
if (!(threshold > 0 && threshold < 1)) fail('--threshold must be a number between 0 and 1')
const wordsFile = option(args, '--words')
const [file, ...rest] = args
if (!file || rest.length > 0) fail('usage: npm run suggest-clusters -- <signals.json> [--language en|fi|auto] [--threshold N] [--words FILE]')

let raw: unknown
try {
  raw = JSON.parse(readFileSync(file, 'utf8'))
} catch (error) {
  fail(`cannot read ${file} as JSON: ${(error as Error).message}`)
}
// The labelled fixture wraps its list: {"signals": […]}.
const list = Array.isArray(raw) ? raw : (raw as { signals?: unknown })?.signals
const parsed = NotesSchema.safeParse(list)
if (!parsed.success) {
  const issue = parsed.error.issues[0]!
  fail(`${file}: item ${issue.path.join('.')}: ${issue.message} (expected [{"id","title","description"}])`)
}
const notes = parsed.data.map((note) => ({ id: note.id, title: note.title, description: note.description ?? '' }))
const ownWords = wordsFile ? readFileSync(wordsFile, 'utf8') : undefined
const fallback = language === 'auto' ? undefined : language
const { clusters, unclustered } = suggestClusters(notes, { language, fallback, threshold, ownWords, ...(fallback ? { labelLanguage: fallback } : {}) })
process.stdout.write(
  `${JSON.stringify({ clusters: clusters.map(({ label, keywords, links, ids }) => ({ label, keywords, links, ids })), unclustered }, null, 2)}\n`,
)
