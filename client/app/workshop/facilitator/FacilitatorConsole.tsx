import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSqueeze } from '../../../ui/fit/useSqueeze.ts'
import type { Stage } from '../../../../shared/schema/stage.ts'
import type { StageNavigation } from '../stage/stageNavigation.ts'
import { primeChime } from './chime.ts'
import { ConsoleContext, type ConsoleContextValue } from './consoleContext.ts'
import { MoreIcon } from './consoleIcons.tsx'
import { ConsolePanel } from './ConsolePanel.tsx'
import { collapseStep, CONSOLE_TOOLS } from './consoleTools.tsx'
import { FinishWorkshop } from '../results/FinishWorkshop.tsx'
import { FlowControls } from './FlowControls.tsx'
import { LeaveQuestion } from './LeaveQuestion.tsx'
import { MoreMenu } from './MoreMenu.tsx'
import { PanelButton } from './PanelButton.tsx'
import { PrivateRoundButton, usePrivateRoundShown } from './PrivateRoundButton.tsx'
import { ReadyChip, ReadyPanel } from './ReadyChip.tsx'
import { ShortcutsSheet } from './ShortcutsSheet.tsx'
import { StageButton, StagePanel } from './StageButton.tsx'
import { TimerButtons, TimerPanel } from './TimerControls.tsx'
import { JoinPanelToggle, LockToggle } from './ToggleButtons.tsx'
import { useConsoleShortcuts } from './useConsoleShortcuts.ts'
import { useRoomMove } from './useRoomMove.ts'
import { usePublishedHeight } from '../usePublishedHeight.ts'
import './facilitator.css'
import './toolbar.css'

/**
 * What the toolbar row gives up, in order, until the stage's name and Next show whole (toolbar.css):
 * first the quiet tools' labels, then the join code's and the timer's words, then the lock's, then
 * "Show on screen"'s (one step for all of them left a laptop's row with 280 px empty and six icons);
 * last, on a phone, the stage's short name ("Pyörä"; "Tulevaisuuspyörä" and "Tulevaisuustarinat"
 * both read "Tul…"), then an idle timer shows as its icon (still one tap from its panel: in
 * Finnish "Signaalit", "Seuraava" and "10:00" did not fit 390 px), and at 320 px it moves into
 * "More…". A running or paused timer stays in sight; if the row is still full (beside one, at
 * 320 px), Next shows only its arrow (a running Finnish wheel stage read "P…").
 */
const SQUEEZE_STEPS = [
  'quiet',
  'labels',
  'lockLabel',
  'screenLabel',
  'tools',
  'fewer',
  'narrow',
  'phone',
  'short',
  'timerIcon',
  'timerMenu',
  'nextArrow',
] as const

interface OpenPanel {
  panel: string
  trigger: HTMLElement | null
}

/**
 * The facilitator's console: one toolbar row above the board — where the room is, Back and Next
 * (on the last stage "Finish the workshop"), the timer, who is ready, the private round, lock, the
 * join code on the projector, the tools of `CONSOLE_TOOLS` (Invite, Show on screen, Export,
 * History; Replay and "Link and data" in "More…") and "More…". Details open in a
 * panel over the board, one at a time, so the board stays where it is. Where the row is full,
 * labels give way to icons and then entries move into "More…", as few as needed for the stage's
 * name and Next to show whole (`useSqueeze`; a phone can drive the room while the laptop feeds
 * the projector). Keys: see consoleShortcuts.ts. The server refuses these writes from anyone
 * but a facilitator.
 */
