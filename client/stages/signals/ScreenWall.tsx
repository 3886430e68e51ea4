import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyWall } from './EmptyWall.tsx'
import type { Viewer } from './permissions.ts'
import { PrivateArea } from './PrivateArea.tsx'
import type { CardActions } from './SignalCard.tsx'
import { SignalWall } from './SignalWall.tsx'
import { useFreshIds } from './useFreshIds.ts'
import { useWallData } from './useWallData.ts'
import { themeChips } from './wallFilter.ts'

const SCREEN: Viewer = { role: 'screen', participantId: null, locked: true }
const NO_ACTIONS: CardActions = { edit() {}, remove() {}, merge() {} }
const noop = () => {}

/**
 * The projector: the wall growing, big and read-only, with the count per theme so the room sees
 * where its attention goes; during private writing, the pace as face-down tiles.
 */
export function ScreenWall() {
  const { t } = useTranslation()
  const id = useId()
  const data = useWallData()
  const freshIds = useFreshIds(data.signals, data.loaded)
  const chips = useMemo(() => themeChips(data.signals, data.themes), [data.signals, data.themes])

  return (
    <div className="signals-screen">
      <section className="wall-section" aria-labelledby={`${id}-wall`}>
        <div className="wall-section__header">
          <h2 id={`${id}-wall`} className="wall-section__heading">
            {t('signals.wall.heading')}
          </h2>
          {data.signals.length > 0 && <span className="wall-section__count">{t('signals.wall.count', { count: data.signals.length })}</span>}
          {data.signals.length > 0 && chips.length > 0 && (
            <ul className="screen-theme-counts" aria-label={t('signals.filters.themes')}>
              {chips.map((chip) => (
                <li key={chip.id || 'none'} className="tag tag--theme">
                  {chip.label ?? t('signals.filters.noTheme')}
                  <span className="screen-theme-counts__count">{chip.count}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {data.privateOn && <PrivateArea counts={data.privateCounts} selfId={null} forScreen anonymous={data.hideNames} />}
        {data.signals.length === 0
          ? !data.privateOn && data.loaded && <EmptyWall forScreen />
          : (
            <SignalWall
              signals={data.signals}
              label={t('signals.wall.heading')}
              viewer={SCREEN}
              themes={data.themes}
              themeLabels={data.themeLabels}
              freshIds={freshIds}
              editingId={null}
              actions={NO_ACTIONS}
              onSave={noop}
              onCloseEditor={noop}
              hideAuthors={data.hideNames}
            />
          )}
      </section>
    </div>
  )
}
