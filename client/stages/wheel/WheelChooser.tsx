import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useMediaQuery } from '../../ui/useMediaQuery.ts'
import { groupName, type FocusSource, type WheelEntry } from './wheelModel.ts'
import type { WheelViewMode } from './WheelPanel.tsx'

/** More wheels than this and the choice is a drop-down rather than a row of buttons. */
const MAX_BUTTONS = 5
/**
 * On a phone it is a drop-down however few, beside Diagram/List: two long trend names and "All 2
 * wheels" stacked as buttons took 300 px, and pushed the wheel and its "+" out of the first screen.
 */
const PHONE = '(max-width: 40rem)'

/** "Care robots" or "Table 1 · Care robots". */
export function entryLabel(entry: WheelEntry, unnamed: string): string {
  const trend = entry.trend.name.trim() || unnamed
  const group = groupName(entry)
  return group ? `${group} · ${trend}` : trend
}

/**
 * Which wheel this person works on: their group's (remembered on this device) or all of them.
 * Only shown when there is more than one wheel.
 */
export function WheelChooser({
  entries,
  source,
  choice,
  onChoose,
}: {
  entries: readonly WheelEntry[]
  source: FocusSource
  choice: string
  onChoose(key: string): void
}) {
  const { t } = useTranslation()
  const id = useId()
  const phone = useMediaQuery(PHONE)
  if (entries.length < 2) return null
  const unnamed = t('wheel.unnamedTrend')
  const label = source === 'groups' && entries.some((entry) => groupName(entry)) ? t('wheel.chooser.group') : t('wheel.chooser.wheel')

  if (entries.length > MAX_BUTTONS || phone) {
    return (
      // On a phone the label is for a screen reader ("All 2 wheels" says what it is), and the
      // choice shares a row with Diagram/List.
      <div className={phone ? 'field wheel-chooser wheel-chooser--select wheel-chooser--compact' : 'field wheel-chooser wheel-chooser--select'}>
        <label className={phone ? 'visually-hidden' : 'field__label'} htmlFor={id}>
          {label}
        </label>
        <select id={id} className="input input--select" value={choice} onChange={(event) => onChoose(event.target.value)}>
          <option value="all">{t('wheel.chooser.all', { count: entries.length })}</option>
          {entries.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entryLabel(entry, unnamed)}
            </option>
          ))}
        </select>
      </div>
    )
  }
  return (
    <div className="wheel-chooser" role="group" aria-labelledby={id}>
      <span id={id} className="wheel-chooser__label">
        {label}
      </span>
      <div className="wheel-chooser__options">
        {entries.map((entry) => (
          <button key={entry.key} type="button" className="wheel-chooser__option" aria-pressed={choice === entry.key} onClick={() => onChoose(entry.key)}>
            {entryLabel(entry, unnamed)}
          </button>
        ))}
        <button type="button" className="wheel-chooser__option" aria-pressed={choice === 'all'} onClick={() => onChoose('all')}>
          {t('wheel.chooser.all', { count: entries.length })}
        </button>
      </div>
    </div>
  )
}

/** Diagram or list: the same wheel two ways (every device starts with the diagram, see useViewMode). */
export function ViewToggle({ mode, onChange }: { mode: WheelViewMode; onChange(mode: WheelViewMode): void }) {
  const { t } = useTranslation()
  return (
    <div className="segmented segmented--words wheel-view-toggle" role="group" aria-label={t('wheel.view.label')}>
      {(['diagram', 'list'] as const).map((option) => (
        <button key={option} type="button" className="segmented__option" aria-pressed={mode === option} onClick={() => onChange(option)}>
          {t(`wheel.view.${option}`)}
        </button>
      ))}
    </div>
  )
}
