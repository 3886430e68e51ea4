/** One sample line: `name{label="value",…} 1.5`. */
export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

export interface Family {
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped'
  help: string
  samples: Sample[]
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y
const SUFFIXES: Record<string, readonly string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count'] }

/**
 * Reads Prometheus' text exposition format strictly, as a scraper would: every sample belongs to
 * a family declared by `# TYPE` (histogram samples by their `_bucket`/`_sum`/`_count` names), label
 * values are quoted and escaped, values are numbers. Throws on the first line that is not so.
 */
export function parsePrometheus(text: string): Map<string, Family> {
  const families = new Map<string, Family>()
  const helps = new Map<string, string>()
  for (const [index, line] of text.split('\n').entries()) {
    const where = `line ${index + 1}: ${line}`
    if (line === '') continue
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line)
    if (comment) {
      const [, kind, name, rest] = comment as unknown as [string, string, string, string]
      if (kind === 'HELP') helps.set(name, rest)
      else {
        if (families.has(name)) throw new Error(`family declared twice, ${where}`)
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`unknown type, ${where}`)
        families.set(name, { type: rest as Family['type'], help: helps.get(name) ?? '', samples: [] })
      }
      continue
    }
    if (line.startsWith('#')) continue
    const match = SAMPLE.exec(line)
    if (!match) throw new Error(`not a sample, ${where}`)
    const [, name, labelText, valueText] = match as unknown as [string, string, string | undefined, string]
    const value = valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : Number(valueText)
    // Prometheus reads NaN in any case (Go's ParseFloat); prom-client writes an empty histogram's mean as "Nan".
    if (Number.isNaN(value) && valueText.toLowerCase() !== 'nan') throw new Error(`not a number, ${where}`)
    const family = familyOf(families, name)
    if (!family) throw new Error(`sample of no declared family, ${where}`)
    family.samples.push({ name, labels: parseLabels(labelText ?? '', where), value })
  }
  return families
}

function familyOf(families: Map<string, Family>, name: string): Family | undefined {
  const direct = families.get(name)
  if (direct) return direct
  for (const [base, family] of families) {
    if ((SUFFIXES[family.type] ?? []).some((suffix) => name === base + suffix)) return family
  }
  return undefined
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {}
  LABEL.lastIndex = 0
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text)
    if (!match) throw new Error(`malformed labels, ${where}`)
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char))
  }
  return labels
}
