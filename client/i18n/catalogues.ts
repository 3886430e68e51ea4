/**
 * Both catalogues at once, for tests (completeness, component tests in either language). The app
 * itself loads one language at a time through `loadCatalogue` (see index.ts).
 */
import * as en from './catalogue.en.ts'
import * as fi from './catalogue.fi.ts'

export type { Catalogue } from './merge.ts'

export const catalogues = { en: en.catalogue, fi: fi.catalogue }

/** The feature catalogue files found, for the completeness test. */
export const featureCatalogueFiles = [...Object.keys(en.featureFiles), ...Object.keys(fi.featureFiles)]
