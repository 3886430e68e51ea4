import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The architecture in one test: client/ and server/ both stand on shared/ and never on each
 * other; shared/ stands on nothing of ours and on no platform (no node:, no DOM-only modules),
 * so the same code runs in the browser and on the server.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SHARED_PACKAGES = new Set(['yjs', 'zod', 'fractional-indexing', 'lib0', '@orama/stemmers'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    // Tests may use the test runner; the rule is about the code that ships.
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const specifiers: string[] = []
  for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    specifiers.push((match[1] ?? match[2] ?? match[3])!)
  }
  return specifiers
}

/** Which top-level layer a specifier lands in, or the package name for bare specifiers. */
function target(file: string, specifier: string): { layer?: string; pkg?: string } {
  if (!specifier.startsWith('.')) {
    const parts = specifier.split('/')
    return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] }
  }
  const layer = relative(root, resolve(dirname(file), specifier)).split(/[\\/]/)[0]
  return { layer }
}

function violations(layer: string, allowed: (t: { layer?: string; pkg?: string }) => boolean): string[] {
  return sourceFiles(join(root, layer)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(target(file, specifier)))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  )
}

describe('layering', () => {
  it('client/ never imports server/', () => {
    expect(violations('client', (t) => t.layer !== 'server')).toEqual([])
  })

  it('server/ never imports client/', () => {
    expect(violations('server', (t) => t.layer !== 'client')).toEqual([])
  })

  it('shared/ imports only itself and pure packages', () => {
    expect(violations('shared', (t) => (t.layer ? t.layer === 'shared' : SHARED_PACKAGES.has(t.pkg!)))).toEqual([])
  })

  it('the check itself sees a violation when there is one', () => {
    expect(target(join(root, 'client', 'x.ts'), '../server/app.ts').layer).toBe('server')
    expect(target(join(root, 'shared', 'x.ts'), 'node:fs').pkg).toBe('node:fs')
    expect(importsOf(join(root, 'server', 'app.ts'))).toContain('../shared/protocol.ts')
  })
})
