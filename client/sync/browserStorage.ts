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
