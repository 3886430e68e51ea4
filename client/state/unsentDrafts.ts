/**
 * What a person is still writing in a form, kept on this device until it is sent. Forms live in
 * the page, so without this a stage moved on by the facilitator, a reload or a phone that dropped
 * the tab threw away the words typed so far. One draft of each kind per person per workshop in
 * this browser, in localStorage: a facilitator trying the participant link in another tab does not
 * find their own half-written card there. What comes back is untrusted (another tab, an older
 * version of the app): each form checks it (`unsentSignal.ts`, `unsentTakeaway.ts`).
 */
import { useMemo } from 'react'
import { browserStorage, type KeyValueStore } from '../sync/browserStorage.ts'
import { useContextStore } from './storeContext.ts'

/** Whose draft: a person in a workshop. */
export interface DraftOwner {
  workshopId: string
  participantId: string
}

/** The form a draft belongs to (part of its storage key). */
export type DraftKind = 'signal' | 'takeaway'

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

/** This person in this workshop, once both are known (stable while they stay the same). */
export function useDraftOwner(): DraftOwner | null {
  const workshopId = useContextStore((s) => s.session?.workshopId ?? null)
  const participantId = useContextStore((s) => s.participant?.id ?? null)
  return useMemo(() => (workshopId && participantId ? { workshopId, participantId } : null), [workshopId, participantId])
}
