import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setLocked } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { Switch } from '../../../ui/index.ts'
import type { StageNavigation } from '../stage/stageNavigation.ts'
import { primeChime } from './chime.ts'
import { FlowControls } from './FlowControls.tsx'
import { FocusPicker } from './FocusPicker.tsx'
import { focusKindForStage } from './focusOptions.ts'
import { PrivateModeControls } from './PrivateModeControls.tsx'
import { SharePanel } from './SharePanel.tsx'
import { StageManager } from './StageManager.tsx'
import { TimerControls } from './TimerControls.tsx'
import { ExportMenu } from '../results/ExportMenu.tsx'
import { FinishWorkshop } from '../results/FinishWorkshop.tsx'
import { HistoryPanel } from '../results/HistoryPanel.tsx'
import { Replay } from '../results/Replay.tsx'
import { WorkshopAdmin } from './admin/WorkshopAdmin.tsx'
import './facilitator.css'

type Tool = 'share' | 'focus' | 'stages' | 'export' | 'history' | 'replay' | 'admin'
const TOOLS: readonly Tool[] = ['share', 'focus', 'stages', 'export', 'history', 'replay', 'admin']

/**
 * The facilitator's controls for the room. First row: move the group (with the ready count), the
 * timer and the lock; on a signals stage, private writing below them. Then three
 * tools that open one at a time: share the links, put something on the screen, and arrange the
 * stages. Anyone with the facilitator link sees the same console; the server refuses these
 * writes from anyone else.
 */
export function FacilitatorConsole({ nav }: { nav: StageNavigation }) {
  const { t } = useTranslation()
  const id = useId()
  const { current } = nav
  // Inviting people is the first job: until the facilitator picks a tool, sharing is open on the
  // Frame stage and everything is closed after it.
  const [chosen, setTool] = useState<Tool | null | undefined>(undefined)
  const tool = chosen === undefined ? (!current || current.kind === 'frame' ? 'share' : null) : chosen

  return (
    // Any press in the console lets this page make sound later (browsers need a gesture first).
    <section className="console" aria-labelledby={`${id}-title`} onPointerDown={primeChime} onKeyDown={primeChime}>
      <h2 id={`${id}-title`} className="console__title">
        {t('console.title')}
      </h2>
      <div className="console__groups">
        <FlowControls nav={nav} />
        {current && <TimerControls key={current.id} stage={current} />}
        <LockSwitch />
      </div>
      {current && current === nav.steps.at(-1) && <FinishWorkshop />}
      {current?.kind === 'signals' && (
        <div className="console__groups">
          <PrivateModeControls />
        </div>
      )}
      <div className="console__tools">
        <div className="console__tool-buttons">
          {TOOLS.map((name) => (
            <button
              key={name}
              type="button"
              className="button button--ghost console__tool-button"
              aria-expanded={tool === name}
              aria-controls={`${id}-${name}`}
              onClick={() => setTool(tool === name ? null : name)}
            >
              <span className="console__tool-chevron" aria-hidden="true" />
              {t(`console.tools.${name}`)}
            </button>
          ))}
        </div>
        {TOOLS.map((name) => (
          <div key={name} id={`${id}-${name}`} className="console__tool-panel" role="region" aria-label={t(`console.tools.${name}`)} hidden={tool !== name}>
            {tool === name && name === 'share' && <SharePanel />}
            {tool === name && name === 'focus' && <FocusPicker initialKind={focusKindForStage(current?.kind)} />}
            {tool === name && name === 'stages' && <StageManager />}
            {tool === name && name === 'export' && <ExportMenu />}
            {tool === name && name === 'history' && <HistoryPanel />}
            {tool === name && name === 'replay' && <Replay />}
            {tool === name && name === 'admin' && <WorkshopAdmin />}
          </div>
        ))}
      </div>
    </section>
  )
}

function LockSwitch() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const locked = useStore((s) => s.control?.locked === true)
  return (
    <div className="console__group console__group--switch">
      <Switch
        checked={locked}
        disabled={!control}
        onChange={(next) => control && setLocked(control, next)}
        label={t('console.lock.label')}
        hint={t('console.lock.hint')}
      />
    </div>
  )
}
