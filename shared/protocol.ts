/**
 * The wire contract between the browser and the server: document names, roles, close codes and
 * the few messages we add to the standard y-websocket protocol.
 *
 * A stock `y-websocket` client speaks everything it needs (sync + awareness + auth); the extra
 * message types below are only sent to clients that ask for them with `?ext=1`, so a stock client
 * never sees a message it cannot read.
 */

import { GENERATED_ID_SOURCE, ID_CHAR } from './util/ids'
import { CURRENT_VERSION, type ClientVersion } from './version'

// ---------------------------------------------------------------------------------------------
// Documents of a workshop
// ---------------------------------------------------------------------------------------------

/** Everything participants make: signals, trends, assessments, votes, wheels, stories, takeaways. */
export const BOARD_DOC = 'board'
/** What the facilitator drives: meta, stages, timers, private mode, focus, lock. */
export const CONTROL_DOC = 'control'
/**
 * Prefix of a participant's private draft document (`draft-<draftId>`), used while private mode
 * is on. The draft id is a 128-bit secret known only to its author's browser: knowing the name is
 * what grants access, so it never appears in the board, in awareness or in any log.
 */
export const DRAFT_DOC_PREFIX = 'draft-'

/**
 * Signals the facilitator brought from the signal bank and holds back until releasing them onto
 * the board (same `signals` root as the board). Facilitators only: participants and screens may
 * not even open it, so a held-back card never reaches their browsers.
 */
export const BANK_DOC = 'bank'

export type DocKind = 'board' | 'control' | 'draft' | 'bank'

/** A workshop or draft id (22 URL-safe characters = 132 bits), unanchored, to build patterns with. */
export const ID_SOURCE = GENERATED_ID_SOURCE
/** A key (32 URL-safe characters = 192 bits), unanchored, to build patterns with. */
export const KEY_SOURCE = `${ID_CHAR}{32}`
/** Workshop ids and draft ids. */
export const ID_PATTERN = new RegExp(`^${ID_SOURCE}$`)
export const KEY_PATTERN = new RegExp(`^${KEY_SOURCE}$`)

export function docKindOf(docName: string): DocKind | null {
  if (docName === BOARD_DOC) return 'board'
  if (docName === CONTROL_DOC) return 'control'
  if (docName === BANK_DOC) return 'bank'
  if (docName.startsWith(DRAFT_DOC_PREFIX) && ID_PATTERN.test(docName.slice(DRAFT_DOC_PREFIX.length))) {
    return 'draft'
  }
  return null
}

export function draftDocName(draftId: string): string {
  return DRAFT_DOC_PREFIX + draftId
}

// ---------------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------------

export const ROLES = ['facilitator', 'participant', 'screen'] as const
export type Role = (typeof ROLES)[number]

/**
 * Which documents a role may write. Reading is allowed for every role on board and control;
 * drafts are reachable only by whoever knows the draft id (see DRAFT_DOC_PREFIX); the bank only
 * by facilitators.
 * `locked` is the facilitator's "read-only for everyone" switch (control document).
 */
export function mayWrite(role: Role, kind: DocKind, locked: boolean): boolean {
  if (role === 'screen') return false
  if (kind === 'control' || kind === 'bank') return role === 'facilitator'
  if (kind === 'board') return !locked
  return role === 'participant' || role === 'facilitator'
}

export function mayConnect(role: Role, kind: DocKind): boolean {
  if (kind === 'draft') return role !== 'screen'
  if (kind === 'bank') return role === 'facilitator'
  return true
}

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

/**
 * `/sync/<workshopId>/<docName>[?ext=1]`, the key offered as the WebSocket subprotocol
 * `s2s.key.<key>` beside `s2s` (the one the server picks), so it never sits in a URL that a
 * reverse proxy logs. Stock y-websocket clients may still pass `?key=<key>`.
 */
