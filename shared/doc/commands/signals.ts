/**
 * Signal cards: add, edit, delete, reorder, and merge duplicates.
 */
import type * as Y from 'yjs'
import { SIGNAL_DEFAULTS, SIGNAL_LIMITS, SignalInputSchema, SignalPatchSchema, type SignalInput, type SignalPatch } from '../../schema/index'
import * as z from 'zod/mini'
import { httpUrlSchema } from '../../schema/common'
import { randomId, uniqueSorted } from '../../util/ids'
import { orderAfterAll } from '../../util/order'
import { addToSet } from '../codec'
import { deleteRecord, entryMap, getRecord, insertRecord, listRecords, membershipKey, orderFor, patchRecord } from '../collections'
import { boardCollection } from '../roots'
import { checkActor, command, now, type Actor } from './command'
import { settleCard } from './trends'

/**
 * Adds a signal card at the end of the wall and returns its id. Works on the board and on a
 * private draft alike (same root, same shape). Throws when the input fails `SignalInputSchema`
 * (forms check with the same schema first).
 *
 * @example
 * const id = addSignal(board, { title: 'Care robots in elderly homes', category: 'technological' }, me)
 */
export function addSignal(doc: Y.Doc, input: SignalInput, actor: Actor): string {
  checkActor(actor)
  const fields = SignalInputSchema.parse(input)
  return command(doc, () => insertNewSignal(doc, fields, actor, { order: orderFor(doc, 'signals'), time: now(), sources: [] }))
}

/** Where a new card goes and what comes with it besides the form's fields. */
interface NewSignalPlace {
  order: string
  time: number
  sources: string[]
  fromBank?: true
}

/** Writes a new card by this person (its only author so far) and returns its id: one shape for every way a card is added. */
function insertNewSignal(doc: Y.Doc, fields: SignalInput, actor: Actor, { order, time, sources, fromBank }: NewSignalPlace): string {
  const id = randomId()
  insertRecord(doc, 'signals', {
    id,
    ...SIGNAL_DEFAULTS,
    ...fields,
    authorId: actor.participantId,
    authorIds: [actor.participantId],
    sources,
    order,
    ...(fromBank ? { fromBank } : {}),
    createdAt: time,
    updatedAt: time,
  })
  return id
}

/** A signal from the bank: the card's fields and the links it came with. */
export type BankSignalInput = SignalInput & { sources?: readonly string[] }

/**
 * Adds signals from the bank (a scanning spreadsheet, an earlier workshop) at the end of the
 * wall, marked as from the bank, in one transaction: all of them or, when any is invalid, none
 * (everything is validated before the transaction opens). Returns their ids.
 *
 * @example
 * importSignals(board, [{ title: 'Care robots', sourceUrl: 'https://…', sources: ['https://…'] }], facilitator)
 */
export function importSignals(doc: Y.Doc, inputs: readonly BankSignalInput[], actor: Actor): string[] {
  checkActor(actor)
  const valid = inputs.map((input) => ({
    fields: SignalInputSchema.parse(input),
    sources: z
      .array(httpUrlSchema)
      .check(z.maxLength(100))
      .parse(input.sources ?? []),
  }))
  return command(doc, () => {
    const time = now()
    let order: string | null = null
    return valid.map(({ fields, sources }) => {
      order = order === null ? orderFor(doc, 'signals') : orderAfterAll([order])
      return insertNewSignal(doc, fields, actor, { order, time, sources: uniqueSorted(sources.filter((url) => url !== fields.sourceUrl)), fromBank: true })
    })
  })
}

/**
 * Writes the given fields of a signal (others untouched, so a concurrent edit of another field
 * survives). Returns `false` when the signal no longer exists.
 *
 * @example
 * updateSignal(board, id, { whyItMatters: 'Staff shortages meet an ageing population' })
 */
export function updateSignal(doc: Y.Doc, id: string, patch: SignalPatch): boolean {
  const fields = SignalPatchSchema.parse(patch)
  return command(doc, () => patchRecord(doc, 'signals', id, { ...fields, updatedAt: now() }))
}

/** Deletes a signal and its memberships (the trends it backed simply lose one card). */
export function deleteSignal(doc: Y.Doc, id: string): boolean {
  return command(doc, () => {
    deleteMembershipsOfSignal(doc, id)
    return deleteRecord(doc, 'signals', id)
  })
}

/** Moves a signal on the wall: before `beforeId`, or to the end when `null`. */
export function reorderSignal(doc: Y.Doc, id: string, beforeId: string | null): boolean {
  return command(doc, () => patchRecord(doc, 'signals', id, { order: orderFor(doc, 'signals', { before: beforeId, exclude: id }) }))
}

