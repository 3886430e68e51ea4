import { describe, expect, it } from 'vitest'
import { STAGE_KINDS } from '../../shared/schema/stage.ts'
import { catalogues as merged, featureCatalogueFiles, type Catalogue } from './catalogues.ts'

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') entries.set(path, value)
    else for (const [k, v] of flatten(value, path)) entries.set(k, v)
  }
  return entries
}

const catalogues = { en: flatten(merged.en), fi: flatten(merged.fi) }

describe('translation catalogues', () => {
  it('come in pairs: every feature with an English file has a Finnish one', () => {
    const pairs = new Set(featureCatalogueFiles.map((file) => file.replace(/(en|fi)\.json$/, '')))
    const unpaired = [...pairs].filter((prefix) => !featureCatalogueFiles.includes(`${prefix}en.json`) || !featureCatalogueFiles.includes(`${prefix}fi.json`))
    expect(unpaired).toEqual([])
  })

  it('have the same keys in English and Finnish', () => {
    const missingInFi = [...catalogues.en.keys()].filter((key) => !catalogues.fi.has(key))
    const missingInEn = [...catalogues.fi.keys()].filter((key) => !catalogues.en.has(key))
    expect({ missingInFi, missingInEn }).toEqual({ missingInFi: [], missingInEn: [] })
  })

  it('have no empty values', () => {
    const empty = Object.entries(catalogues).flatMap(([language, entries]) =>
      [...entries].filter(([, value]) => value.trim() === '').map(([key]) => `${language}: ${key}`),
    )
    expect(empty).toEqual([])
  })

  it('use the same interpolation variables in both languages', () => {
    const variables = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    const mismatched = [...catalogues.en].filter(([key, value]) => {
      const other = catalogues.fi.get(key)
      return other !== undefined && variables(value).join() !== variables(other).join()
    })
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('point only at words that exist: every $t(…) names a key of the same language', () => {
    const dangling = Object.entries(catalogues).flatMap(([language, entries]) =>
      [...entries].flatMap(([key, value]) =>
        [...value.matchAll(/\$t\(([\w.]+)\)/g)].filter((m) => !entries.has(m[1]!)).map((m) => `${language}: ${key} → ${m[1]}`),
      ),
    )
    expect(dangling).toEqual([])
    // The shared vocabulary is reached (a rename there would otherwise show "$t(vocab.…)" on screen).
    expect(catalogues.fi.get('wheel.keyDriver')).toBe('$t(vocab.keyDriver)')
    expect(catalogues.fi.get('vocab.keyDriver')).toBe('Keskeinen muutosvoima')
  })

  it('name and explain every stage kind', () => {
    const kinds = STAGE_KINDS
    for (const kind of kinds) {
      expect(catalogues.en.get(`stage.${kind}.name`)).toBeTruthy()
      expect(catalogues.en.get(`stage.${kind}.instruction`)).toBeTruthy()
    }
    // Finnish names of their own, one per stage: not English left untranslated, no two alike.
    const finnish = kinds.map((kind) => catalogues.fi.get(`stage.${kind}.name`) ?? '')
    expect(finnish.filter((name, i) => name === '' || name === catalogues.en.get(`stage.${kinds[i]}.name`))).toEqual([])
    expect(new Set(finnish).size).toBe(kinds.length)
  })
})
