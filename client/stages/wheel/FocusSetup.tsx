import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setGroups } from '../../../shared/doc/index.ts'
import { SESSION_LIMITS, type Group, type Trend } from '../../../shared/schema/index.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { lengthField, lengthStatus, useAnnounce } from '../../ui/index.ts'
import { type FocusSource, type WheelEntry } from './wheelModel.ts'

interface Row {
  /** React key; the group's id once it has one, so a renamed group keeps its wheel and stories. */
  key: string
  id?: string
  trendId: string
  name: string
}

let rowSerial = 0
const newRowKey = () => `row-${++rowSerial}`

/**
 * The facilitator's choice of wheels: which trends get one, and, by naming them, whether the room
 * splits into groups ("Table 1 on Care robots"). Saved as the control document's groups; with no
 * rows saved the key drivers are in focus again. Edited as a whole and saved at once, because
 * `setGroups` replaces the list.
 */
export function FocusSetup({
  trends,
  groups,
  keyDrivers,
  entries,
  source,
}: {
  trends: readonly Trend[]
  groups: readonly Group[]
  keyDrivers: readonly string[]
  entries: readonly WheelEntry[]
  source: FocusSource
}) {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const announce = useAnnounce()
  const id = useId()
  const [rows, setRows] = useState<Row[] | null>(null)
  const trendName = (trendId: string) => trends.find((trend) => trend.id === trendId)?.name.trim() ?? ''

  const start = () =>
    setRows(
      source === 'groups'
        ? groups.map((group) => ({
            key: group.id,
            id: group.id,
            trendId: group.trendId ?? trends[0]!.id,
            name:
              group.name ===
              trendName(group.trendId ?? '')
                .slice(0, SESSION_LIMITS.groupName)
                .trim()
                ? ''
                : group.name,
          }))
        : entries.map((entry) => ({ key: newRowKey(), trendId: entry.trend.id, name: '' })),
    )
  const fromKeyDrivers = () =>
    setRows(trends.filter((trend) => keyDrivers.includes(trend.id)).map((trend) => ({ key: newRowKey(), trendId: trend.id, name: '' })))
  const update = (key: string, patch: Partial<Row>) => setRows((current) => current?.map((row) => (row.key === key ? { ...row, ...patch } : row)) ?? null)

  const nameId = (row: Row) => `${id}-name-${row.key}`
  const save = () => {
    if (!control || !rows) return
    // A name past its limit is kept for the facilitator to shorten, never cut: nothing is saved until it fits.
    const tooLong = rows.find((row) => lengthStatus(row.name, SESSION_LIMITS.groupName).kind === 'over')
    if (tooLong) {
      document.getElementById(nameId(tooLong))?.focus()
      return
    }
    setGroups(
      control,
      rows.map((row, index) => ({
        ...(row.id ? { id: row.id } : {}),
        trendId: row.trendId,
        // A group without its own name is named after its trend (the stage then shows just the trend).
        name: row.name.trim() || trendName(row.trendId).slice(0, SESSION_LIMITS.groupName).trim() || t('wheel.setup.defaultName', { number: index + 1 }),
      })),
    )
    announce(t('wheel.setup.saved', { count: rows.length }))
    setRows(null)
  }

  const summary = t(`wheel.setup.source.${source}`, { count: entries.length })
  if (!rows) {
    return (
      <div className="wheel-setup wheel-setup--closed">
        <p className="wheel-setup__summary">{summary}</p>
        <button type="button" className="button button--secondary" onClick={start} disabled={!control || trends.length === 0}>
          {t('wheel.setup.open')}
        </button>
      </div>
    )
  }

  return (
    <form
      className="wheel-setup"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <h3 id={`${id}-title`} className="wheel-setup__title">
        {t('wheel.setup.title')}
      </h3>
      <p className="field__hint">{t('wheel.setup.hint')}</p>
      {rows.length > 0 ? (
        <ol className="wheel-setup__rows ui-list">
          {rows.map((row, index) => (
            <li key={row.key} className="wheel-setup__row">
              <label className="field">
                <span className="field__label">{t('wheel.setup.trend', { number: index + 1 })}</span>
                <select className="input input--select" value={row.trendId} onChange={(event) => update(row.key, { trendId: event.target.value })}>
                  {trends.map((trend) => (
                    <option key={trend.id} value={trend.id}>
                      {trend.name.trim() || t('wheel.unnamedTrend')}
                    </option>
                  ))}
                </select>
              </label>
              <GroupNameField
                id={nameId(row)}
                value={row.name}
                label={t('wheel.setup.groupName')}
                placeholder={t('wheel.setup.groupPlaceholder')}
                onChange={(name) => update(row.key, { name })}
              />
              <button type="button" className="button button--ghost wheel-setup__remove" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                {t('wheel.setup.remove')}
                <span className="visually-hidden">{t('wheel.setup.removeWhich', { number: index + 1 })}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="wheel-setup__none">{t('wheel.setup.none')}</p>
      )}
      <div className="wheel-setup__tools">
        <button type="button" className="button button--ghost" onClick={() => setRows([...rows, { key: newRowKey(), trendId: trends[0]!.id, name: '' }])}>
          <span aria-hidden="true">{'+'}</span> {t('wheel.setup.add')}
        </button>
        {keyDrivers.length > 0 && (
          <button type="button" className="button button--ghost" onClick={fromKeyDrivers}>
            {t('wheel.setup.fromKeyDrivers')}
          </button>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('wheel.setup.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setRows(null)}>
          {t('wheel.setup.cancel')}
        </button>
      </div>
    </form>
  )
}

/** A group's name, counted against its limit (`LengthCounter`). */
function GroupNameField({
  id,
  value,
  label,
  placeholder,
  onChange,
}: {
  id: string
  value: string
  label: string
  placeholder: string
  onChange(name: string): void
}) {
  const length = lengthField(value, SESSION_LIMITS.groupName, { id, label })
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input {...length.props} className="input" value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
      {length.counter}
    </div>
  )
}
