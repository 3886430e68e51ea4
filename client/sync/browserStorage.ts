/** The browser's localStorage where it may be used, for small things a device remembers. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem' | 'key' | 'length'>>

export function browserStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // some privacy modes throw on access
  }
}

/*
 * Drafts: what a person is still writing in a form, kept on this device until it is sent. Forms live in
 * the page, so without this a stage moved on by the facilitator, a reload or a phone that dropped
 * the tab threw away the words typed so far. One draft of each kind per person per workshop in
 * this browser, in localStorage: a facilitator trying the participant link in another tab does not
 * find their own half-written card there. What comes back is untrusted (another tab, an older
 * version of the app): each form checks it (`unsentSignal.ts`, `unsavedEdit.ts`, `unsentTakeaway.ts`). Kept here,
 * with the device's storage, so a participant's first screen loads no chunk of its own for them.
 */
/** Whose draft: a person in a workshop. */
export interface DraftOwner {
  workshopId: string
  participantId: string
}

/**
 * The form a draft belongs to (part of its storage key). `over-limit` holds, per field, the texts
 * left past their limit in fields shared as they are typed (`client/ui/overLimitText.ts`);
 * `signal-edit`, per card, the unsaved edits of signal cards (`client/stages/signals/unsavedEdit.ts`).
 */
export type DraftKind = 'signal' | 'takeaway' | 'over-limit' | 'signal-edit'

const storageKey = (kind: DraftKind, owner: DraftOwner) => `s2s:unsent-${kind}:${owner.workshopId}:${owner.participantId}`

/** The draft kept for `owner`, parsed but unchecked, or null (none, or not JSON). */
export function readDraft(kind: DraftKind, owner: DraftOwner, store: KeyValueStore | null = browserStorage()): unknown {
  try {
    const stored = store?.getItem(storageKey(kind, owner))
    return stored ? (JSON.parse(stored) as unknown) : null
  } catch {
    return null
  }
}

/** Keeps `draft` for `owner`; null forgets it (sent, cleared or discarded). */
export function writeDraft(kind: DraftKind, owner: DraftOwner, draft: unknown, store: KeyValueStore | null = browserStorage()): void {
  try {
    if (draft === null) store?.removeItem?.(storageKey(kind, owner))
    else store?.setItem(storageKey(kind, owner), JSON.stringify(draft))
  } catch {
    // Private mode or full storage: the words stay in the form for as long as the page does.
  }
}

/** Drafts kept one per item (a card, a field), each with when it was last written. */
export interface KeptEntries<Entry extends { at: number }> {
  /** Every valid entry, by item. */
  all(owner: DraftOwner, store?: KeyValueStore | null): Record<string, Entry>
  load(owner: DraftOwner, item: string, store?: KeyValueStore | null): Entry | null
  /** Keeps `entry` for `item`; null forgets it. */
  keep(owner: DraftOwner, item: string, entry: Entry | null, store?: KeyValueStore | null): void
}

/**
 * One draft of `kind` holding an entry per item (`over-limit`: per field; `signal-edit`: per card).
 * What is stored is untrusted (another tab, an older version of the app): `parse` checks each
 * entry and a malformed one is dropped. An item deleted meanwhile never comes back to claim its
 * entry: past `max` entries the oldest go (by `at`), so the device does not fill with them.
 */
export function keptEntries<Entry extends { at: number }>(
  kind: DraftKind,
  parse: (entry: Record<string, unknown>) => Entry | null,
  max: number,
): KeptEntries<Entry> {
  const all = (owner: DraftOwner, store?: KeyValueStore | null): Record<string, Entry> => {
    const parsed = readDraft(kind, owner, store)
    const kept: Record<string, Entry> = {}
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return kept
    for (const [item, stored] of Object.entries(parsed as Record<string, unknown>)) {
      const entry = stored && typeof stored === 'object' ? parse(stored as Record<string, unknown>) : null
      if (entry) kept[item] = entry
    }
    return kept
  }
  return {
    all,
    load(owner, item, store) {
      const kept = all(owner, store)
      return Object.hasOwn(kept, item) ? kept[item]! : null
    },
    keep(owner, item, entry, store) {
      const kept = all(owner, store)
      if (entry) kept[item] = entry
      else if (Object.hasOwn(kept, item)) delete kept[item]
      else return
      const newest = Object.entries(kept)
        .sort(([, a], [, b]) => b.at - a.at)
        .slice(0, max)
      writeDraft(kind, owner, newest.length > 0 ? Object.fromEntries(newest) : null, store)
    },
  }
}
