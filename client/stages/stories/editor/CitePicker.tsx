import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CitableBoard } from '../../../../shared/doc/stories/index.ts'
import type { CitationAttrs } from '../../../../shared/schema/index.ts'
import { CategoryTag, Dialog } from '../../../ui/index.ts'
import { CITE_KIND_ORDER, citeOptions, searchCiteOptions, type CiteOption } from '../citeOptions.ts'
import { KindIcon } from '../kindIcons.tsx'

/** Enough to scan; a longer list is a sign to type one more word. */
const LIMIT_PER_KIND = 25
/** Stored with the chip, as in the contract (shared/schema/storyBody.ts). */
const MAX_LABEL = 200

interface CitePickerProps {
  open: boolean
  board: CitableBoard
  keyDrivers: readonly string[]
  /** `kind|refId` of what the story already cites, marked in the list. */
  cited: ReadonlySet<string>
  onPick(citation: CitationAttrs): void
  onClose(): void
}

/**
 * "Cite…": search the board and pick what the story draws on. A combobox over a grouped listbox:
 * type to filter, ↑/↓ to move, Enter to cite, Esc to go back to writing.
 */
export function CitePicker({ open, onClose, ...rest }: CitePickerProps) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('stories.picker.title')} description={t('stories.picker.description')} size="large" className="cite-picker">
      {open && <PickerBody {...rest} />}
    </Dialog>
  )
}

function PickerBody({ board, keyDrivers, cited, onPick }: Omit<CitePickerProps, 'open' | 'onClose'>) {
  const { t } = useTranslation()
  const id = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const options = useMemo(() => citeOptions(board, keyDrivers), [board, keyDrivers])
  // Typing stays instant on a board of 1,000 signals; the list follows a beat later.
  const deferredQuery = useDeferredValue(query)
  const result = useMemo(() => searchCiteOptions(options, deferredQuery, LIMIT_PER_KIND), [options, deferredQuery])
  const flat = useMemo(() => CITE_KIND_ORDER.flatMap((kind) => result.byKind.get(kind) ?? []), [result])
  const activeIndex = Math.min(active, flat.length - 1)
  const optionId = (option: CiteOption) => `${id}-${option.kind}-${option.refId}`
  const nameOf = (option: CiteOption) => option.name || t('stories.picker.unnamedTrend')

  const pick = (option: CiteOption | undefined) => {
    if (option) onPick({ kind: option.kind, refId: option.refId, label: nameOf(option).slice(0, MAX_LABEL) })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + 8, PageUp: activeIndex - 8 }
    if (event.key in moves && flat.length > 0) {
      event.preventDefault()
      const next = Math.max(0, Math.min(flat.length - 1, moves[event.key]!))
      setActive(next)
      document.getElementById(optionId(flat[next]!))?.scrollIntoView?.({ block: 'nearest' })
    } else if (event.key === 'Enter') {
      event.preventDefault()
      pick(flat[activeIndex])
    }
  }

  if (options.length === 0) return <p className="cite-picker__empty">{t('stories.picker.nothingOnBoard')}</p>

  return (
    <div className="cite-picker__body ui-stack">
      <label className="field">
        <span className="field__label">{t('stories.picker.search')}</span>
        <input
          className="input"
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={flat[activeIndex] ? optionId(flat[activeIndex]) : undefined}
          placeholder={t('stories.picker.placeholder')}
          value={query}
          autoFocus
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <p className="visually-hidden" role="status">
        {t('stories.picker.count', { count: result.total })}
      </p>
      <div id={`${id}-list`} role="listbox" aria-label={t('stories.picker.results')} className="cite-picker__list">
        {flat.length === 0 && <p className="cite-picker__empty">{t('stories.picker.noMatch', { query })}</p>}
        {CITE_KIND_ORDER.map((kind) => {
          const list = result.byKind.get(kind) ?? []
          const more = result.more.get(kind) ?? 0
          if (list.length === 0) return null
          return (
            <div key={kind} role="group" aria-labelledby={`${id}-${kind}`} className="cite-picker__group ui-stack">
              <div id={`${id}-${kind}`} role="presentation" className="cite-picker__group-title">
                <KindIcon kind={kind} />
                {t(`stories.kindPlural.${kind}`)}
              </div>
              {list.map((option) => {
                const index = flat.indexOf(option)
                return (
                  <div
                    key={option.refId}
                    id={optionId(option)}
                    role="option"
                    aria-selected={index === activeIndex}
                    className="cite-option ui-stack"
                    onMouseMove={() => index !== activeIndex && setActive(index)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => pick(option)}
                  >
                    <span className="cite-option__name">{nameOf(option)}</span>
                    <OptionContext option={option} alreadyCited={cited.has(`${option.kind}|${option.refId}`)} />
                  </div>
                )
              })}
              {more > 0 && <p className="cite-picker__more">{t(`stories.picker.more.${kind}`, { count: more })}</p>}
            </div>
          )
        })}
      </div>
    </div>
  )
}

function OptionContext({ option, alreadyCited }: { option: CiteOption; alreadyCited: boolean }) {
  const { t } = useTranslation()
  const parts = []
  if (option.keyDriver)
    parts.push(
      <span key="driver" className="badge badge--driver">
        {t('stories.keyDriver')}
      </span>,
    )
  if (option.kind === 'wheelNode') {
    parts.push(
      <span key="ring">
        {t('stories.picker.consequenceOf', { ring: t(`stories.ring.${option.ring}`), trend: option.trendName || t('stories.picker.unnamedTrend') })}
      </span>,
    )
    if (option.valence) parts.push(<span key="valence">{t(`stories.valence.${option.valence}`)}</span>)
  }
  if (option.category) parts.push(<CategoryTag key="category" category={option.category} />)
  if (alreadyCited)
    parts.push(
      <span key="cited" className="cite-option__cited">
        {t('stories.picker.alreadyCited')}
      </span>,
    )
  if (parts.length === 0) return null
  return <span className="cite-option__context">{parts}</span>
}
