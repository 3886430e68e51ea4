/**
 * The console's tools: each is one entry — a label, an icon and the panel it opens under the
 * toolbar. Adding a tool is one line here; the toolbar, the "More…" menu on narrow screens and
 * the panel host all read this list.
 */
import type { ComponentType } from 'react'
import { InviteIcon, ScreenIcon } from './consoleIcons.tsx'
import { ScreenPanel } from './ScreenPanel.tsx'
import { SharePanel } from './SharePanel.tsx'

export interface ConsoleTool {
  /** Unique among the console's panels; also names its panel element. */
  id: string
  /** Catalogue key of the visible label (which is also the button's accessible name). */
  label: string
  Icon: ComponentType
  /** What opens under the toolbar; `close` hands focus back to the tool's button. */
  Panel: ComponentType<{ close?(): void }>
  /** Keyboard key that opens it, if any (listed in the "?" sheet separately). */
  keyShortcut?: string
}

export const CONSOLE_TOOLS: readonly ConsoleTool[] = [
  { id: 'invite', label: 'console.tools.share', Icon: InviteIcon, Panel: SharePanel },
  { id: 'screen', label: 'console.tools.focus', Icon: ScreenIcon, Panel: ScreenPanel, keyShortcut: 'F' },
  // Export and History (issue 11, client/app/workshop/results/) plug in here, one line each:
  // { id: 'export', label: 'results.export.tool', Icon: ExportIcon, Panel: ExportPanel },
  // { id: 'history', label: 'results.history.tool', Icon: HistoryIcon, Panel: HistoryPanel },
]
