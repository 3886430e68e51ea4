/**
 * The signal a person is still writing, kept on this device until it is added. The form lives in
 * the page, so without this a stage moved on by the facilitator, a reload or a phone that
 * dropped the tab threw away the words typed so far; now the form opens with them again.
 * One per person per workshop in this browser, in localStorage: a facilitator trying the
 * participant link in another tab does not find their own half-written card there.
 */
import { browserStorage, type KeyValueStore } from '../../sync/browserStorage.ts'
import { STEEP_CATEGORIES } from '../../../shared/schema/signal.ts'
import { LIMITS, type SignalFormValues } from './signalForm.ts'

const storageKey = (owner: UnsentOwner) => `s2s:unsent-signal:${owner.workshopId}:${owner.participantId}`

/** Whose unsent signal: a person in a workshop. */
export interface UnsentOwner {
  workshopId: string
  participantId: string
}

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
 * malformed is ignored, and a theme the workshop no longer has is left unchosen.
 */
export function loadUnsentSignal(owner: UnsentOwner, themeIds: ReadonlySet<string>, store: KeyValueStore | null = browserStorage()): SignalFormValues | null {
  let parsed: unknown
  try {
    const stored = store?.getItem(storageKey(owner))
    if (!stored) return null
    parsed = JSON.parse(stored)
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== 'object') return null
  const record = parsed as Record<string, unknown>
  const text = (field: keyof SignalFormValues, max: number) => (typeof record[field] === 'string' ? record[field].slice(0, max) : '')
  const values: SignalFormValues = {
    title: text('title', LIMITS.title),
    description: text('description', LIMITS.description),
    sourceUrl: text('sourceUrl', LIMITS.sourceUrl),
    whyItMatters: text('whyItMatters', LIMITS.whyItMatters),
    themeId: typeof record.themeId === 'string' && themeIds.has(record.themeId) ? record.themeId : '',
    category: STEEP_CATEGORIES.find((category) => category === record.category) ?? '',
  }
  return hasWriting(values) ? values : null
}

/** Keeps `values` for `owner`, or forgets what was kept once nothing is written (the card was added or cleared). */
export function keepUnsentSignal(owner: UnsentOwner, values: SignalFormValues, store: KeyValueStore | null = browserStorage()): void {
  try {
    if (hasWriting(values)) store?.setItem(storageKey(owner), JSON.stringify(values))
    else store?.removeItem?.(storageKey(owner))
  } catch {
    // Private mode or full storage: the words stay in the form for as long as the page does.
  }
}
