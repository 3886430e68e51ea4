import { memo, useId } from 'react'
import type { Signal } from '../../../shared/schema/signal.ts'
import { signalAuthors } from '../../../shared/doc/derive/wall.ts'
import { sourceDomain } from '../../../shared/util/url.ts'
import { Authors } from './Authors.tsx'
import { CardEditors } from './CardEditors.tsx'
import type { CardText } from './cardText.ts'
import { InlineConfirm } from '../../ui/index.ts'
import './card.css'

/** What a card's buttons do; one stable object per wall, so memoised cards ignore it. */
export interface CardActions {
  edit(id: string): void
  remove(id: string, isPrivate: boolean): void
  merge(id: string): void
}

export interface SignalCardProps {
  signal: Signal
  /** The theme's label, or null (no theme, or a theme since removed). */
  themeLabel: string | null
  /** The card's words, translated once for the whole wall (see `useCardText`). */
  text: CardText
  canEdit: boolean
  canMerge: boolean
  /** A card in this person's private draft: only they see it until the reveal. */
  isPrivate?: boolean
  hideAuthors?: boolean
  /** Added since the wall opened: fades in, so the eye finds it. */
  isNew?: boolean
  /** The teaching example in the empty wall: no actions, no presence. */
  isExample?: boolean
  actions?: CardActions
}

const MAX_SOURCES_SHOWN = 3

/**
 * A signal card: title big, category and theme as tags, the source as its domain, the authors,
 * and "Anna is editing…" when someone has it open. Memoised on record identity: snapshots are
 * structurally shared, so typing in one card of a thousand re-renders one card. No hook here
 * translates: the words come in `text`.
 */
export const SignalCard = memo(function SignalCard({
  signal,
  themeLabel,
  text,
  canEdit,
  canMerge,
  isPrivate = false,
  hideAuthors = false,
  isNew = false,
  isExample = false,
  actions,
}: SignalCardProps) {
  const titleId = useId()
  const sources = [signal.sourceUrl, ...signal.sources].filter((url) => url !== '')
  const hiddenSources = sources.length - MAX_SOURCES_SHOWN
  const className = ['card', 'signal-card', isPrivate && 'signal-card--private', isNew && 'signal-card--new', isExample && 'signal-card--example']
    .filter(Boolean)
    .join(' ')
  // Read by screen readers after the visible "Edit", so each of a thousand buttons says which card.
  const which = `: ${signal.title}`

  return (
    <article className={className} aria-labelledby={titleId}>
      {(signal.category || themeLabel || isExample || signal.fromBank) && (
        <div className="signal-card__tags">
          {isExample && <span className="badge signal-card__example-badge">{text.exampleBadge}</span>}
          {signal.fromBank && <span className="badge signal-card__bank-badge">{text.fromBank}</span>}
          {/* The markup of ui/CategoryTag (swatch + word), without a translation hook per card. */}
          {signal.category && <span className={`tag tag--${signal.category}`}>{text.steep[signal.category]}</span>}
          {themeLabel && <span className="tag tag--theme">{themeLabel}</span>}
        </div>
      )}
      <h3 id={titleId} className="signal-card__title">
        {text.hyphenate(signal.title)}
      </h3>
      {signal.description && <p className="signal-card__description">{text.hyphenate(signal.description)}</p>}
      {signal.whyItMatters && (
        <p className="signal-card__why">
          <span className="signal-card__why-label">{text.why}</span> {text.hyphenate(signal.whyItMatters)}
        </p>
      )}
      {sources.length > 0 && (
        <ul className="signal-card__sources ui-list" aria-label={text.sources}>
          {sources.slice(0, MAX_SOURCES_SHOWN).map((url) => (
            <li key={url}>
              <SourceLink url={url} opensInNewTab={text.opensInNewTab} />
            </li>
          ))}
          {hiddenSources > 0 && <li className="signal-card__more">{text.moreSources(hiddenSources)}</li>}
        </ul>
      )}
      {isPrivate && (
        <p className="signal-card__private-note">
          <span className="signal-card__lock" aria-hidden="true" />
          {text.onlyYou}
        </p>
      )}
      {!isExample && (
        <footer className="signal-card__footer">
          {!hideAuthors && <Authors ids={signalAuthors(signal)} text={text} />}
          {!isPrivate && <CardEditors signalId={signal.id} text={text} />}
          {actions && (canEdit || canMerge) && (
            <span className="signal-card__actions">
              {canEdit && (
                <button type="button" className="button button--ghost signal-card__action" onClick={() => actions.edit(signal.id)}>
                  {text.edit}
                  <span className="visually-hidden">{which}</span>
                </button>
              )}
              {canMerge && !isPrivate && (
                <button type="button" className="button button--ghost signal-card__action" aria-haspopup="dialog" onClick={() => actions.merge(signal.id)}>
                  {text.merge}
                  <span className="visually-hidden">{which}</span>
                </button>
              )}
              {canEdit && (
                <InlineConfirm
                  question={text.deleteQuestion}
                  confirmLabel={text.deleteConfirm}
                  cancelLabel={text.keep}
                  onConfirm={() => actions.remove(signal.id, isPrivate)}
                  trigger={(open, ref) => (
                    <button ref={ref} type="button" className="button button--ghost signal-card__action signal-card__delete" onClick={open}>
                      {text.delete}
                      <span className="visually-hidden">{which}</span>
                    </button>
                  )}
                />
              )}
            </span>
          )}
        </footer>
      )}
    </article>
  )
})

/** Stored links passed `safeHttpUrl` on the way in; `sourceDomain` checks again on the way out. */
function SourceLink({ url, opensInNewTab }: { url: string; opensInNewTab: string }) {
  const domain = sourceDomain(url)
  if (!domain) return null
  return (
    <a className="signal-card__source" href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {domain}
      <span className="visually-hidden">{opensInNewTab}</span>
    </a>
  )
}
