import { memo, useDeferredValue } from 'react'
import type { Theme } from '../../../shared/schema/meta.ts'
import type { Signal, SignalPatch } from '../../../shared/schema/signal.ts'
import { authorsOf, canChange, canTidy, type Viewer } from '../../../shared/permissions.ts'
import { useCardText } from './cardText.ts'
import { SignalCard, type CardActions } from './SignalCard.tsx'
import { SignalEditor } from './SignalEditor.tsx'

/** Past this many cards, off-screen ones skip rendering work (see signals.css). */
const LONG_WALL = 60
/** A long wall first paints this many cards (a screenful or two), then the rest in the background. */
const FIRST_PAINT = 48

export interface SignalWallProps {
  signals: readonly Signal[]
  /** Names the list for screen readers ("Signal wall", "Your private cards"). */
  label: string
  viewer: Viewer
  themes: readonly Theme[]
  themeLabels: ReadonlyMap<string, string>
  /** Ids added since the stage opened (see `useFreshIds`). */
  freshIds: ReadonlySet<string>
  editingId: string | null
  actions: CardActions
  onSave(id: string, patch: SignalPatch, isPrivate: boolean): void
  onCloseEditor(): void
  isPrivate?: boolean
  hideAuthors?: boolean
}

/**
 * The wall: a responsive grid of cards in wall order. Cards are memoised and keyed by id; on a
 * long wall the list renders as interruptible background work and off-screen cards skip layout
 * and paint (`content-visibility: auto`), so a wall of a thousand cards stays quick to scroll
 * and to update.
 */
export const SignalWall = memo(function SignalWall({
  signals,
  label,
  viewer,
  themes,
  themeLabels,
  freshIds,
  editingId,
  actions,
  onSave,
  onCloseEditor,
  isPrivate = false,
  hideAuthors = false,
}: SignalWallProps) {
  const text = useCardText()
  // Rendering a long list is interruptible background work: typing, a tap on a filter or the
  // next card never waits for a thousand cards to be compared.
  const shown = useDeferredValue(signals, signals.length > LONG_WALL ? signals.slice(0, FIRST_PAINT) : signals)
  const mayMerge = canTidy(viewer)
  const className = ['signal-wall ui-grid-list', isPrivate && 'signal-wall--private', shown.length > LONG_WALL && 'signal-wall--long'].filter(Boolean).join(' ')
  return (
    <ul className={className} aria-label={label}>
      {shown.map((signal) => (
        <li key={signal.id} className="signal-wall__item" data-signal-id={signal.id}>
          {signal.id === editingId ? (
            <SignalEditor signal={signal} themes={themes} isPrivate={isPrivate} onSave={onSave} onClose={onCloseEditor} />
          ) : (
            <SignalCard
              signal={signal}
              themeLabel={themeLabels.get(signal.themeId) ?? null}
              text={text}
              canEdit={canChange(viewer, authorsOf('signals', signal))}
              canMerge={mayMerge}
              isPrivate={isPrivate}
              hideAuthors={hideAuthors}
              isNew={freshIds.has(signal.id)}
              actions={actions}
            />
          )}
        </li>
      ))}
    </ul>
  )
})
