import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { STEEP_CATEGORIES, type SteepCategory } from '../../../shared/schema/signal.ts'
import { isFiltering, type AuthorOption, type ThemeChip, type WallFilterState } from './wallFilter.ts'
import './filters.css'

interface WallFiltersProps {
  filter: WallFilterState
  onChange(filter: WallFilterState): void
  themeChips: readonly ThemeChip[]
  categoryCounts: ReadonlyMap<SteepCategory, number>
  authors: readonly AuthorOption[]
  /** Hidden while the facilitator keeps authors anonymous. */
  showAuthors: boolean
  shown: number
  total: number
}

/**
 * Filters for this person's view of the wall: theme chips with their card counts (the counts
 * show where the group's attention went), STEEP category and author. Nobody else's view changes.
 */
export const WallFilters = memo(function WallFilters({ filter, onChange, themeChips, categoryCounts, authors, showAuthors, shown, total }: WallFiltersProps) {
  const { t } = useTranslation()
  const id = useId()
  const set = (patch: Partial<WallFilterState>) => onChange({ ...filter, ...patch })

  return (
    <div className="wall-filters ui-stack" role="search" aria-label={t('signals.filters.label')}>
      {themeChips.length > 0 && (
        <div className="wall-filters__themes" role="group" aria-labelledby={`${id}-themes`}>
          <span id={`${id}-themes`} className="wall-filters__label">
            {t('signals.filters.themes')}
          </span>
          <button type="button" className="filter-chip" aria-pressed={filter.themeId === null} onClick={() => set({ themeId: null })}>
            {t('signals.filters.all')}
            <span className="filter-chip__count">{total}</span>
          </button>
          {themeChips.map((chip) => (
            <button
              key={chip.id || 'none'}
              type="button"
              className="filter-chip"
              aria-pressed={filter.themeId === chip.id}
              onClick={() => set({ themeId: filter.themeId === chip.id ? null : chip.id })}
            >
              {chip.label ?? t('signals.filters.noTheme')}
              <span className="filter-chip__count">
                <span className="visually-hidden">{', '}</span>
                {t('signals.filters.cardCount', { count: chip.count })}
              </span>
            </button>
          ))}
        </div>
      )}

      <div className="wall-filters__selects">
        <div className="wall-filters__select">
          <label className="wall-filters__label" htmlFor={`${id}-category`}>
            {t('signals.filters.category')}
          </label>
          <select
            id={`${id}-category`}
            className="input input--select"
            value={filter.category ?? '*'}
            onChange={(event) => set({ category: event.target.value === '*' ? null : (event.target.value as SteepCategory) })}
          >
            <option value="*">{t('signals.filters.anyCategory')}</option>
            {[...STEEP_CATEGORIES, '' as const].map((category) => (
              <option key={category || 'none'} value={category}>
                {t('signals.filters.optionWithCount', {
                  label: category ? t(`steep.${category}`) : t('signals.filters.noCategory'),
                  count: categoryCounts.get(category) ?? 0,
                })}
              </option>
            ))}
          </select>
        </div>

        {showAuthors && authors.length > 1 && (
          <div className="wall-filters__select">
            <label className="wall-filters__label" htmlFor={`${id}-author`}>
              {t('signals.filters.author')}
            </label>
            <select
              id={`${id}-author`}
              className="input input--select"
              value={filter.authorId ?? '*'}
              onChange={(event) => set({ authorId: event.target.value === '*' ? null : event.target.value })}
            >
              <option value="*">{t('signals.filters.anyone')}</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {t('signals.filters.optionWithCount', { label: author.name ?? t('ui.person.unnamed'), count: author.count })}
                </option>
              ))}
            </select>
          </div>
        )}

        {isFiltering(filter) && (
          <p className="wall-filters__result" role="status">
            {t('signals.filters.showing', { shown, total })}{' '}
            <button
              type="button"
              className="button button--ghost wall-filters__clear"
              onClick={() => onChange({ themeId: null, category: null, authorId: null })}
            >
              {t('signals.filters.clear')}
            </button>
          </p>
        )}
      </div>
    </div>
  )
})
