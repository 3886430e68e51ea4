import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { sortedByOrder } from '../../../shared/doc/index.ts'
import type { Trend } from '../../../shared/schema/index.ts'
import { EmptyState } from '../../ui/index.ts'
import { ScreenWheelDiagram } from './screen/ScreenWheelDiagram.tsx'
import { useGroups, useKeyDrivers, useTrends, useWheelOnScreen, useWheelTree } from './useWheelData.ts'
import { entryLabel } from './WheelChooser.tsx'
import { groupName, wheelsInFocus, type WheelEntry } from './wheelModel.ts'
import './wheel.css'
// The diagram's parts are drawn as in the stage's own diagram (`WheelDiagram.tsx`, not loaded here).
import './diagram/diagram.css'
import './screen/screenWheel.css'

/** Stage 5 on the projector: the wheel on screen, or what the room does first while there are no trends. */
export default function ScreenWheel() {
  const { t } = useTranslation()
  const trendMap = useTrends()
  const groups = useGroups()
  const keyDrivers = useKeyDrivers()
  const entries = useMemo(() => wheelsInFocus(sortedByOrder(trendMap), groups, keyDrivers).entries, [trendMap, groups, keyDrivers])
  return (
    <div className={`wheel-stage ui-stack${trendMap.size === 0 ? '' : ' wheel-stage--screen'}`}>
      {trendMap.size === 0 ? (
        <EmptyState title={t('wheel.empty.title')} text={t('wheel.empty.screen')} />
      ) : (
        <WheelOnScreen entries={entries} trends={trendMap} />
      )}
    </div>
  )
}

/**
 * One big, read-only wheel filling the screen's stage area, growing live, part by part when it is
 * too full to read whole. It shows the wheel the facilitator put on screen; else each wheel in
 * focus in turn, all its pages, saying which of how many it is (before, only the first was ever
 * shown, and nothing said there was another).
 */
function WheelOnScreen({ entries, trends }: { entries: readonly WheelEntry[]; trends: ReadonlyMap<string, Trend> }) {
  const { t } = useTranslation()
  const focusedId = useWheelOnScreen()
  const [turn, setTurn] = useState(0)
  const focusedTrend = focusedId ? trends.get(focusedId) : undefined
  const focused: WheelEntry | undefined =
    entries.find((e) => e.trend.id === focusedId) ?? (focusedTrend ? { key: `trend:${focusedTrend.id}`, trend: focusedTrend, group: null } : undefined)
  const index = turn % Math.max(1, entries.length)
  const entry = focused ?? entries[index]
  if (!entry) return null
  const inTurn = !focused && entries.length > 1
  return (
    <ScreenEntry
      // A wheel of its own: its pages start at the first.
      key={entry.key}
      entry={entry}
      title={entryLabel(entry, t('wheel.unnamedTrend'))}
      ofWheels={inTurn ? t('wheel.screen.ofWheels', { n: index + 1, count: entries.length }) : null}
      onShownAll={inTurn ? () => setTurn((current) => current + 1) : undefined}
    />
  )
}

function ScreenEntry({ entry, title, ofWheels, onShownAll }: { entry: WheelEntry; title: string; ofWheels: string | null; onShownAll?: () => void }) {
  const { t } = useTranslation()
  const tree = useWheelTree(entry.trend.id)
  const trendName = entry.trend.name.trim() || t('wheel.unnamedTrend')
  const group = groupName(entry)
  return (
    <section className="wheel-screen" aria-labelledby="wheel-screen-title">
      {/* The trend is in the middle of the wheel itself; the heading names the region. */}
      <h3 id="wheel-screen-title" className="visually-hidden">
        {title}
      </h3>
      {/* Whose wheel the room is looking at, when tables each made one: in the corner the wheel leaves free. */}
      {group && (
        <p className="eyebrow wheel-screen__group" aria-hidden="true">
          {t('wheel.group', { name: group })}
        </p>
      )}
      <ScreenWheelDiagram trendName={trendName} tree={tree} label={t('wheel.diagram.label', { name: trendName })} ofWheels={ofWheels} onShownAll={onShownAll} />
    </section>
  )
}
