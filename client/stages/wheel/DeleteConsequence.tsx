import { useTranslation } from 'react-i18next'
import { InlineConfirm } from '../../ui/index.ts'

/**
 * A consequence's "Delete", asking once in place and naming how many consequences go with it
 * (see InlineConfirm). Undo also brings a deleted branch back. `label`, where several are in
 * sight (the list), names the consequence ("Delete “Care homes close”").
 */
export function DeleteConsequence({ followers, onDelete, label }: { followers: number; onDelete(): void; label?: string }) {
  const { t } = useTranslation()
  return (
    <InlineConfirm
      question={followers > 0 ? t('wheel.delete.questionWithFollowers', { count: followers }) : t('wheel.delete.question')}
      confirmLabel={t('wheel.delete.confirm')}
      cancelLabel={t('wheel.delete.keep')}
      onConfirm={onDelete}
      trigger={(open, ref) => (
        <button ref={ref} type="button" className="button button--ghost wheel-action wheel-action--delete" aria-label={label} onClick={open}>
          {t('wheel.actions.delete')}
        </button>
      )}
    />
  )
}
