/** The Finnish catalogue, a chunk of its own: a phone downloads only the language it shows. */
import base from './fi.json'
import { mergeCatalogue, type Catalogue } from './merge.ts'

export const featureFiles = import.meta.glob<Catalogue>('../**/locales/fi.json', { eager: true, import: 'default' })
export const catalogue = mergeCatalogue(base as Catalogue, featureFiles)
