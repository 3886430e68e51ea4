import { memo } from 'react'
import { useEditorsOf } from '../../ui/index.ts'
import type { CardText } from './cardText.ts'

/**
 * "Anna is editing…" on a card someone else has open (as ui/EditingNote shows it, with the
 * words from the wall's `CardText`). Subscribes to this card's editors only.
 */
export const CardEditors = memo(function CardEditors({ signalId, text }: { signalId: string; text: CardText }) {
  const editors = useEditorsOf(signalId)
  const first = editors[0]
  if (!first) return null
  return (
    <span className="signal-card__editing ui-editing">
      <span className="signal-card__editing-dot" style={{ backgroundColor: first.color }} aria-hidden="true" />
      {text.editing(first.name.trim() || text.unnamed, editors.length - 1)}
    </span>
  )
})
