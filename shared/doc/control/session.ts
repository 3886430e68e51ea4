/**
 * The facilitator's live switches: private mode, projector focus, lock, join panel, assessment
 * closing, key drivers, breakout groups; and the private counts the server writes.
 */
import type * as Y from 'yjs'
import * as z from 'zod/mini'
import {
  FocusSchema,
  GroupSchema,
  LastRestoreSchema,
  ScreenShowSchema,
  PrivateCountSchema,
  SESSION_LIMITS,
  ShownSuggestionSchema,
  idSchema,
  requiredTextSchema,
  type Focus,
  type Group,
  type LastRestore,
  type ScreenShow,
  type PrivateCount,
  type PrivateMode,
  type Session,
  type ShownSuggestion,
} from '../../schema/index'
import { randomId } from '../../util/ids'
import { nestedMap, writeFields } from '../codec'
import { command } from '../commands/command'
import { SERVER_ORIGIN } from '../origin'
import { SESSION_SET_FIELDS, readSession } from '../read'
import { controlSession } from '../roots'

function writeSession(doc: Y.Doc, patch: Partial<Session>): void {
  command(doc, () => writeFields(controlSession(doc), patch, SESSION_SET_FIELDS))
}

/** Turns private writing on or off, and whether authors stay hidden after the reveal. */
export function setPrivateMode(doc: Y.Doc, patch: Partial<Omit<PrivateMode, 'revealSeq'>>): void {
  const on = patch.on === undefined ? undefined : z.boolean().parse(patch.on)
  const hide = patch.hideNamesAfterReveal === undefined ? undefined : z.boolean().parse(patch.hideNamesAfterReveal)
  command(doc, () => writeFields(nestedMap(controlSession(doc), 'privateMode'), { on, hideNamesAfterReveal: hide }))
}

/**
 * Asks the server to reveal every draft onto the board. A counter rather than a flag: each new
 * value is one request, and a request made twice (two clicks, two facilitators) reveals once
 * because revealing is idempotent.
 */
export function requestReveal(doc: Y.Doc): number {
  return command(doc, () => {
    const next = readSession(doc).privateMode.revealSeq + 1
    writeFields(nestedMap(controlSession(doc), 'privateMode'), { revealSeq: next })
    return next
  })
}

/**
 * Starts a private round on the signals stage: from now on each person's new cards go into their
 * own draft, and the room sees only how many each has written.
 */
export function startPrivateRound(doc: Y.Doc): void {
  setPrivateMode(doc, { on: true })
}

/**
 * "Reveal": ends the private round. The server puts every draft's cards on the wall (it reveals
 * when private mode turns off; the reveal request also covers cards written offline after an
 * earlier round), every view drops its private panel, and new cards are public again until the
 * facilitator starts another round. Returns the reveal request's number.
 *
 * @example
 * endPrivateRound(control) // the console's "Reveal 6 cards"
 */
export function endPrivateRound(doc: Y.Doc): number {
  return command(doc, () => {
    const next = readSession(doc).privateMode.revealSeq + 1
    writeFields(nestedMap(controlSession(doc), 'privateMode'), { on: false, revealSeq: next })
    return next
  })
}

/** Server side: a new join code was issued at `issuedAt`; projectors and consoles fetch it. */
export function markJoinCodeIssued(doc: Y.Doc, issuedAt: number, origin: unknown = SERVER_ORIGIN): void {
  const at = z.int().check(z.nonnegative()).parse(issuedAt)
  doc.transact(() => writeFields(controlSession(doc), { joinCodeIssuedAt: at }), origin)
}

/** Pauses (or resumes) the projector's automatic page turning. */
export function pauseScreenPages(doc: Y.Doc, paused: boolean): void {
  const value = z.boolean().parse(paused)
  command(doc, () => writeFields(controlSession(doc), { screenPaging: { ...readSession(doc).screenPaging, paused: value } }))
}

/** Turns the projector one page on (1) or back (-1); each screen applies each request once. */
export function stepScreenPages(doc: Y.Doc, by: 1 | -1): void {
  const direction = z.union([z.literal(-1), z.literal(1)]).parse(by)
  command(doc, () => {
    const paging = readSession(doc).screenPaging
    writeFields(controlSession(doc), { screenPaging: { ...paging, stepSeq: paging.stepSeq + 1, stepBy: direction } })
  })
}

/** What the projector shows big; `null` to show the whole stage. */
export function setFocus(doc: Y.Doc, focus: Focus): void {
  writeSession(doc, { focus: FocusSchema.parse(focus) })
}

export function setLocked(doc: Y.Doc, locked: boolean): void {
  writeSession(doc, { locked: z.boolean().parse(locked) })
}

export function setShowJoinPanel(doc: Y.Doc, show: boolean): void {
  writeSession(doc, { showJoinPanel: z.boolean().parse(show) })
}

