import { useTranslation } from 'react-i18next'
import { InlineConfirm } from '../../ui/index.ts'

/** A takeaway's "Delete", asking once in place (see InlineConfirm); `label` names the takeaway ("Delete “Map loneliness”"). */
export function ConfirmDelete({ onDelete, label }: { onDelete(): void; label: string }) {
  const { t } = useTranslation()
  return (
    <InlineConfirm
      question={t('takeaways.card.deleteQuestion')}
      confirmLabel={t('takeaways.card.delete')}
      cancelLabel={t('takeaways.card.keep')}
      onConfirm={onDelete}
      trigger={(open, ref) => (
        <button ref={ref} type="button" className="button button--ghost takeaway-card__action takeaway-card__action--delete" aria-label={label} onClick={open}>
          {t('takeaways.card.delete')}
        </button>
      )}
    />
  )
}
