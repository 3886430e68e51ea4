/**
 * The console's tools: each is one entry — a label, an icon and the panel it opens under the
 * toolbar. Adding a tool is one line here; the toolbar, the "More…" menu and the panel host all
 * read this list.
 */
import type { ComponentType } from 'react'
import { ExportMenu } from '../results/ExportMenu.tsx'
import { HistoryPanel } from '../results/HistoryPanel.tsx'
import { Replay } from '../results/Replay.tsx'
import { WorkshopAdmin } from './admin/WorkshopAdmin.tsx'
import { ExportIcon, HistoryIcon, InviteIcon, LinkDataIcon, ReplayIcon, ScreenIcon } from './consoleIcons.tsx'
import { ScreenPanel } from './ScreenPanel.tsx'
import { SharePanel } from './SharePanel.tsx'

export interface ConsoleTool {
  /** Unique among the console's panels; also names its panel element. */
  id: string
  /** Catalogue key of the visible label (which is also the button's accessible name). */
  label: string
  Icon: ComponentType
  /** What opens under the toolbar. */
  Panel: ComponentType
  /**
   * Where its button is: `row` with its label while the row has room; `quiet` in the row as an
   * icon on a laptop (the label from wide screens on); `more` only in "More…" (used rarely).
   */
  place: 'row' | 'quiet' | 'more'
  /** Keyboard key that opens it, if any (listed in the "?" sheet). */
  keyShortcut?: string
}

export const CONSOLE_TOOLS: readonly ConsoleTool[] = [
  { id: 'invite', label: 'console.tools.share', Icon: InviteIcon, Panel: SharePanel, place: 'row' },
  { id: 'screen', label: 'console.tools.focus', Icon: ScreenIcon, Panel: ScreenPanel, place: 'row', keyShortcut: 'F' },
  { id: 'export', label: 'console.tools.export', Icon: ExportIcon, Panel: ExportMenu, place: 'quiet' },
  { id: 'history', label: 'console.tools.history', Icon: HistoryIcon, Panel: HistoryPanel, place: 'quiet' },
  { id: 'replay', label: 'console.tools.replay', Icon: ReplayIcon, Panel: Replay, place: 'more' },
  { id: 'admin', label: 'console.tools.admin', Icon: LinkDataIcon, Panel: WorkshopAdmin, place: 'more' },
]

/**
 * The squeeze step (SQUEEZE_STEPS) at which a tool of the row moves into "More…": the quiet ones
 * first, with the lock and the join code ('fewer'), then Invite and "Show on screen" ('narrow').
 * All at once left a Finnish laptop's row a quarter empty with six tools in "More…".
 */
export function collapseStep(tool: ConsoleTool): 'fewer' | 'narrow' {
  return tool.place === 'row' ? 'narrow' : 'fewer'
}
