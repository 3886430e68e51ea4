/**
 * An earlier workshop's signals as bank signals: what a facilitator may bring into a new
 * workshop (texts, links, theme names, categories; never who wrote them).
 */
import { sortedByOrder, type BoardSnapshot, type ControlSnapshot } from '../doc/index'
import type { BankSignal } from './csv'

/** The answer of `GET /api/workshops/:id/bank`. */
export interface BankResponse {
  title: string
  signals: BankSignal[]
}

export function bankSignalsOf(board: BoardSnapshot, control: ControlSnapshot): BankResponse {
  const themes = new Map(control.meta.themes.map((theme) => [theme.id, theme.label]))
  return {
    title: control.meta.title,
    signals: sortedByOrder(board.signals).map((signal) => ({
      title: signal.title,
      description: signal.description,
      whyItMatters: signal.whyItMatters,
      sourceUrl: signal.sourceUrl,
      sources: [...signal.sources],
      theme: themes.get(signal.themeId) ?? '',
      category: signal.category,
    })),
  }
}
