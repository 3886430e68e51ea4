/**
 * "Anna is editing…" markers. Presence only (board awareness), never stored in the document:
 * a marker disappears by itself when its tab closes or loses the connection.
 */
import { useEditingMarker as useMarker, useEditorsOf as useEditors, type PresencePerson } from '../sync/presence.ts'

/** Someone else who has an item open: `name`, `color`, `role`, `id`. */
export type EditingPerson = PresencePerson

/**
 * Tells the others that this person has `itemId` open for editing, for as long as the calling
 * component is mounted with that id; `null` publishes nothing. Use it in the editor, not the card.
 *
 * @example
 * function SignalEditor({ signal }: { signal: Signal }) {
 *   useEditingMarker(signal.id)
 *   …
 * }
 */
export function useEditingMarker(itemId: string | null): void {
  useMarker(itemId)
}

/**
 * The other people who have `itemId` open for editing right now (this person excluded). The
 * array keeps its identity until its content changes, so a memoised card re-renders only when
 * its own editors change.
 *
 * @example
 * const editors = useEditorsOf(signal.id)
 * {editors.length > 0 && <span className="card__editing">{t('signals.editing', { name: editors[0].name })}</span>}
 */
export function useEditorsOf(itemId: string | null): readonly EditingPerson[] {
  return useEditors(itemId)
}
