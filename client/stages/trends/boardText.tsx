/**
 * The board's words: `t` and the phrases every card repeats, translated once per language.
 *
 * Why: `useTranslation()` is not free (react-i18next wraps `t` per call site), and `t()` parses
 * its key each time. With 1,000 cards and 50 trends, per-component calls were the largest cost of
 * the first render (bench/board: over a second of a 2.4 s render under the profiler). Components
 * here read one context value instead, and a card fills its title into a pre-translated phrase.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { STEEP_CATEGORIES, type SteepCategory } from '../../../shared/schema/index.ts'
import { useHyphenate } from '../../ui/hyphenate.ts'

export interface BoardText {
  t: TFunction
  /** "movable card": what a screen reader calls the drag handle. */
  roleDescription: string
  /** "Move or link “<title>”": the name of a card's actions button. */
  actions(title: string): string
  /** "also in 2 other trends". */
  alsoIn(count: number): string
  /** The STEEP category names ("Social", …). */
  category: Readonly<Record<Exclude<SteepCategory, ''>, string>>
  /** A card's title with break points in its long words (see ui/hyphenate.ts): the cards are narrow. */
  hyphenate(text: string): string
}

const SLOT = '\u0001'

/** A translated phrase with one slot, filled by plain string replacement (no i18next per call). */
function phrase(t: TFunction, key: string, variable: string): (value: string) => string {
  const pattern = t(key, { [variable]: SLOT, interpolation: { escapeValue: false } })
  return (value) => pattern.replace(SLOT, value)
}

export function createBoardText(t: TFunction, hyphenate: (text: string) => string): BoardText {
  const alsoIn = new Map<number, string>()
  return {
    t,
    roleDescription: t('trends.dnd.roleDescription'),
    actions: phrase(t, 'trends.card.actions', 'card'),
    alsoIn: (count) => {
      let label = alsoIn.get(count)
      if (label === undefined) alsoIn.set(count, (label = t('trends.card.alsoIn', { count })))
      return label
    },
    category: Object.fromEntries(STEEP_CATEGORIES.map((category) => [category, t(`steep.${category}`)])) as BoardText['category'],
    hyphenate,
  }
}

const BoardTextContext = createContext<BoardText | null>(null)

/** Provides the board's words in the current language (re-made when the language changes, and once the hyphenation patterns are in). */
export function BoardTextProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const hyphenate = useHyphenate()
  const text = useMemo(() => createBoardText(t, hyphenate), [t, hyphenate])
  return <BoardTextContext.Provider value={text}>{children}</BoardTextContext.Provider>
}

export function useBoardText(): BoardText {
  const text = useContext(BoardTextContext)
  if (!text) throw new Error('useBoardText outside BoardTextProvider')
  return text
}
