/**
 * The tools' strings (`locales/tools/`) come in a chunk of their own, loaded by `withToolStrings`
 * with the lazy imports of the tools that use them. Code a page can run before such an import
 * must not use them: it would show keys. This follows the imports from `main.tsx` (static ones
 * and `import()`, except those wrapped in `withToolStrings`) and looks for the tools' keys in
 * every file reached, as literals or as the fixed start of a template (`console.timer.${…}`).
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogue as mainEn } from './catalogue.en.ts'
import { catalogue as mainFi } from './catalogue.fi.ts'
import type { Catalogue } from './merge.ts'
import { catalogue as toolsEn } from './toolCatalogue.en.ts'

const client = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function keysOf(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)))
}

/** Source files a page can run without opening a tool: what `main.tsx` reaches, wrapped tool imports left out. */
function reachedWithoutTools(): Map<string, string> {
  const reached = new Map<string, string>()
  const waiting = [join(client, 'main.tsx')]
  while (waiting.length > 0) {
    const file = waiting.pop()!
    if (reached.has(file)) continue
    const source = readFileSync(file, 'utf8')
    reached.set(file, source)
    for (const line of source.split('\n')) {
      if (line.includes('withToolStrings(')) continue
      for (const [, path] of line.matchAll(/(?:from |import\(|^import )'(\.{1,2}\/[^']+\.tsx?)'/g)) waiting.push(resolve(dirname(file), path!))
    }
  }
  return reached
}

describe("the tools' strings", () => {
  it('are used only by code behind withToolStrings', () => {
    const toolKeys = keysOf(toolsEn)
    const files = reachedWithoutTools()
    // The walk reaches the first screen (a stage's working view) and stops at the tools.
    expect([...files.keys()].some((file) => file.endsWith('stages/signals/SignalsStage.tsx'))).toBe(true)
    expect([...files.keys()].some((file) => file.endsWith('facilitator/FacilitatorConsole.tsx'))).toBe(false)
    const used: string[] = []
    for (const [file, source] of files) {
      for (const [, literal] of source.matchAll(/['`]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+\.?)(?:'|`|\$\{)/g)) {
        const dynamic = literal!.endsWith('.')
        if (toolKeys.some((key) => (dynamic ? key.startsWith(literal!) : key === literal || key.startsWith(`${literal}_`))))
          used.push(`${file.slice(client.length + 1)}: ${literal}`)
      }
    }
    expect(used).toEqual([])
  })

  it("are not pointed at from the first screen's part: its $t(…) resolve within it", () => {
    for (const main of [mainEn, mainFi]) {
      const keys = new Set(keysOf(main))
      const dangling = keysOf(main).flatMap((key) => {
        const value = key.split('.').reduce<Catalogue | string>((node, part) => (node as Catalogue)[part]!, main) as string
        return [...value.matchAll(/\$t\(([\w.]+)\)/g)].map((m) => m[1]!).filter((target) => !keys.has(target))
      })
      expect(dangling).toEqual([])
    }
  })
})
