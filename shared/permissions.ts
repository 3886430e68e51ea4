/**
 * Who may do what on the board: the client's controls, built on the server's own rule.
 *
 * The server enforces the document rules (`mayWrite` in protocol.ts: which role writes which
 * document, and nobody writes the board while the workshop is locked, the facilitator included)
 * and per-person records (`server/sync/ownership.ts`: votes, placements, +1s, readiness). The
 * rules here start from `mayWrite`, so the app offers a control only when the server will take
 * the write: a button that led to a dropped change would lose someone's words. On top sit the
 * social rules the app keeps and the server does not: your own cards, consequences and takeaways
 * are yours to fix or remove, the facilitator tidies all. (Enforcing those on the server would
 * need an author check per record, as ownership.ts does for per-person records.)
 */
import { mayWrite, type Role } from './protocol'

/** The person looking: their role, the participant id the server issued them, and the lock. */
export interface Viewer {
  readonly role: Role
  /** Null until the server-issued identity is loaded (and always for the projector). */
  readonly participantId: string | null
  /** The facilitator's "read-only for everyone" switch (control document). */
  readonly locked: boolean
}

/**
 * Adding to the board (signal cards, consequences, takeaways, +1s): whoever the server lets write
 * the board — not the projector, nobody while it is locked — and who has an identity, since every
 * record names its author.
 */
export function canContribute(viewer: Viewer): boolean {
  return viewer.participantId !== null && mayWrite(viewer.role, 'board', viewer.locked)
}

/** Changing or deleting a record: one of its authors, and the facilitator on any record. */
export function canChange(viewer: Viewer, authorIds: readonly (string | null)[]): boolean {
  if (!canContribute(viewer)) return false
  return viewer.role === 'facilitator' || authorIds.includes(viewer.participantId)
}

/** Work that changes other people's records at once (merging duplicate cards): the facilitator's. */
export function canTidy(viewer: Viewer): boolean {
  return viewer.role === 'facilitator' && canContribute(viewer)
}
