import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../ui/index.ts'

/**
 * No takeaways yet: the instruction, one example card that shows the shape (what, who, when), and
 * the button to write the first one.
 */
export function TakeawaysEmpty({ canAdd, onAdd }: { canAdd: boolean; onAdd(): void }) {
  const { t } = useTranslation()
  return (
    <EmptyState
      className="takeaways-empty"
      title={t('takeaways.empty.title')}
      text={canAdd ? t('takeaways.empty.text') : t('takeaways.empty.readOnly')}
      example={
        <div className="card takeaway-card takeaway-card--example" aria-label={t('takeaways.empty.exampleLabel')} role="group">
          <p className="eyebrow">{t('takeaways.empty.exampleLabel')}</p>
          <p className="takeaway-card__text">{t('takeaways.empty.exampleText')}</p>
          <p className="takeaway-card__who">
            <span className="takeaway-card__label">{t('takeaways.card.who')}</span> {t('takeaways.empty.exampleWho')}
          </p>
          <p className="takeaway-card__who">
            <span className="takeaway-card__label">{t('takeaways.card.when')}</span> {t('takeaways.when.year')}
          </p>
        </div>
      }
      action={
        canAdd && (
          <button type="button" className="button button--primary button--large" onClick={onAdd}>
            <span aria-hidden="true">{'+'}</span> {t('takeaways.empty.add')}
          </button>
        )
      }
    />
  )
}
