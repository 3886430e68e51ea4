import { useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Signal } from '../../../shared/schema/signal.ts'
import { sourceDomain } from '../../../shared/util/url.ts'
import { CategoryTag, Dialog } from '../../ui/index.ts'
import { Authors } from './Authors.tsx'
import { useCardText } from './cardText.ts'
import { mergeCandidates, mergePreview } from './mergePreview.ts'
import './merge.css'

interface MergeDialogProps {
  /** The duplicate being merged away; null closes the dialog. */
  drop: Signal | null
  signals: readonly Signal[]
  themeLabels: ReadonlyMap<string, string>
  onMerge(keepId: string, dropId: string): void
  onClose(): void
}

/**
 * "Merge into…": the facilitator picks the card a duplicate goes into, sees what the merged card
 * will hold (both authors, every link), and confirms. Nothing is written before the confirm.
 */
export function MergeDialog({ drop, signals, themeLabels, onMerge, onClose }: MergeDialogProps) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={drop !== null}
      onClose={onClose}
      size="large"
      title={t('signals.merge.title')}
      description={drop ? t('signals.merge.description', { title: drop.title }) : undefined}
    >
      {/* Keyed by the duplicate: opening the dialog for another card starts from a clean choice. */}
      {drop && <MergeForm key={drop.id} drop={drop} signals={signals} themeLabels={themeLabels} onMerge={onMerge} onClose={onClose} />}
    </Dialog>
  )
}

function MergeForm({ drop, signals, themeLabels, onMerge, onClose }: MergeDialogProps & { drop: Signal }) {
  const { t } = useTranslation()
  const id = useId()
  const text = useCardText()
  const [query, setQuery] = useState('')
  const [keepId, setKeepId] = useState<string | null>(null)
  const candidates = useMemo(() => mergeCandidates(signals, drop, query), [signals, drop, query])
  // The chosen card stays chosen (and previewed) even when a new search hides it from the list.
  const keep = keepId === null ? null : (signals.find((signal) => signal.id === keepId) ?? null)
  const preview = keep ? mergePreview(keep, drop) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!keep) return
    onMerge(keep.id, drop.id)
    onClose()
  }

  return (
    <form className="merge" onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-search`}>
          {t('signals.merge.search')}
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-autofocus=""
        />
      </div>

      <fieldset className="fieldset">
        <legend className="field__label">{t('signals.merge.into')}</legend>
        {candidates.length === 0 ? (
          <p className="field__hint">{t('signals.merge.noMatch')}</p>
        ) : (
          <div className="merge__candidates">
            {candidates.map((signal) => (
              <label key={signal.id} className="choice merge__candidate">
                <input type="radio" name={`${id}-keep`} value={signal.id} checked={keepId === signal.id} onChange={() => setKeepId(signal.id)} />
                <span className="choice__text">
                  <span className="choice__title">{signal.title}</span>
                  <span className="choice__description merge__candidate-meta">
                    <CategoryTag category={signal.category} />
                    {themeLabels.get(signal.themeId) && <span className="tag tag--theme">{themeLabels.get(signal.themeId)}</span>}
                    {signal.sourceUrl && <span>{sourceDomain(signal.sourceUrl)}</span>}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      {preview && (
        <section className="merge__preview ui-stack" aria-labelledby={`${id}-preview`} aria-live="polite">
          <h3 id={`${id}-preview`} className="merge__preview-heading">
            {t('signals.merge.previewHeading')}
          </h3>
          <p className="merge__preview-title">{preview.title}</p>
          <div className="merge__preview-tags">
            <CategoryTag category={preview.category} />
            {themeLabels.get(preview.themeId) && <span className="tag tag--theme">{themeLabels.get(preview.themeId)}</span>}
          </div>
          <dl className="merge__facts">
            <dt>{t('signals.merge.authors')}</dt>
            <dd>
              <Authors ids={preview.authorIds} text={text} />
            </dd>
            <dt>{t('signals.merge.sources')}</dt>
            <dd>{preview.sources.length > 0 ? preview.sources.map((url) => sourceDomain(url)).join(', ') : t('signals.merge.noSources')}</dd>
          </dl>
          <p className="merge__note">
            {preview.addsDescription ? t('signals.merge.noteWithText', { title: drop.title }) : t('signals.merge.note', { title: drop.title })}
          </p>
        </section>
      )}

      <div className="form__actions form__actions--end">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('signals.merge.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={!keep}>
          {t('signals.merge.confirm')}
        </button>
      </div>
    </form>
  )
}
