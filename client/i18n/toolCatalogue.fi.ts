/**
 * The Finnish strings of the tools the first screen never shows (the facilitator's console, the
 * projector's own panels, results, history, replay, exports, the signal bank), from the feature
 * files under `locales/tools/`: a chunk loaded with those tools (see `withToolStrings`), so a
 * participant's phone does not download them to join.
 */
import { mergeCatalogue, type Catalogue } from './merge.ts'

export const featureFiles = import.meta.glob<Catalogue>('../**/locales/tools/fi.json', { eager: true, import: 'default' })
export const catalogue = mergeCatalogue({}, featureFiles)
