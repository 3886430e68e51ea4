/**
 * Session state the facilitator drives live: current stage, timer, private mode, projector focus,
 * lock, breakout groups. Lives in the control document; only facilitators (and, for
 * `privateCounts`, the server) write it.
 */
import * as z from 'zod/mini'
import { idSchema, requiredTextSchema, timestampSchema } from './common'

export const TIMER_STATUSES = ['idle', 'running', 'paused'] as const

/**
 * Times are in server-clock milliseconds: clients show `endsAt − (Date.now() + offset)`, so every
 * screen counts down to the same instant whatever its own clock says.
 */
export const TimerSchema = z.object({
  stageId: z.nullable(idSchema),
  status: z.enum(TIMER_STATUSES),
  /** When a running timer reaches zero; `null` unless running. */
  endsAt: z.nullable(timestampSchema),
  /** What is left while idle or paused. */
  remainingMs: z.int().check(z.nonnegative()),
})
export type Timer = z.infer<typeof TimerSchema>

export const PrivateModeSchema = z.object({
  on: z.boolean(),
  /** Keep authors anonymous after the cards are revealed. */
  hideNamesAfterReveal: z.boolean(),
  /** Bumped by each reveal request; the server reveals drafts once per new value. */
  revealSeq: z.int().check(z.nonnegative()),
})
export type PrivateMode = z.infer<typeof PrivateModeSchema>

export const FOCUS_KINDS = ['signal', 'trend', 'wheel', 'story'] as const
/** The kinds of item the facilitator can put large on the projector. */
export type FocusKind = (typeof FOCUS_KINDS)[number]
/** What the projector shows big; for `wheel` the id is the trend at the wheel's centre. */
export const FocusSchema = z.nullable(z.object({ kind: z.enum(FOCUS_KINDS), id: idSchema }))
export type Focus = z.infer<typeof FocusSchema>

/** Character limits of the session's texts the facilitator writes; their fields count against them. */
export const SESSION_LIMITS = { groupName: 60, ownWords: 4000 } as const

/** A breakout group, optionally working on one trend (its wheel, its story). */
export const GroupSchema = z.object({
  id: idSchema,
  name: requiredTextSchema(SESSION_LIMITS.groupName),
  trendId: z.nullable(idSchema),
})
export type Group = z.infer<typeof GroupSchema>

/**
 * Projector pages. While not paused each screen turns its own pages (their number depends on its
 * size); the facilitator may pause them, and step: each step request is a new `stepSeq` with its
 * direction, which every screen applies once.
 */
export const ScreenPagingSchema = z.object({
  paused: z.boolean(),
  stepSeq: z.int().check(z.nonnegative()),
  stepBy: z.union([z.literal(-1), z.literal(1)]),
})

/** "Anna: 3 cards", written by the server from the drafts it holds. */
export const PrivateCountSchema = z.object({
  name: z.string().check(z.maxLength(60)),
  count: z.int().check(z.nonnegative()),
})
export type PrivateCount = z.infer<typeof PrivateCountSchema>

/**
 * The last time the facilitator restored the board from its history, so everyone sees
 * "The facilitator restored the board to 10:42". Written by the server after the restore.
 */
export const LastRestoreSchema = z.nullable(
  z.object({
    /** When the restore happened (server clock). */
    at: timestampSchema,
    /** The time of the snapshot the board went back to. */
    snapshotAt: timestampSchema,
    /** Whether this restore undid the one before it. */
    undo: z.boolean(),
    /** A facilitator closed its notice, for everyone (the projector has no button of its own). */
    closed: z.optional(z.boolean()),
    /**
     * The snapshot taken just before ("Before restore"): History's "Undo restore" goes back to it,
     * on any facilitator's device and after a reload, not only on the one that restored.
     */
    undoSnapshotId: z.optional(z.int().check(z.nonnegative())),
    /**
     * The room's stage when it happened: the notice is news on that stage only, also on a page
     * opened or reloaded after the room moved on.
     */
    stageId: z.optional(z.nullable(idSchema)),
  }),
)
export type LastRestore = z.infer<typeof LastRestoreSchema>