export function FacilitatorConsole({ nav }: { nav: StageNavigation }) {
  const { t } = useTranslation()
  const id = useId()
  const move = useRoomMove(nav)
  const [open, setOpen] = useState<OpenPanel | null>(null)
  const [sheet, setSheet] = useState(false)
  const moreButton = useRef<HTMLDivElement>(null)
  const consoleRef = useRef<HTMLElement>(null)
  const rowRef = useRef<HTMLDivElement>(null)
  useSqueeze(consoleRef, rowRef, SQUEEZE_STEPS)
  usePublishedHeight(consoleRef, '--console-height')
  const current = nav.current
  const privateShown = usePrivateRoundShown(current?.kind)

  const togglePanel = useCallback((panel: string, trigger: HTMLElement) => {
    setOpen((previous) => (previous?.panel === panel ? null : { panel, trigger }))
  }, [])
  const closePanel = useCallback(() => setOpen(null), [])
  const panelId = useCallback((panel: string) => `${id}-${panel}`, [id])
  const context = useMemo<ConsoleContextValue>(
    () => ({ nav, move, openPanel: open?.panel ?? null, togglePanel, closePanel, panelId }),
    [nav, move, open, togglePanel, closePanel, panelId],
  )
  useConsoleShortcuts(context, () => setSheet(true))

  const panel = open ? panelContent(open.panel, current, privateShown, () => setSheet(true), moreButton.current?.querySelector('button') ?? null) : null

  return (
    <ConsoleContext.Provider value={context}>
      {/* Any press in the console lets this page make sound later (browsers need a gesture first). */}
      <section ref={consoleRef} className="console" aria-label={t('console.title')} onPointerDown={primeChime} onKeyDown={primeChime}>
        <div ref={rowRef} className="console__row">
          <StageButton />
          <FlowControls />
          {current && <TimerButtons key={current.id} stage={current} />}
          {current && (
            <div className="console__item" data-collapse="phone">
              <ReadyChip stageId={current.id} />
            </div>
          )}
          {privateShown && (
            <div className="console__item" data-collapse="phone">
              <PrivateRoundButton />
            </div>
          )}
          <div className="console__spacer" />
          <div className="console__item" data-collapse="fewer">
            <LockToggle />
          </div>
          <div className="console__item" data-collapse="fewer">
            <JoinPanelToggle />
          </div>
          {CONSOLE_TOOLS.filter((tool) => tool.place !== 'more').map((tool) => (
            <div key={tool.id} className={`console__item console__item--${tool.place}`} data-collapse={collapseStep(tool)} data-tool={tool.id}>
              <PanelButton
                panel={tool.id}
                label={t(tool.label)}
                tooltip={tool.keyShortcut ? `${t(tool.label)} (${tool.keyShortcut})` : t(tool.label)}
                className={`button--ghost console-tool${tool.id === 'invite' && (!current || current.kind === 'frame') ? ' console-tool--first' : ''}`}
                keyShortcut={tool.keyShortcut}
              >
                <tool.Icon />
                <span className="console-button__label">{t(tool.label)}</span>
              </PanelButton>
            </div>
          ))}
          <div ref={moreButton} className="console__more">
            <PanelButton panel="more" className="button--ghost" label={t('console.more')} tooltip={t('console.more')}>
              <MoreIcon />
            </PanelButton>
          </div>
        </div>
        <LeaveQuestion />
        {open && panel && (
          <ConsolePanel
            key={open.panel}
            id={panelId(open.panel)}
            label={panel.label(t)}
            align={panel.align}
            titled={panel.titled}
            trigger={open.trigger}
            onClose={closePanel}
          >
            {panel.content}
          </ConsolePanel>
        )}
      </section>
      <ShortcutsSheet open={sheet} onClose={() => setSheet(false)} />
    </ConsoleContext.Provider>
  )
}

interface PanelSpec {
  label(t: (key: string) => string): string
  align: 'start' | 'end'
  /** A heading and a close button (see `ConsolePanel`). */
  titled?: boolean
  content: ReactNode
}

function panelContent(panel: string, stage: Stage | null, privateShown: boolean, openSheet: () => void, moreTrigger: HTMLElement | null): PanelSpec | null {
  switch (panel) {
    case 'stage':
      return { label: (t) => t('console.stagePanel.label'), align: 'start', content: <StagePanel /> }
    case 'timer':
      return stage ? { label: (t) => t('console.timer.label'), align: 'start', content: <TimerPanel stage={stage} /> } : null
    case 'ready':
      return stage ? { label: (t) => t('console.readyLabel'), align: 'start', content: <ReadyPanel stageId={stage.id} /> } : null
    case 'more':
      return { label: (t) => t('console.more'), align: 'end', content: <MoreMenu privateShown={privateShown} onShortcuts={openSheet} trigger={moreTrigger} /> }
    case 'finish':
      return { label: (t) => t('results.finish.title'), align: 'start', titled: true, content: <FinishWorkshop /> }
  }
  const tool = CONSOLE_TOOLS.find((entry) => entry.id === panel)
  return tool ? { label: (t) => t(tool.label), align: 'end', titled: true, content: <tool.Panel /> } : null
}