export function setAllowParticipantExport(doc: Y.Doc, allow: boolean): void {
  writeSession(doc, { allowParticipantExport: z.boolean().parse(allow) })
}

/** Puts the report's title page or a replayed moment on the projector; `null` for the live stage. */
export function setScreenShow(doc: Y.Doc, show: ScreenShow): void {
  const valid = ScreenShowSchema.parse(show)
  // A whole value, not a merge: a replay's fields must not linger under the report.
  command(doc, () => controlSession(doc).set('screenShow', valid === null ? null : { ...valid }))
}

/** Server side: tells everyone the board was restored (after the restore's own changes). */
export function setLastRestore(doc: Y.Doc, restore: LastRestore, origin: unknown = SERVER_ORIGIN): void {
  const valid = LastRestoreSchema.parse(restore)
  doc.transact(() => controlSession(doc).set('lastRestore', valid === null ? null : { ...valid }), origin)
}

/** A facilitator closes the restore's notice for the room: the projector's goes too. */
export function closeRestoreNotice(doc: Y.Doc): void {
  const current = LastRestoreSchema.safeParse(controlSession(doc).get('lastRestore'))
  if (!current.success || current.data === null || current.data.closed) return
  const closed = { ...current.data, closed: true }
  command(doc, () => controlSession(doc).set('lastRestore', closed))
}

/** Ends voting for an assess stage; `castVote` refuses from then on (see `voteRulesFor`). */
export function closeAssessment(doc: Y.Doc, stageId: string): void {
  setAssessClosed(doc, stageId, true)
}

export function reopenAssessment(doc: Y.Doc, stageId: string): void {
  setAssessClosed(doc, stageId, false)
}

function setAssessClosed(doc: Y.Doc, stageId: string, closed: boolean): void {
  const id = idSchema.parse(stageId)
  command(doc, () => writeFields(nestedMap(controlSession(doc), 'assessClosed'), { [id]: closed }))
}

/** Notes that `participantId` is a person who joined from a facilitator's link (see `facilitatorPeople`). */
export function markFacilitatorPerson(doc: Y.Doc, participantId: string): void {
  const id = idSchema.parse(participantId)
  command(doc, () => writeFields(nestedMap(controlSession(doc), 'facilitatorPeople'), { [id]: true }))
}

export function setKeyDrivers(doc: Y.Doc, trendIds: readonly string[]): void {
  writeSession(doc, { keyDrivers: z.array(idSchema).parse(trendIds) })
}

/** Marks or unmarks one trend as a key driver; returns whether it is one now. */
export function toggleKeyDriver(doc: Y.Doc, trendId: string): boolean {
  const id = idSchema.parse(trendId)
  return command(doc, () => {
    const set = nestedMap(controlSession(doc), 'keyDrivers')
    if (set.get(id) === true) {
      set.delete(id)
      return false
    }
    set.set(id, true)
    return true
  })
}

/** Puts suggested groups on the projector (an empty list takes them off). */
export function showSuggestions(doc: Y.Doc, suggestions: readonly ShownSuggestion[]): void {
  writeSession(doc, { suggestions: z.array(ShownSuggestionSchema).check(z.maxLength(30)).parse(suggestions) })
}

/** The workshop's own words for the clustering assistant; the facilitator edits them. */
export function setOwnWords(doc: Y.Doc, words: string): void {
  writeSession(doc, { ownWords: z.string().check(z.maxLength(SESSION_LIMITS.ownWords)).parse(words) })
}

export const GroupInputSchema = z.object({
  id: z.optional(idSchema),
  name: requiredTextSchema(SESSION_LIMITS.groupName),
  trendId: z.optional(z.nullable(idSchema)),
})
export type GroupInput = z.input<typeof GroupInputSchema>

/** Replaces the breakout groups (the facilitator edits the list as a whole). Returns them with ids. */
export function setGroups(doc: Y.Doc, groups: readonly GroupInput[]): Group[] {
  const valid = groups.map((group) => {
    const input = GroupInputSchema.parse(group)
    return GroupSchema.parse({ id: input.id ?? randomId(), name: input.name, trendId: input.trendId ?? null })
  })
  writeSession(doc, { groups: valid })
  return valid
}

/**
 * Server side: how many cards each participant is writing in private ("Anna: 3 cards"). Written
 * with `SERVER_ORIGIN`; one entry per participant so counts from different drafts never clash.
 */
export function setPrivateCounts(doc: Y.Doc, counts: Readonly<Record<string, PrivateCount>>, origin: unknown = SERVER_ORIGIN): void {
  const valid = z.record(idSchema, PrivateCountSchema).parse(counts)
  doc.transact(() => writeFields(controlSession(doc), { privateCounts: valid }), origin)
}
