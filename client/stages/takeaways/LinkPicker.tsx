import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface LinkOption {
  id: string
  label: string
  /** "★ Key driver" and the like, said after the label. */
  note?: string
}

/** Past this many options a filter field appears (a workshop may have 50 trends). */
const FILTER_FROM = 8

/**
 * A multi-select as a checkbox list: "which trends (or stories) does this come from?". Plain
 * checkboxes work the same by touch, mouse and keyboard; long lists get a filter and scroll.
 */
export function LinkPicker({
  legend,
  options,
  selected,
  onChange,
  empty,
}: {
  legend: string
  options: readonly LinkOption[]
  selected: readonly string[]
  onChange(ids: string[]): void
  /** Shown instead of the list when there is nothing to link yet. */
  empty: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLocaleLowerCase()
  // Chosen ones stay visible whatever the filter says, so nothing is unticked unseen.
  const shown = needle ? options.filter((o) => selected.includes(o.id) || o.label.toLocaleLowerCase().includes(needle)) : options
  const toggle = (optionId: string, on: boolean) => onChange(on ? [...selected, optionId] : selected.filter((s) => s !== optionId))

  return (
    <fieldset className="link-picker">
      <legend className="field__label">
        {legend}
        {selected.length > 0 && <span className="link-picker__count">{t('takeaways.form.chosen', { count: selected.length })}</span>}
      </legend>
      {options.length === 0 ? (
        <p className="field__hint">{empty}</p>
      ) : (
        <>
          {options.length > FILTER_FROM && (
            <input
              id={`${id}-filter`}
              className="input link-picker__filter"
              type="search"
              value={filter}
              aria-label={t('takeaways.form.filter', { what: legend })}
              placeholder={t('takeaways.form.filterPlaceholder')}
              onChange={(event) => setFilter(event.target.value)}
            />
          )}
          <ul className="link-picker__list">
            {shown.map((option) => (
              <li key={option.id}>
                <label className="link-picker__option">
                  <input type="checkbox" checked={selected.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
                  <span className="link-picker__text">
                    {option.label}
                    {option.note && <span className="link-picker__note">{option.note}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  )
}
