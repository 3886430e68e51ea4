import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { requestReveal, setPrivateMode } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { Switch, useAnnounce } from '../../../ui/index.ts'

/**
 * Private writing for the signals stage: while on, each person's cards stay in their own draft
 * and others see only counts; "Reveal all cards" (or switching it off) puts every card on the
 * wall. The live counts ("Anna: 3 cards") come from the server through `control.privateCounts`.
 */
export function PrivateModeControls() {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { control } = useWorkshopDocs()
  const on = useStore((s) => s.control?.privateMode.on === true)
  const counts = useStore((s) => s.control?.privateCounts)
  const writers = useMemo(
    () =>
      Object.entries(counts ?? {})
        .filter(([, entry]) => entry.count > 0)
        .map(([id, entry]) => ({ id, ...entry }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [counts],
  )
  const waiting = writers.reduce((sum, writer) => sum + writer.count, 0)

  const reveal = () => {
    if (!control) return
    requestReveal(control)
    announce(t('console.private.revealed'))
  }

  return (
    <div className="console__group console__group--switch">
      <Switch
        checked={on}
        disabled={!control}
        onChange={(next) => control && setPrivateMode(control, { on: next })}
        label={t('console.private.label')}
        hint={t(on ? 'console.private.hintOn' : 'console.private.hintOff')}
      />
      {(on || waiting > 0) && (
        <div className="private-counts">
          <button type="button" className="button button--secondary" onClick={reveal} disabled={!control || waiting === 0}>
            {t('console.private.reveal', { count: waiting })}
          </button>
          {writers.length > 0 ? (
            <ul className="private-counts__list" aria-label={t('console.private.countsLabel')}>
              {writers.map((writer) => (
                <li key={writer.id}>{t('console.private.count', { name: writer.name || t('ui.person.unnamed'), count: writer.count })}</li>
              ))}
            </ul>
          ) : (
            <p className="console__note">{t('console.private.none')}</p>
          )}
        </div>
      )}
    </div>
  )
}

