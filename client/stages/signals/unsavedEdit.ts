/**
 * The unsaved edits of signal cards, kept on this device (see `client/sync/browserStorage.ts`):
 * one entry per card, for this person in this workshop. Without them a reload, a phone that
 * dropped the tab or a stage moved on closed the card's editor and threw away what was typed in
 * it. The editor keeps its text here as it is typed; Save and Cancel forget it. After a reload, or
 * coming back to the stage, the editor of the card edited last opens again with its text.
 *
 * What happened to the card meanwhile is decided per field, as a save would (`changedFields`):
 * - A field this person did not touch shows the card as it is now: someone else's edit of it is
 *   kept, and a save does not write it.
 * - A field this person changed keeps their text in the editor. If someone else changed it too,
 *   their version is shown beside the editor ("changed meanwhile"), so neither is lost unseen and
 *   the person chooses: Save writes theirs over it, Cancel keeps the card's.
 * - A card deleted (or merged into another) meanwhile keeps the text in an editor of its own,
 *   which adds it as a new card or discards it (`RemovedCardEdit`): the words are never dropped
 *   without the person seeing them, and a duplicate merged away does not come back unasked.
 */
import { keptEntries, type DraftOwner, type KeyValueStore } from '../../sync/browserStorage.ts'
import { STEEP_CATEGORIES } from '../../../shared/schema/signal.ts'
import type { SignalFormValues } from './signalForm.ts'

export interface UnsavedEdit {
  /** What the editor held, whole (a text past its limit too: the editor counts it over). */
  values: SignalFormValues
  /** What the card said when the edit started: what a save is computed against. */
  base: SignalFormValues
  /** When it was last typed in (ms): the latest reopens, and the oldest make room for new ones. */
  at: number
}

/**
 * Cards whose edits are kept at once. A card deleted while nobody looks at its editor never
 * comes back to claim its entry: past this many, the oldest go, so the device does not fill up.
 */
export const MAX_KEPT = 20

const FIELDS = ['title', 'description', 'sourceUrl', 'themeId', 'category', 'whyItMatters'] as const satisfies readonly (keyof SignalFormValues)[]

/** A form's values read from storage, or null when anything is malformed. */
function valuesFrom(stored: unknown): SignalFormValues | null {
  if (!stored || typeof stored !== 'object') return null
  const record = stored as Record<string, unknown>
  if (!FIELDS.every((field) => typeof record[field] === 'string')) return null
  const text = (field: keyof SignalFormValues) => record[field] as string
  return {
    title: text('title'),
    description: text('description'),
    sourceUrl: text('sourceUrl'),
    themeId: text('themeId'),
    category: STEEP_CATEGORIES.find((category) => category === record.category) ?? '',
    whyItMatters: text('whyItMatters'),
  }
}

const edits = keptEntries<UnsavedEdit>(
  'signal-edit',
  (record) => {
    const values = valuesFrom(record.values)
    const base = valuesFrom(record.base)
    return values && base && typeof record.at === 'number' ? { values, base, at: record.at } : null
  },
  MAX_KEPT,
)

/** Whether the editor holds anything other than what it started from. */
function isEdited(edit: Pick<UnsavedEdit, 'values' | 'base'>): boolean {
  return FIELDS.some((field) => edit.values[field] !== edit.base[field])
}

/** The unsaved edit kept for the card `signalId`, or null. */
export function loadUnsavedEdit(owner: DraftOwner, signalId: string, store?: KeyValueStore | null): UnsavedEdit | null {
  return edits.load(owner, signalId, store)
}

/** The card whose edit was typed in last (its editor opens again), or null. */
export function latestUnsavedEdit(owner: DraftOwner, store?: KeyValueStore | null): string | null {
  const latest = Object.entries(edits.all(owner, store)).sort(([, a], [, b]) => b.at - a.at)[0]
  return latest ? latest[0] : null
}

/** Keeps `edit` for the card `signalId`; null, or an edit that changes nothing, forgets it (saved, cancelled, typed back). */
export function keepUnsavedEdit(owner: DraftOwner, signalId: string, edit: UnsavedEdit | null, store?: KeyValueStore | null): void {
  edits.keep(owner, signalId, edit && isEdited(edit) ? edit : null, store)
}

export interface ResumedEdit {
  /** What a save is computed against (`changedFields`). */
  opened: SignalFormValues
  /** What the editor shows. */
  values: SignalFormValues
  /** Fields this person changed that someone else changed too, to another text, meanwhile. */
  changedElsewhere: (keyof SignalFormValues)[]
}

/**
 * Where the editor of a card that now says `card` starts, given the edit kept for it (see the
 * module's comment for what each case means). Without a kept edit, it starts from the card.
 *
 * @example
 * // Anna retitled "Robots", then reloaded; Ben had meanwhile rewritten its description. Her editor
 * // shows her title with Ben's description, and a save writes the title only:
 * resumeEdit({ base: robots, values: { ...robots, title: 'Care robots' } }, { ...robots, description: 'Espoo pilots them' })
 * // → values: { ...robots, title: 'Care robots', description: 'Espoo pilots them' }, changedElsewhere: []
 */
export function resumeEdit(edit: Pick<UnsavedEdit, 'values' | 'base'> | null, card: SignalFormValues): ResumedEdit {
  if (!edit) return { opened: card, values: card, changedElsewhere: [] }
  const opened = { ...card }
  const values = { ...card }
  const changedElsewhere: (keyof SignalFormValues)[] = []
  for (const field of FIELDS) {
    const mine = edit.values[field]
    if (mine === edit.base[field] || mine === card[field]) continue
    Object.assign(values, { [field]: mine })
    if (card[field] !== edit.base[field]) {
      Object.assign(opened, { [field]: edit.base[field] })
      changedElsewhere.push(field)
    }
  }
  return { opened, values, changedElsewhere }
}
