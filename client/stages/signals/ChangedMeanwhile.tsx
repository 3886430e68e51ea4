import { useTranslation } from 'react-i18next'
import type { Theme } from '../../../shared/schema/meta.ts'
import type { SignalFormValues } from './signalForm.ts'

interface ChangedMeanwhileProps {
  /** Fields this person changed in an unsaved edit that someone else changed too meanwhile. */
  fields: readonly (keyof SignalFormValues)[]
  /** The card as it is now. */
  card: SignalFormValues
  themes: readonly Theme[]
}

/**
 * In a card editor opened again after a reload: what someone else wrote meanwhile in the fields
 * this person's unsaved edit changes too. Their text stays in the editor; the card's is here, so
 * that Save (theirs replaces it) or Cancel (the card's stays) is a choice made seeing both.
 */
export function ChangedMeanwhile({ fields, card, themes }: ChangedMeanwhileProps) {
  const { t } = useTranslation()
  const label: Record<keyof SignalFormValues, string> = {
    title: t('signals.fields.title'),
    description: t('signals.fields.description'),
    sourceUrl: t('signals.fields.source'),
    themeId: t('signals.fields.theme'),
    category: t('signals.fields.category'),
    whyItMatters: t('signals.fields.why'),
  }
  const shown = (field: keyof SignalFormValues): string => {
    if (field === 'themeId') return themes.find((theme) => theme.id === card.themeId)?.label ?? t('signals.fields.noTheme')
    if (field === 'category') return card.category ? t(`steep.${card.category}`) : t('signals.fields.noCategory')
    return card[field].trim() === '' ? t('signals.edit.empty') : card[field]
  }
  return (
    <div className="signal-card__edit-note signal-card__changed" role="note">
      <p>{t('signals.edit.changedMeanwhile')}</p>
      <dl className="signal-card__changed-list">
        {fields.map((field) => (
          <div key={field}>
            <dt>{label[field]}</dt>
            <dd>{shown(field)}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
