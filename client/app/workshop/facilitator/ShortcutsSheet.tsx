import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../ui/index.ts'
import { CONSOLE_SHORTCUTS } from './consoleShortcuts.ts'

/** The "?" sheet: every console key and what it does. */
export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('console.shortcuts.title')} description={t('console.shortcuts.lead')} size="small">
      <dl className="shortcut-list">
        {CONSOLE_SHORTCUTS.map(({ key, action }) => (
          <div key={key} className="shortcut-list__row">
            <dt>
              <kbd className="shortcut-list__key">{key === '?' ? key : key.toUpperCase()}</kbd>
            </dt>
            <dd>{t(`console.shortcuts.${action}`)}</dd>
          </div>
        ))}
        <div className="shortcut-list__row">
          <dt>
            <kbd className="shortcut-list__key">{t('console.shortcuts.escKey')}</kbd>
          </dt>
          <dd>{t('console.shortcuts.esc')}</dd>
        </div>
      </dl>
    </Dialog>
  )
}
