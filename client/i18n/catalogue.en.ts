/** The English catalogue, a chunk of its own: a phone downloads only the language it shows. */
import base from './en.json'
import { EN as vocabulary } from '../../shared/method/vocabulary.en.ts'
import { mergeCatalogue, type Catalogue } from './merge.ts'

export const featureFiles = import.meta.glob<Catalogue>('../**/locales/en.json', { eager: true, import: 'default' })
// The method's words, shared with the exported report: feature files point at them as $t(vocab.…).
export const catalogue = mergeCatalogue(base as Catalogue, { ...featureFiles, vocabulary: { vocab: vocabulary as unknown as Catalogue } })
