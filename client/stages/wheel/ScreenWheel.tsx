import { useTranslation } from 'react-i18next'
import type { Trend } from '../../../shared/schema/index.ts'
import { WheelDiagram } from './diagram/WheelDiagram.tsx'
import { ValenceLegend } from './ValenceLegend.tsx'
import { useWheelOnScreen, useWheelTree } from './useWheelData.ts'
import { entryLabel } from './WheelChooser.tsx'
import type { WheelEntry } from './wheelModel.ts'

/**
 * The projector: one big, read-only wheel filling the screen's stage area, fitted and growing
 * live. It shows the wheel the facilitator put on screen, else the first wheel in focus.
 */
export function ScreenWheel({ entries, trends }: { entries: readonly WheelEntry[]; trends: ReadonlyMap<string, Trend> }) {
  const { t } = useTranslation()
  const focusedId = useWheelOnScreen()
  const focusedTrend = focusedId ? trends.get(focusedId) : undefined
  const entry: WheelEntry | undefined = entries.find((e) => e.trend.id === focusedId) ?? (focusedTrend ? { key: `trend:${focusedTrend.id}`, trend: focusedTrend, group: null } : entries[0])
  if (!entry) return null
  return <ScreenEntry entry={entry} title={entryLabel(entry, t('wheel.unnamedTrend'))} />
}

function ScreenEntry({ entry, title }: { entry: WheelEntry; title: string }) {
  const { t } = useTranslation()
  const tree = useWheelTree(entry.trend.id)
  const trendName = entry.trend.name.trim() || t('wheel.unnamedTrend')
  return (
    <section className="wheel-screen" aria-labelledby="wheel-screen-title">
      <div className="wheel-screen__head">
        <h3 id="wheel-screen-title" className="wheel-screen__title">
          {title}
        </h3>
        <ValenceLegend tree={tree} />
      </div>
      <WheelDiagram trendName={trendName} tree={tree} interactive={false} selectedId={null} label={t('wheel.diagram.label', { name: trendName })} />
    </section>
  )
}
