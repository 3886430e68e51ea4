import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useConsole } from './consoleContext.ts'
import { collapseStep, CONSOLE_TOOLS } from './consoleTools.tsx'
import { KeyboardIcon } from './consoleIcons.tsx'
import { PrivateRoundButton } from './PrivateRoundButton.tsx'
import { ReadyChip } from './ReadyChip.tsx'
import { JoinPanelToggle, LockToggle } from './ToggleButtons.tsx'

/**
 * "More…": the tools used rarely (Replay, "Link and data"), the keyboard sheet, and on a narrow
 * screen the toolbar entries that no longer fit — the same controls as in the row, each shown
 * here only where its row copy is hidden (see toolbar.css); the timer only while it is idle.
 * An action chosen here (reveal, lock, a stage back) closes the menu, as menus do, with the
 * keyboard back on "More…": left open, it covered the board whose change it had just made.
 */
export function MoreMenu({ privateShown, onShortcuts, trigger }: { privateShown: boolean; onShortcuts(): void; trigger: HTMLElement | null }) {
  const { t } = useTranslation()
  const { nav, move, togglePanel, closePanel } = useConsole()
  const { previous } = move
  // On the item, so it runs after the button's own press.
  const closesMenu = {
    onClick: (event: MouseEvent<HTMLLIElement>) => {
      if (!(event.target as Element).closest('button')) return
      closePanel()
      trigger?.focus()
    },
  }
  return (
    <ul className="console-menu ui-list">
      {previous && (
        <li className="console-menu__item" data-collapse="phone" {...closesMenu}>
          <button type="button" className="button button--ghost console-button" onClick={() => move.request(previous)}>
            <span aria-hidden="true">{'←'}</span>
            {t('console.previous', { stage: t(`stage.${previous.kind}.name`) })}
          </button>
        </li>
      )}
      {nav.current && (
        <li className="console-menu__item" data-collapse="timer">
          <button type="button" className="button button--ghost console-button" onClick={() => trigger && togglePanel('timer', trigger)}>
            {t('console.timer.label')}
          </button>
        </li>
      )}
      {nav.current && (
        <li className="console-menu__item" data-collapse="phone">
          <ReadyChip stageId={nav.current.id} />
        </li>
      )}
      {privateShown && (
        <li className="console-menu__item" data-collapse="phone" {...closesMenu}>
          <PrivateRoundButton />
        </li>
      )}
      <li className="console-menu__item" data-collapse="fewer" {...closesMenu}>
        <LockToggle />
      </li>
      <li className="console-menu__item" data-collapse="fewer" {...closesMenu}>
        <JoinPanelToggle />
      </li>
      {CONSOLE_TOOLS.map((tool) => (
        <li key={tool.id} className="console-menu__item" data-collapse={tool.place === 'more' ? undefined : collapseStep(tool)}>
          <button type="button" className="button button--ghost console-button" onClick={() => trigger && togglePanel(tool.id, trigger)}>
            <tool.Icon />
            {t(tool.label)}
          </button>
        </li>
      ))}
      <li className="console-menu__item" data-needs="keyboard">
        <button type="button" className="button button--ghost console-button" onClick={onShortcuts}>
          <KeyboardIcon />
          {t('console.shortcuts.open')}
        </button>
      </li>
    </ul>
  )
}
