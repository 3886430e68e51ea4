import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../ui/index.ts'
import { useDeviceSwitch } from '../../../ui/useDeviceSwitch.ts'
import { CONSOLE_SHORTCUTS, SHORTCUTS_ON_KEY } from './consoleShortcuts.ts'

/** The "?" sheet: every console key and what it does, and the switch that turns the single keys off. */
export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const [enabled, setEnabled] = useDeviceSwitch(SHORTCUTS_ON_KEY, true)
  const hintId = useId()
  return (
    <Dialog open={open} onClose={onClose} title={t('console.shortcuts.title')} description={t('console.shortcuts.lead')} size="small">
      <label className="shortcut-list__switch">
        <input type="checkbox" checked={enabled} aria-describedby={hintId} onChange={(event) => setEnabled(event.target.checked)} />
        {t('console.shortcuts.enabled')}
      </label>
      <p id={hintId} className="field__hint shortcut-list__hint">
        {t('console.shortcuts.enabledHint')}
      </p>
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