export const SYNC_SUBPROTOCOL = 's2s'
export const KEY_SUBPROTOCOL_PREFIX = 's2s.key.'
/**
 * The participant identity the server signed (`POST /api/workshops/:id/identity`), offered as
 * `s2s.id.<token>`; stock clients may pass `?identity=<token>`. Without it a connection may
 * write no per-person record (votes, placements, ready, +1s, a name, a draft's owner).
 */
export const IDENTITY_SUBPROTOCOL_PREFIX = 's2s.id.'
export const IDENTITY_PARAM = 'identity'

/**
 * The code's versions (`version.ts`), offered as `s2s.v.<protocol>.<schema>`. A client that offers
 * none (a stock y-websocket client, a script) is taken as current: it writes through the same
 * server-side checks as everyone else, and refusing it would break every tool built on the
 * standard protocol.
 */
export const VERSION_SUBPROTOCOL_PREFIX = 's2s.v.'

export function versionProtocol(version: ClientVersion = CURRENT_VERSION): string {
  return `${VERSION_SUBPROTOCOL_PREFIX}${version.protocol}.${version.schema}`
}

/** The versions in an offered `s2s.v.…` value (without its prefix), or null when malformed. */
export function parseVersionProtocol(value: string): ClientVersion | null {
  const match = /^(\d{1,6})\.(\d{1,6})$/.exec(value)
  return match ? { protocol: Number(match[1]), schema: Number(match[2]) } : null
}

/**
 * The board's generation the browser's copy belongs to (`s2s.gen.<n>`), offered when the copy has
 * content. A copy of an older generation is closed with `CloseCode.renewed` before anything syncs:
 * merged into the new generation it would bring back every record twice over. No offer (a fresh
 * copy, a stock client) syncs with the current one.
 */
export const GENERATION_SUBPROTOCOL_PREFIX = 's2s.gen.'

export function syncProtocols(key: string, identityToken?: string | null, version: ClientVersion = CURRENT_VERSION, generation?: number | null): string[] {
  const protocols = [SYNC_SUBPROTOCOL, KEY_SUBPROTOCOL_PREFIX + key, versionProtocol(version)]
  if (identityToken) protocols.push(IDENTITY_SUBPROTOCOL_PREFIX + identityToken)
  if (generation !== undefined && generation !== null) protocols.push(GENERATION_SUBPROTOCOL_PREFIX + generation)
  return protocols
}

export const SYNC_PATH_PREFIX = '/sync/'
export const API_WORKSHOPS = '/api/workshops'

/** Identities in other workshops a browser offers when it is new to one, at most (the server reads no more). */
export const MAX_EARLIER_IDENTITIES = 50

/** The last state of an earlier generation of the board, as one Yjs update (any key of the workshop). */
export function boardGenerationPath(workshopId: string, generation: number): string {
  return `${API_WORKSHOPS}/${workshopId}/board/generations/${generation}`
}

export function syncUrlBase(origin: string, workshopId: string): string {
  const wsOrigin = origin.replace(/^http/, 'ws')
  return `${wsOrigin}${SYNC_PATH_PREFIX}${workshopId}`
}

/** Page links carry the key in the fragment, so it never reaches an access log. */
export function workshopLink(origin: string, workshopId: string, role: Role, key: string): string {
  const path = role === 'facilitator' ? 'facilitate' : role === 'screen' ? 'screen' : 'join'
  return `${origin}/w/${workshopId}/${path}#key=${key}`
}

// ---------------------------------------------------------------------------------------------
// Close codes. y-websocket stops reconnecting on 4400–4499 and retries on everything else.
// ---------------------------------------------------------------------------------------------