/**
 * What the projector shows instead of the live stage, besides a focused item: the report's
 * title page at the end of a day, or the board as it was at one history snapshot (the replay).
 */
export const ScreenShowSchema = z.nullable(
  z.object({
    kind: z.enum(['report', 'replay']),
    /** For `replay`: the history snapshot on show. */
    snapshotId: z.nullable(z.int().check(z.positive())),
    /** For `replay`: the trend whose story is followed, if one is. */
    trendId: z.nullable(idSchema),
  }),
)
export type ScreenShow = z.infer<typeof ScreenShowSchema>

/**
 * A suggested group of signals the facilitator put on the projector as a starting point for
 * discussion (the clustering assistant's output, see `shared/cluster`).
 */
export const ShownSuggestionSchema = z.object({
  label: z.string().check(z.maxLength(200)),
  keywords: z.array(z.string().check(z.maxLength(80))).check(z.maxLength(8)),
  links: z.array(z.string().check(z.maxLength(160))).check(z.maxLength(5)),
  signalIds: z.array(idSchema).check(z.maxLength(300)),
})
export type ShownSuggestion = z.infer<typeof ShownSuggestionSchema>

export const sessionFields = {
  currentStageId: z.nullable(idSchema),
  timer: TimerSchema,
  privateMode: PrivateModeSchema,
  focus: FocusSchema,
  /** Read-only for everyone but the facilitator (enforced by the server, see `mayWrite`). */
  locked: z.boolean(),
  showJoinPanel: z.boolean(),
  /** Assess stages whose voting the facilitator closed, by stage id. */
  assessClosed: z.record(idSchema, z.boolean()),
  /** Trends the facilitator marked as key drivers after assessing. */
  keyDrivers: z.array(idSchema).check(z.maxLength(200)),
  groups: z.array(GroupSchema).check(z.maxLength(50)),
  allowParticipantExport: z.boolean(),
  /** Private-mode card counts by participant id (never by draft id: that one is secret). */
  privateCounts: z.record(idSchema, PrivateCountSchema),
  /**
   * When the server last issued the join code (server clock). The code itself lives on the
   * server only; a change here tells projectors and consoles to fetch the new one.
   */
  joinCodeIssuedAt: z.int().check(z.nonnegative()),
  /** The projector's automatic paging, which the facilitator may pause and step. */
  screenPaging: ScreenPagingSchema,
  lastRestore: LastRestoreSchema,
  screenShow: ScreenShowSchema,
  /** Suggested groups on the projector; empty = none shown. */
  suggestions: z.array(ShownSuggestionSchema).check(z.maxLength(30)),
  /** The workshop's own words for the clustering assistant (one concept a line, see `parseOwnWords`). */
  ownWords: z.string().check(z.maxLength(SESSION_LIMITS.ownWords)),
  /**
   * The people on the board who joined from a facilitator's link, by participant id. A
   * facilitator's other device is asked whether it is one of them ("Fiona is already in this
   * workshop"), never whether it is a participant who happens to have the same name; in the
   * control document because only facilitators write it.
   */
  facilitatorPeople: z.record(idSchema, z.boolean()),
}
export const SessionSchema = z.object(sessionFields)
export type Session = z.infer<typeof SessionSchema>

export const SESSION_DEFAULTS: Session = {
  currentStageId: null,
  timer: { stageId: null, status: 'idle', endsAt: null, remainingMs: 0 },
  privateMode: { on: false, hideNamesAfterReveal: false, revealSeq: 0 },
  focus: null,
  locked: false,
  showJoinPanel: true,
  assessClosed: {},
  keyDrivers: [],
  groups: [],
  allowParticipantExport: false,
  privateCounts: {},
  joinCodeIssuedAt: 0,
  screenPaging: { paused: false, stepSeq: 0, stepBy: 1 },
  lastRestore: null,
  screenShow: null,
  suggestions: [],
  ownWords: '',
  facilitatorPeople: {},
}
