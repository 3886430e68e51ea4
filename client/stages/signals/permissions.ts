/**
 * Who may do what with a signal card. The server enforces roles per document; these rules are
 * the social ones on top: your own cards are yours to fix or remove, the facilitator tidies all.
 */
import type { Role } from '../../../shared/protocol.ts'
import type { Signal } from '../../../shared/schema/signal.ts'

export interface Viewer {
  role: Role
  participantId: string | null
  /** The facilitator's "read-only for everyone" switch. */
  locked: boolean
}

/** Adding cards: everyone but the projector, unless the facilitator locked the workshop. */
export function canAddSignals(viewer: Viewer): boolean {
  if (viewer.role === 'screen') return false
  return viewer.role === 'facilitator' || !viewer.locked
}

/** Edit and delete: a card's authors (everyone merged into it), and the facilitator on any card. */
export function canEditSignal(viewer: Viewer, signal: Pick<Signal, 'authorId' | 'authorIds'>): boolean {
  if (!canAddSignals(viewer)) return false
  if (viewer.role === 'facilitator') return true
  const me = viewer.participantId
  return me !== null && (signal.authorId === me || signal.authorIds.includes(me))
}

/** Merging duplicates changes other people's cards: the facilitator's job. */
export function canMergeSignals(viewer: Viewer): boolean {
  return viewer.role === 'facilitator'
}
