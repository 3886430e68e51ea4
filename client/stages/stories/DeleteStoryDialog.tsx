import { useTranslation } from 'react-i18next'
import { Dialog } from '../../ui/index.ts'

/** Asks once before a story goes (the board's undo can still bring it back). */
export function DeleteStoryDialog({ open, title, onClose, onConfirm }: { open: boolean; title: string; onClose(): void; onConfirm(): void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('stories.delete.title', { title })} size="small">
      <p>{t('stories.delete.body')}</p>
      <div className="form__actions form__actions--end story-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          {t('stories.delete.cancel')}
        </button>
        <button type="button" className="button button--danger story-dialog__danger" onClick={onConfirm}>
          {t('stories.delete.confirm')}
        </button>
      </div>
    </Dialog>
  )
}
