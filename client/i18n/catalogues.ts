/**
 * Both catalogues at once, each whole (the first screen's strings and the tools'), for tests
 * (completeness, component tests in either language). The app itself loads one language at a time
 * through `startI18n`, and the tools' strings only with the tools (see index.ts).
 */
import * as en from './catalogue.en.ts'
import * as fi from './catalogue.fi.ts'
import { mergeCatalogue } from './merge.ts'
import * as enTools from './toolCatalogue.en.ts'
import * as fiTools from './toolCatalogue.fi.ts'

export type { Catalogue } from './merge.ts'

// Merging throws on a key defined in both parts: each string lives in exactly one.
export const catalogues = { en: mergeCatalogue(en.catalogue, { tools: enTools.catalogue }), fi: mergeCatalogue(fi.catalogue, { tools: fiTools.catalogue }) }

/** The feature catalogue files found, for the completeness test. */
export const featureCatalogueFiles = [
  ...Object.keys(en.featureFiles),
  ...Object.keys(fi.featureFiles),
  ...Object.keys(enTools.featureFiles),
  ...Object.keys(fiTools.featureFiles),
]
