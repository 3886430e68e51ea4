import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { STEEP_CATEGORIES, type SteepCategory } from '../../../shared/schema/signal.ts'
import { useHyphenate } from '../../ui/hyphenate.ts'

/**
 * Every word a signal card shows, translated once per wall instead of once per card: a
 * `useTranslation()` per card (and per tag, chip and note inside it) costs more than the card
 * itself, which a wall of a thousand cards feels. Rebuilt when the language changes, so cards
 * re-render then and only then (and once more when the hyphenation patterns arrive).
 */
export interface CardText {
  readonly why: string
  readonly sources: string
  moreSources(count: number): string
  readonly opensInNewTab: string
  readonly authors: string
  readonly you: string
  readonly unnamed: string
  editing(name: string, others: number): string
  readonly edit: string
  readonly merge: string
  readonly delete: string
  readonly deleteQuestion: string
  readonly deleteConfirm: string
  readonly keep: string
  readonly exampleBadge: string
  readonly onlyYou: string
  readonly fromBank: string
  readonly steep: Readonly<Record<Exclude<SteepCategory, ''>, string>>
  /**
   * A card's own words with break points in its long words: a card is narrow (a phone's, a wall
   * of four columns on a laptop), and without them "asiakastietojärjestelmäuudistus" broke
   * anywhere with no hyphen, as on the projector before it had them (see ui/hyphenate.ts).
   */
  hyphenate(text: string): string
}

export function useCardText(): CardText {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const hyphenate = useHyphenate()
  return useMemo<CardText>(
    () => ({
      why: t('signals.card.why'),
      sources: t('signals.card.sources'),
      moreSources: (count) => t('signals.card.moreSources', { count }),
      opensInNewTab: t('signals.card.opensInNewTab'),
      authors: t('signals.card.authors'),
      you: t('signals.card.you'),
      unnamed: t('ui.person.unnamed'),
      editing: (name, others) => (others === 0 ? t('ui.editing.one', { name }) : t('ui.editing.many', { name, count: others })),
      edit: t('signals.card.edit'),
      merge: t('signals.card.merge'),
      delete: t('signals.card.delete'),
      deleteQuestion: t('signals.card.deleteQuestion'),
      deleteConfirm: t('signals.card.deleteConfirm'),
      keep: t('signals.card.keep'),
      exampleBadge: t('signals.empty.exampleBadge'),
      onlyYou: t('signals.private.onlyYou'),
      fromBank: t('signalBank.badge'),
      steep: Object.fromEntries(STEEP_CATEGORIES.map((category) => [category, t(`steep.${category}`)])) as CardText['steep'],
      hyphenate,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `t` is a new function per language; the language is named too, to make the reason plain.
    [t, language, hyphenate],
  )
}
