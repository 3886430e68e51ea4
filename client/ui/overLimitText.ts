/**
 * Texts left past their limit in fields shared as they are typed (a persona's needs, a story's
 * title, the frame's question), kept on this device (`client/sync/browserStorage.ts`): such a
 * text is never saved to the shared document, so without this a stage moved on, a story closed or
 * a reload threw it away. One entry per field, for this person in this workshop.
 */
import { keptEntries, type DraftOwner, type KeyValueStore } from '../sync/browserStorage.ts'

export interface OverLimitText {
  /** What the person wrote, whole. */
  text: string
  /** The shared text it was written over: kept only while the field still says that. */
  base: string
  /** When it was last written (ms): the oldest entries make room for new ones. */
  at: number
}

/**
 * Fields whose texts are kept at once. A field whose record was deleted never comes back to claim
 * its entry: past this many, the oldest go, so the device does not fill with them.
 */
export const MAX_KEPT = 20

const kept = keptEntries<OverLimitText>(
  'over-limit',
  ({ text, base, at }) => (typeof text === 'string' && typeof base === 'string' && typeof at === 'number' ? { text, base, at } : null),
  MAX_KEPT,
)

/** The text kept for the field `field` (e.g. `story:<id>:title`), or null. */
export function loadOverLimitText(owner: DraftOwner, field: string, store?: KeyValueStore | null): OverLimitText | null {
  return kept.load(owner, field, store)
}

/**
 * Letters one kept text may have. These fields hold a title or a few sentences: a text many
 * times past that is a paste gone wrong (a whole document), and rewriting megabytes on every
 * keystroke would spend the device's storage that the unsent cards share. It stays in the field
 * while the field is open; it is not kept past that.
 */
export const MAX_KEPT_LETTERS = 20_000

/** Keeps `entry` for `field`; null forgets it (shortened and saved, or dropped), as does a text past `MAX_KEPT_LETTERS`. */
export function keepOverLimitText(owner: DraftOwner, field: string, entry: OverLimitText | null, store?: KeyValueStore | null): void {
  kept.keep(owner, field, entry && entry.text.length <= MAX_KEPT_LETTERS ? entry : null, store)
}
