import type { ReactNode } from 'react'
import { useConsole } from './consoleContext.ts'

interface PanelButtonProps {
  panel: string
  /** The accessible name, when the visible content is not the whole of it (an icon, a clock). */
  label?: string
  /** Said on hover: the name of a button the row may show as its icon alone. */
  tooltip?: string
  className?: string
  keyShortcut?: string
  children: ReactNode
}

/** A toolbar button that opens its details below the toolbar (a disclosure: `aria-expanded`). */
export function PanelButton({ panel, label, tooltip, className, keyShortcut, children }: PanelButtonProps) {
  const { openPanel, togglePanel, panelId } = useConsole()
  const open = openPanel === panel
  return (
    <button
      type="button"
      className={['button', 'console-button', open && 'console-button--open', className].filter(Boolean).join(' ')}
      aria-expanded={open}
      aria-controls={open ? panelId(panel) : undefined}
      aria-label={label}
      title={tooltip}
      aria-keyshortcuts={keyShortcut}
      onClick={(event) => togglePanel(panel, event.currentTarget)}
    >
      {children}
    </button>
  )
}
