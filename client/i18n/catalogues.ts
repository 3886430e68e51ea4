/**
 * The English and Finnish catalogues: the app-wide ones in this folder, plus one pair per feature
 * folder (`client/<feature>/locales/{en,fi}.json`), merged at build time. Each feature owns its own
 * files, so work on two stages never edits the same catalogue.
 */
import en from './en.json'
import fi from './fi.json'

export type Catalogue = { [key: string]: string | Catalogue }

const featureFiles = import.meta.glob<Catalogue>('../**/locales/*.json', { eager: true, import: 'default' })

function merge(target: Catalogue, source: Catalogue, path: string, file: string): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value, `${path}${key}.`, file)
    else if (existing !== undefined) throw new Error(`${file} redefines the translation key ${path}${key}`)
    else target[key] = value
  }
}

function build(base: Catalogue, language: 'en' | 'fi'): Catalogue {
  const catalogue = structuredClone(base)
  for (const [file, contents] of Object.entries(featureFiles)) {
    if (file.endsWith(`/locales/${language}.json`)) merge(catalogue, contents, '', file)
  }
  return catalogue
}

export const catalogues = { en: build(en as Catalogue, 'en'), fi: build(fi as Catalogue, 'fi') }

/** The feature catalogue files found, for the completeness test. */
export const featureCatalogueFiles = Object.keys(featureFiles)