export const CloseCode = {
  /** Server shutting down; clients reconnect. */
  goingAway: 1001,
  /** A message that does not decode as y-websocket protocol. */
  badMessage: 4400,
  /** The key does not allow this document. */
  forbidden: 4403,
  /**
   * The board's history started afresh (a new generation): this copy must not sync into it. The
   * app carries its unsent changes over and loads the new one; permanent, so a stock client stops
   * instead of sending its old copy.
   */
  renewed: 4410,
  /** A message over the configured size limit. */
  tooLarge: 4413,
  /**
   * The client's code is older than the server's (`version.ts`): it must reload before it writes
   * records of an older shape. Permanent, so y-websocket stops retrying; the app offers Reload.
   */
  staleClient: 4426,
  /** Flooding (e.g. awareness many times a second) or a document over its size limit. */
  rateLimited: 4429,
  /** The store could not write; the client keeps its changes and retries. */
  storeUnavailable: 4503,
  /** Too many connections from one address or rooms in memory; retry later. */
  busy: 4508,
  /** The client's code is newer than this server's (a deploy in progress); retry later. */
  serverBehind: 4509,
  /**
   * This connection's updates cost more work than its budget (`INTEGRATION_MS_PER_10S`): retry in
   * a few seconds. Not permanent: an honest writer whose merge was costly comes back with its
   * changes, and one that is not gains nothing from a new connection it could not open anyway.
   */
  slowDown: 4529,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** The reason that goes with `CloseCode.renewed`. */
export const BOARD_RENEWED_REASON = 'the board started afresh: load it again'

// ---------------------------------------------------------------------------------------------
// Message types. 0–3 are y-websocket's; ours start at 100 and go only to `ext=1` clients.
// ---------------------------------------------------------------------------------------------

export const MessageType = {
  sync: 0,
  awareness: 1,
  /** y-protocols/auth: the server answers a refused write with "permission denied" + reason. */
  auth: 2,
  queryAwareness: 3,
  /** Server → client: everything up to this state vector is stored durably (varUint8Array). */
  saved: 100,
  /** Server → client: a JSON `ServerNotice`. */
  notice: 101,
  /** Server → client, first on a board: the generation it belongs to (varUint; see GENERATION_SUBPROTOCOL_PREFIX). */
  generation: 102,
} as const

/**
 * `writingPaused`: this person's changes wait for their writing allowance; `workshopBusy`: for the
 * workshop's, which all its participants share.
 */
export type NoticeCode = 'writeRejected' | 'storeUnavailable' | 'docTooLarge' | 'writingPaused' | 'workshopBusy'

/** The notices that say a person's changes wait for an allowance (and go by themselves once stored). */
export type WaitingNotice = Extract<NoticeCode, 'writingPaused' | 'workshopBusy'>

export function isWaitingNotice(code: NoticeCode | undefined): code is WaitingNotice {
  return code === 'writingPaused' || code === 'workshopBusy'
}
/**
 * Why a write was refused (with `writeRejected`), so that a client can say it in its own language:
 * `locked`, the facilitator has locked the workshop; `readOnly`, this role never writes this
 * document (a projector, a participant on the control document); `notYours`, it changed another
 * person's record; `tooMuch`, it deleted more at once than one update may.
 */
export type RefusalKind = 'locked' | 'readOnly' | 'notYours' | 'tooMuch'

export const REFUSAL_KINDS: readonly RefusalKind[] = ['locked', 'readOnly', 'notYours', 'tooMuch']

export interface ServerNotice {
  code: NoticeCode
  /** Human-readable, English, for logs and stock clients; clients translate `code` and `refusal`. */
  message: string
  refusal?: RefusalKind
}

/**
 * Structs the app sends in one update at most: a bigger one (a board pasted, an afternoon's work
 * sent on reconnecting) goes as several (splitUpdate). Well under what a server admits in one
 * (MAX_STRUCTS_PER_UPDATE, 5,000 by default), and under what it admits while the workshop's share
 * of its time is spent (500, the strained guard in server/sync/connection.ts): each costs it a few ms.
 */
export const UPDATE_PIECE_STRUCTS = 400

/** Query parameter with which a client asks for the extension messages above. */
export const EXT_PARAM = 'ext'
