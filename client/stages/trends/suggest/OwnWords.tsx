import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setOwnWords } from '../../../../shared/doc/index.ts'
import { SESSION_LIMITS } from '../../../../shared/schema/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { lengthField, useAnnounce } from '../../../ui/index.ts'

/**
 * "Our own words": the workshop's own vocabulary for the assistant (one idea a line, its words
 * separated by commas), kept in `control` so the suggestions and everyone's "Looks like …" hints
 * use the same words. Only the facilitator edits it.
 */
export function OwnWords() {
  const { t } = useTranslation()
  const id = useId()
  const announce = useAnnounce()
  const { control } = useWorkshopDocs()
  const stored = useStore((s) => s.control?.ownWords ?? '')
  const [text, setText] = useState(stored)
  const changed = text !== stored
  const length = lengthField(text, SESSION_LIMITS.ownWords, { id: `${id}-words`, label: t('trendSuggest.ownWords'), before: [`${id}-hint`] })
  const field = useRef<HTMLTextAreaElement>(null)
  return (
    <details className="own-words ui-stack">
      <summary className="own-words__summary">{t('trendSuggest.ownWords')}</summary>
      <label className="field__label visually-hidden" htmlFor={`${id}-words`}>
        {t('trendSuggest.ownWords')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('trendSuggest.ownWordsHint')}
      </p>
      <textarea ref={field} {...length.props} className="input own-words__text" rows={4} value={text} onChange={(event) => setText(event.target.value)} />
      {length.counter}
      <button
        type="button"
        className="button button--secondary"
        disabled={!changed || !control}
        onClick={() => {
          if (!control) return
          if (length.over) {
            field.current?.focus()
            return
          }
          // Counted trimmed, as the counter counts it; stored the same, so the limit holds for what is saved.
          const words = text.trim()
          setOwnWords(control, words)
          setText(words)
          announce(t('trendSuggest.ownWordsSaved'))
        }}
      >
        {t('trendSuggest.ownWordsSave')}
      </button>
    </details>
  )
}