/**
 * Merges a duplicate into another card. Nothing written is lost: the kept card gains the
 * dropped card's authors and links (`sources`), its text (appended when it differs), its theme
 * and category when the kept card has none, and its place in every trend. Stories that cited
 * the dropped card cite the kept one. Texts are single values: two merges into one card at the
 * same moment keep every author and link, but only one of the combined descriptions.
 * Returns `false` when either card is missing or they are the same card.
 *
 * @example
 * mergeSignals(board, keptId, duplicateId, facilitator)
 */
export function mergeSignals(doc: Y.Doc, keepId: string, dropId: string, actor: Actor): boolean {
  checkActor(actor)
  return command(doc, () => {
    const keep = getRecord(doc, 'signals', keepId)
    const drop = getRecord(doc, 'signals', dropId)
    const entry = entryMap(doc, 'signals', keepId)
    if (!keep || !drop || !entry || keepId === dropId) return false

    patchRecord(doc, 'signals', keepId, {
      description: combineText(keep.description, drop.description, SIGNAL_LIMITS.description),
      whyItMatters: combineText(keep.whyItMatters, drop.whyItMatters, SIGNAL_LIMITS.whyItMatters),
      themeId: keep.themeId || drop.themeId,
      category: keep.category || drop.category,
      updatedAt: now(),
    })
    // Authors and links go into add-only sets (never into `sourceUrl`, a single value where one
    // of two concurrent merges would win): merging two duplicates into one card at the same
    // time keeps every author and every link.
    addToSet(entry, 'authorIds', [...drop.authorIds, drop.authorId])
    addToSet(entry, 'sources', uniqueSorted([drop.sourceUrl, ...drop.sources].filter((url) => url !== '' && url !== keep.sourceUrl)))

    moveMemberships(doc, dropId, keepId, actor)
    for (const story of listRecords(doc, 'stories')) {
      if (story.signalIds.includes(dropId)) {
        patchRecord(doc, 'stories', story.id, { signalIds: uniqueSorted([...story.signalIds.filter((id) => id !== dropId), keepId]) })
      }
    }
    return deleteRecord(doc, 'signals', dropId)
  })
}

/**
 * "Merge into it": what someone was about to write as a new card goes into an existing one
 * instead. Additive only: the writer joins the card's authors, their title and text are added
 * to its description (unless already there), their link to its sources, their theme and
 * category fill empty ones. Returns `false` when the card no longer exists.
 *
 * @example
 * mergeIntoSignal(board, existingId, { title: 'Naapurit jakavat hoivasovelluksen' }, me)
 */
export function mergeIntoSignal(doc: Y.Doc, keepId: string, input: SignalInput, actor: Actor): boolean {
  checkActor(actor)
  const fields = SignalInputSchema.parse(input)
  return command(doc, () => {
    const keep = getRecord(doc, 'signals', keepId)
    const entry = entryMap(doc, 'signals', keepId)
    if (!keep || !entry) return false
    const written = fields.title === keep.title ? (fields.description ?? '') : [fields.title, fields.description].filter(Boolean).join(': ')
    patchRecord(doc, 'signals', keepId, {
      description: combineText(keep.description, written, SIGNAL_LIMITS.description),
      whyItMatters: combineText(keep.whyItMatters, fields.whyItMatters ?? '', SIGNAL_LIMITS.whyItMatters),
      themeId: keep.themeId || (fields.themeId ?? ''),
      category: keep.category || (fields.category ?? ''),
      updatedAt: now(),
    })
    addToSet(entry, 'authorIds', [actor.participantId])
    const link = fields.sourceUrl ?? ''
    if (link !== '' && link !== keep.sourceUrl && !keep.sources.includes(link)) addToSet(entry, 'sources', [link])
    return true
  })
}

function moveMemberships(doc: Y.Doc, fromSignalId: string, toSignalId: string, actor: Actor): void {
  // Only where each card stands: a move one of them lost must not become a link of the merged card.
  settleCard(doc, fromSignalId)
  settleCard(doc, toSignalId)
  for (const membership of listRecords(doc, 'memberships')) {
    if (membership.signalId !== fromSignalId) continue
    if (!getRecord(doc, 'memberships', membershipKey(membership.trendId, toSignalId))) {
      // A membership of its own: the merge moved no card out of a place (see `movedFrom`).
      const { trendId, order } = membership
      insertRecord(doc, 'memberships', { trendId, signalId: toSignalId, order, addedBy: actor.participantId, id: randomId() })
    }
    deleteRecord(doc, 'memberships', membershipKey(membership.trendId, fromSignalId))
  }
}

export function deleteMembershipsOfSignal(doc: Y.Doc, signalId: string): void {
  const root = boardCollection(doc, 'memberships')
  for (const key of [...root.keys()]) if (key.endsWith(`|${signalId}`)) root.delete(key)
}

/** Both texts when they differ (the longer cut to fit), the one there is otherwise. */
function combineText(kept: string, dropped: string, max: number): string {
  if (dropped === '' || kept.includes(dropped)) return kept
  if (kept === '') return dropped
  return `${kept}\n\n${dropped}`.slice(0, max)
}
