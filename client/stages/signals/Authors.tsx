import { memo } from 'react'
import { usePersonColor } from '../../identity/useMyColor.ts'
import { useStore } from '../../state/store.ts'
import type { CardText } from './cardText.ts'

/**
 * A card's authors (everyone merged into it). Each name is read from the board's participant
 * list by its own narrow selector: someone joining the room re-renders no card.
 */
export const Authors = memo(function Authors({ ids, text }: { ids: readonly string[]; text: CardText }) {
  return (
    <span className="signal-card__authors" role="group" aria-label={text.authors}>
      {ids.map((id) => (
        <Author key={id} id={id} text={text} />
      ))}
    </span>
  )
})

/** ui/PersonChip (small) in its classes: a colour dot and the name, without a translation hook per chip. */
const Author = memo(function Author({ id, text }: { id: string; text: CardText }) {
  const name = useStore((s) => s.board?.participants.get(id)?.name ?? '').trim() || text.unnamed
  const isMe = useStore((s) => s.participant?.id === id)
  const color = usePersonColor(id)
  return (
    <span className="signal-author ui-person ui-person--small" title={name}>
      {/* The presence colour (as in the header and the people list). */}
      <span className="ui-person__dot" style={{ backgroundColor: color }} aria-hidden="true" />
      <span className="ui-person__name ui-ellipsis">{name}</span>
      {isMe && <span className="ui-person__note">{text.you}</span>}
    </span>
  )
})
