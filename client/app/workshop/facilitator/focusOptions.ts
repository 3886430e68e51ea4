/**
 * What the facilitator can put on the screen, from the board snapshot: signals, trends, wheels
 * (a trend with consequences around it; the focus id is the trend's) and stories. Pure, so the
 * picker's search over a thousand cards is one memoised pass.
 */
import type { BoardSnapshot } from '../../../../shared/doc/index.ts'
import type { Focus, FocusKind } from '../../../../shared/schema/session.ts'
import type { StageKind } from '../../../../shared/schema/stage.ts'
import type { Story } from '../../../../shared/schema/index.ts'
import { stageManifest } from '../../../stages/registry.ts'
import { byOrderThenId } from '../../../../shared/util/order.ts'

export type FocusBoard = Pick<BoardSnapshot, 'signals' | 'trends' | 'wheelNodes' | 'stories' | 'personas'>

export interface FocusOption {
  id: string
  /** The item's own words (a story's name, see `NameStory`); empty for an unnamed trend (the UI says so). */
  label: string
  /** A second line: the persona of a story, the number of consequences on a wheel. */
  detail: string | number | null
}

/**
 * What an untitled story is called (`useStoryName`: "Aino's day"); without it, its persona's
 * name. A titled story keeps its title, with the persona as its second line.
 */
export type NameStory = (story: Story) => string

const byTitleOrPersona =
  (board: FocusBoard): NameStory =>
  (story) =>
    story.title.trim() || (board.personas.get(story.personaId)?.name.trim() ?? '')

/** Every option of a kind, in board order. */
export function allFocusOptions(board: FocusBoard, kind: FocusKind, nameStory: NameStory = byTitleOrPersona(board)): FocusOption[] {
  switch (kind) {
    case 'signal':
      return [...board.signals.values()].sort(byOrderThenId).map((signal) => ({ id: signal.id, label: signal.title, detail: null }))
    case 'trend':
      return [...board.trends.values()].sort(byOrderThenId).map((trend) => ({ id: trend.id, label: trend.name, detail: null }))
    case 'wheel': {
      const consequences = new Map<string, number>()
      for (const node of board.wheelNodes.values()) consequences.set(node.trendId, (consequences.get(node.trendId) ?? 0) + 1)
      return [...board.trends.values()]
        .filter((trend) => consequences.has(trend.id))
        .sort(byOrderThenId)
        .map((trend) => ({ id: trend.id, label: trend.name, detail: consequences.get(trend.id) ?? 0 }))
    }
    case 'story':
      return [...board.stories.values()].sort(byOrderThenId).map((story) => storyOption(board, story.id, nameStory)!)
  }
}

/** The options whose words contain the query (any case), at most `limit` of them, and how many matched. */
export function searchFocusOptions(options: readonly FocusOption[], query: string, limit: number): { shown: FocusOption[]; matched: number } {
  const needle = query.trim().toLocaleLowerCase()
  const matches =
    needle === ''
      ? options
      : options.filter((option) => `${option.label} ${typeof option.detail === 'string' ? option.detail : ''}`.toLocaleLowerCase().includes(needle))
  return { shown: matches.slice(0, limit), matched: matches.length }
}

/** The focused item's option, or null when it is gone (deleted since it was put on screen). */
export function describeFocus(board: FocusBoard, focus: NonNullable<Focus>, nameStory: NameStory = byTitleOrPersona(board)): FocusOption | null {
  switch (focus.kind) {
    case 'signal': {
      const signal = board.signals.get(focus.id)
      return signal ? { id: signal.id, label: signal.title, detail: null } : null
    }
    case 'trend':
    case 'wheel': {
      const trend = board.trends.get(focus.id)
      if (!trend) return null
      if (focus.kind === 'trend') return { id: trend.id, label: trend.name, detail: null }
      let consequences = 0
      for (const node of board.wheelNodes.values()) if (node.trendId === trend.id) consequences++
      return { id: trend.id, label: trend.name, detail: consequences }
    }
    case 'story':
      return storyOption(board, focus.id, nameStory)
  }
}

function storyOption(board: FocusBoard, storyId: string, nameStory: NameStory): FocusOption | null {
  const story = board.stories.get(storyId)
  if (!story) return null
  const persona = board.personas.get(story.personaId)?.name.trim() ?? ''
  // Untitled, it is named after its persona already: no second line saying the name again.
  return { id: story.id, label: nameStory(story), detail: story.title.trim() ? persona || null : null }
}

/** The kind of item a stage works with (its manifest's `pickerFocus`): the picker opens on it. */
export function focusKindForStage(kind: StageKind | undefined): FocusKind {
  return kind ? stageManifest(kind).pickerFocus : 'signal'
}
