/**
 * The takeaway a person is still writing in "Add a takeaway", kept on this device until it is
 * added or the form is cancelled (see `client/sync/browserStorage.ts`): after a reload, or the stage moved away
 * and back, the form opens with it again.
 */
import { readDraft, writeDraft, type DraftOwner, type KeyValueStore } from '../../sync/browserStorage.ts'
import type { When } from '../../../shared/schema/index.ts'
import { WHEN } from './takeawaysModel.ts'

export interface TakeawayDraft {
  text: string
  who: string
  when: When
  trendIds: string[]
  storyIds: string[]
  /** Put away with Esc or "Close": kept for "Add a takeaway", not opened again by itself after a reload. */
  putAway?: boolean
}

/** More links than a board has trends and stories are not a draft anyone wrote. */
const MAX_LINKS = 200

const hasWriting = (draft: TakeawayDraft) => draft.text.trim() !== '' || draft.who.trim() !== ''

/**
 * The unsent takeaway kept for `owner`, or null; what is stored is read as untrusted (checked). A
 * text past its limit comes back whole: the form counts it over and refuses to add it until it is
 * shortened (see `LengthCounter`), where cutting it here would lose words unseen.
 */
export function loadUnsentTakeaway(owner: DraftOwner, store?: KeyValueStore | null): TakeawayDraft | null {
  const parsed = readDraft('takeaway', owner, store)
  if (!parsed || typeof parsed !== 'object') return null
  const record = parsed as Record<string, unknown>
  const text = (field: string) => (typeof record[field] === 'string' ? record[field] : '')
  const ids = (field: string) => (Array.isArray(record[field]) ? record[field].filter((id): id is string => typeof id === 'string').slice(0, MAX_LINKS) : [])
  const draft: TakeawayDraft = {
    text: text('text'),
    who: text('who'),
    when: WHEN.find((when) => when === record.when) ?? 'now',
    trendIds: ids('trendIds'),
    storyIds: ids('storyIds'),
    ...(record.putAway === true ? { putAway: true } : {}),
  }
  return hasWriting(draft) ? draft : null
}

/** Keeps `draft` for `owner`; null, or a draft with nothing written, forgets it. */
export function keepUnsentTakeaway(owner: DraftOwner, draft: TakeawayDraft | null, store?: KeyValueStore | null): void {
  writeDraft('takeaway', owner, draft && hasWriting(draft) ? draft : null, store)
}
