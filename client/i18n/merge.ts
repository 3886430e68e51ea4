/**
 * How a language's catalogue is put together: the app-wide file in this folder, plus one file per
 * feature folder (`client/<feature>/locales/<language>.json`), merged at build time. Each feature
 * owns its own files, so work on two stages never edits the same catalogue.
 */
export type Catalogue = { [key: string]: string | Catalogue }

function merge(target: Catalogue, source: Catalogue, path: string, file: string): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value, `${path}${key}.`, file)
    else if (existing !== undefined) throw new Error(`${file} redefines the translation key ${path}${key}`)
    else target[key] = value
  }
}

/** The app-wide catalogue with every feature file of the same language merged in. */
export function mergeCatalogue(base: Catalogue, featureFiles: Record<string, Catalogue>): Catalogue {
  const catalogue = structuredClone(base)
  for (const [file, contents] of Object.entries(featureFiles)) merge(catalogue, contents, '', file)
  return catalogue
}
