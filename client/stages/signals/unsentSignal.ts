/**
 * The signal a person is still writing, kept on this device until it is added (see
 * `client/sync/browserStorage.ts`): the form opens with it again after a reload or a stage moved on.
 */
import { readDraft, writeDraft, type DraftOwner, type KeyValueStore } from '../../sync/browserStorage.ts'
import { STEEP_CATEGORIES } from '../../../shared/schema/signal.ts'
import type { SignalFormValues } from './signalForm.ts'

/** The fields a person writes; the theme and category are choices, kept with them. */
const TEXT_FIELDS = ['title', 'description', 'sourceUrl', 'whyItMatters'] as const

/** Whether the form holds anything written: a chosen theme alone is not a card in progress. */
function hasWriting(values: SignalFormValues): boolean {
  return TEXT_FIELDS.some((field) => values[field].trim() !== '')
}

/** Whether anything is written or chosen under "More details", the theme too (the form opens them when so). */
export function hasDetails(values: SignalFormValues): boolean {
  return (
    values.description.trim() !== '' || values.sourceUrl.trim() !== '' || values.whyItMatters.trim() !== '' || values.category !== '' || values.themeId !== ''
  )
}

/**
 * The unsent signal kept for `owner`, or null. What is stored is read as untrusted: anything
 * malformed is ignored, and a theme the workshop no longer has is left unchosen. A text past its
 * limit comes back whole, as the form held it: the form counts it over and refuses to add it
 * until shortened (see `LengthCounter`), where cutting it here would lose words without a word.
 */
export function loadUnsentSignal(owner: DraftOwner, themeIds: ReadonlySet<string>, store?: KeyValueStore | null): SignalFormValues | null {
  const parsed = readDraft('signal', owner, store)
  if (!parsed || typeof parsed !== 'object') return null
  const record = parsed as Record<string, unknown>
  const text = (field: keyof SignalFormValues) => (typeof record[field] === 'string' ? record[field] : '')
  const values: SignalFormValues = {
    title: text('title'),
    description: text('description'),
    sourceUrl: text('sourceUrl'),
    whyItMatters: text('whyItMatters'),
    themeId: typeof record.themeId === 'string' && themeIds.has(record.themeId) ? record.themeId : '',
    category: STEEP_CATEGORIES.find((category) => category === record.category) ?? '',
  }
  return hasWriting(values) ? values : null
}

/** Keeps `values` for `owner`, or forgets what was kept once nothing is written (the card was added or cleared). */
export function keepUnsentSignal(owner: DraftOwner, values: SignalFormValues, store?: KeyValueStore | null): void {
  writeDraft('signal', owner, hasWriting(values) ? values : null, store)
}
