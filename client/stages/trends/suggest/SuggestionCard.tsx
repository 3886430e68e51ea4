import { memo, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { TREND_LIMITS, type Signal } from '../../../../shared/schema/index.ts'
import { lengthField } from '../../../ui/index.ts'
import type { Suggestion } from './useSuggestions.ts'
import { KEYWORD_SEPARATOR } from '../../../ui/keywords.ts'

interface SuggestionCardProps {
  suggestion: Suggestion
  signals: ReadonlyMap<string, Signal>
  onRename(name: string): void
  onLeaveOut(signalId: string): void
  onAccept(): void
  onDismiss(): void
}

/**
 * One suggested group: its name (editable), what explains it, its signals (each can be left
 * out), and the two decisions. Accepting needs at least two signals left.
 */
export const SuggestionCard = memo(function SuggestionCard({ suggestion, signals, onRename, onLeaveOut, onAccept, onDismiss }: SuggestionCardProps) {
  const { t } = useTranslation()
  const id = useId()
  const present = suggestion.signalIds.filter((signalId) => signals.has(signalId))
  const name = suggestion.name.trim() || t('trendSuggest.unnamed')
  // Accepting makes the name a trend's: past a trend name's limit it is refused, the name kept to shorten.
  const length = lengthField(suggestion.name, TREND_LIMITS.name, { id: `${id}-name`, label: t('trendSuggest.nameLabel') })
  const nameField = useRef<HTMLTextAreaElement>(null)
  const accept = () => {
    if (length.over) nameField.current?.focus()
    else onAccept()
  }
  return (
    // Named by its own name: labelled by its field's label, every suggestion was a group called "Trend name".
    <div role="group" className="suggestion" aria-label={t('trendSuggest.groupLabel', { name })}>
      <div className="field suggestion__name">
        <label id={`${id}-name-label`} className="field__label" htmlFor={`${id}-name`}>
          {t('trendSuggest.nameLabel')}
        </label>
        {/* One line that wraps a long name instead of hiding its end, as a trend's name does. */}
        <textarea
          ref={nameField}
          {...length.props}
          className="input suggestion__name-input"
          rows={1}
          value={suggestion.name}
          onChange={(event) => onRename(event.target.value.replace(/\s*\n\s*/g, ' '))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault()
          }}
        />
        {length.counter}
      </div>
      {suggestion.keywords.length > 0 && (
        <p className="suggestion__why">
          <span className="suggestion__why-label">{t('trendSuggest.shared')}:</span> {suggestion.keywords.join(KEYWORD_SEPARATOR)}
        </p>
      )}
      {suggestion.links.length > 0 && (
        <p className="suggestion__why suggestion__links">
          <span className="suggestion__why-label">{t('trendSuggest.linked')}:</span> {suggestion.links.join(', ')}
        </p>
      )}
      <p className="suggestion__count">{t('trendSuggest.signals', { count: present.length })}</p>
      <ul className="suggestion__signals ui-stack ui-list">
        {present.map((signalId) => {
          const title = signals.get(signalId)!.title
          return (
            <li key={signalId} className="suggestion__signal">
              <span className="suggestion__signal-title">{title}</span>
              <button
                type="button"
                className="button button--ghost suggestion__leave-out"
                aria-label={t('trendSuggest.leaveOut', { title })}
                title={t('trendSuggest.leaveOut', { title })}
                onClick={() => onLeaveOut(signalId)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          )
        })}
      </ul>
      <div className="suggestion__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={present.length < 2}
          aria-label={t('trendSuggest.acceptNamed', { name })}
          onClick={accept}
        >
          {t('trendSuggest.accept')}
        </button>
        <button type="button" className="button button--secondary" aria-label={t('trendSuggest.dismissNamed', { name })} onClick={onDismiss}>
          {t('trendSuggest.dismiss')}
        </button>
      </div>
    </div>
  )
})
