import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { SteepCategory } from '../../shared/schema/signal.ts'

export interface CategoryTagProps {
  /** The STEEP category; `''` (not chosen) renders nothing. */
  category: SteepCategory
  className?: string
}

/**
 * A STEEP category as a coloured tag with its name ("● Social"): the colour-blind-safe swatch
 * comes from the category's `tag--` class, the text label from its `steep.` translation key, so
 * colour never carries the meaning alone.
 *
 * @example
 * <CategoryTag category={signal.category} />
 */
export const CategoryTag = memo(function CategoryTag({ category, className }: CategoryTagProps) {
  const { t } = useTranslation()
  if (!category) return null
  return <span className={['tag', `tag--${category}`, className].filter(Boolean).join(' ')}>{t(`steep.${category}`)}</span>
})
