import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { sortedByOrder } from '../../../shared/doc/index.ts'
import { EmptyState } from '../../ui/index.ts'
import type { StageProps } from '../types.ts'
import { FocusSetup } from './FocusSetup.tsx'
import { useGroups, useKeyDrivers, useTrends, useWorkshopId } from './useWheelData.ts'
import { useRemembered, useViewMode } from './useRemembered.ts'
import { ViewToggle, WheelChooser } from './WheelChooser.tsx'
import { resolveChoice, wheelsInFocus } from './wheelModel.ts'
import { WheelPanel } from './WheelPanel.tsx'
import './wheel.css'

/**
 * Stage 5, Futures wheel: follow consequences. Each trend in focus (the key drivers, or the
 * facilitator's choice, possibly one per group) gets a wheel: first-, second- and third-order
 * consequences around it, each positive, negative or mixed. Everyone sees every change live; the
 * diagram and the list are two views of the same wheel. The projector shows one big wheel
 * (`ScreenWheel.tsx`).
 */
export default function WheelStage({ role }: StageProps) {
  const { t } = useTranslation()
  const trendMap = useTrends()
  const trends = sortedByOrder(trendMap)
  const groups = useGroups()
  const keyDrivers = useKeyDrivers()
  const { entries, source } = useMemo(() => wheelsInFocus(trends, groups, keyDrivers), [trends, groups, keyDrivers])
  const workshopId = useWorkshopId()
  const [remembered, remember] = useRemembered(workshopId ? `s2s:wheel-group:${workshopId}` : null)
  const [mode, setMode] = useViewMode()

  if (trends.length === 0) {
    return (
      <div className="wheel-stage ui-stack">
        <EmptyState title={t('wheel.empty.title')} text={t('wheel.empty.text')} />
      </div>
    )
  }

  const choice = resolveChoice(entries, remembered)
  const oneWheel = entries.length === 1
  const viewToggle = <ViewToggle mode={mode} onChange={setMode} />
  const shown = choice === 'all' ? entries : entries.filter((entry) => entry.key === choice)
  return (
    <div className={`wheel-stage ui-stack wheel-stage--${role}`}>
      {role === 'facilitator' && <FocusSetup trends={trends} groups={groups} keyDrivers={keyDrivers} entries={entries} source={source} />}
      {/* With one wheel the Diagram / List switch sits beside its title: a row less before the wheel. */}
      {!oneWheel && (
        <div className="wheel-stage__toolbar ui-toolbar">
          <WheelChooser entries={entries} source={source} choice={choice} onChoose={remember} />
          {viewToggle}
        </div>
      )}
      {shown.map((entry) => (
        <WheelPanel key={entry.key} entry={entry} role={role} mode={mode} tools={oneWheel ? viewToggle : null} />
      ))}
    </div>
  )
}
