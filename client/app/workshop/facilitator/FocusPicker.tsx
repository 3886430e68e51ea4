import { memo, useCallback, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStoryName } from '../../../state/useStoryName.ts'
import { setFocus, setScreenShow } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { FOCUS_KINDS, type Focus, type FocusKind } from '../../../../shared/schema/session.ts'
import { allFocusOptions, describeFocus, searchFocusOptions, type FocusBoard, type FocusOption } from './focusOptions.ts'

/** A list anyone can scan; past it, the search finds the rest. */
const SHOWN = 30
const EMPTY = new Map()

function useFocusBoard(): FocusBoard {
  const signals = useStore((s) => s.board?.signals ?? EMPTY)
  const trends = useStore((s) => s.board?.trends ?? EMPTY)
  const wheelNodes = useStore((s) => s.board?.wheelNodes ?? EMPTY)
  const stories = useStore((s) => s.board?.stories ?? EMPTY)
  const personas = useStore((s) => s.board?.personas ?? EMPTY)
  return useMemo(() => ({ signals, trends, wheelNodes, stories, personas }), [signals, trends, wheelNodes, stories, personas])
}

/**
 * "Show on screen": put one signal, trend, wheel or story on the projector, big, and take it off
 * again. Searchable, so it works as well with a thousand cards as with ten.
 */
export function FocusPicker({ initialKind }: { initialKind: FocusKind }) {
  const { t } = useTranslation()
  const id = useId()
  const { control } = useWorkshopDocs()
  const board = useFocusBoard()
  const focus = useStore((s) => s.control?.focus ?? null)
  const screenShow = useStore((s) => s.control?.screenShow ?? null)
  const [kind, setKind] = useState<FocusKind>(initialKind)
  const [query, setQuery] = useState('')
  const nameStory = useStoryName()
  const options = useMemo(() => allFocusOptions(board, kind, nameStory), [board, kind, nameStory])
  const { shown, matched } = useMemo(() => searchFocusOptions(options, query, SHOWN), [options, query])
  const someHidden = matched > shown.length
  const focused = useMemo(() => (focus ? describeFocus(board, focus, nameStory) : null), [board, focus, nameStory])
  const show = useCallback(
    (next: Focus) => {
      if (control) setFocus(control, next)
    },
    [control],
  )

  return (
    <div className="focus-picker ui-stack">
      <div className="focus-picker__now ui-toolbar">
        <p role="status" className={focus || screenShow ? undefined : 'console__note'}>
          {screenShow ? (
            // Shown from Replay or "Finish": said here too, with the way back to the live stage.
            <>
              {t(`console.focus.showing.${screenShow.kind}`)}{' '}
              <button type="button" className="button button--secondary" onClick={() => control && setScreenShow(control, null)}>
                {t('console.focus.backToLive')}
              </button>
            </>
          ) : focus ? (
            <>
              <span className="focus-picker__now-label">{t('console.focus.onScreen')}</span>{' '}
              <strong>{focused ? `${t(`console.focus.kind.${focus.kind}`)}: ${optionLabel(focused, focus.kind, t)}` : t('console.focus.gone')}</strong>
            </>
          ) : (
            t('console.focus.none')
          )}
        </p>
        {focus && (
          <button type="button" className="button button--secondary" onClick={() => show(null)} disabled={!control}>
            {t('console.focus.clear')}
          </button>
        )}
      </div>
      <div className="focus-picker__find">
        <div className="segmented segmented--words" role="group" aria-label={t('console.focus.kindLabel')}>
          {FOCUS_KINDS.map((option) => (
            <button key={option} type="button" className="segmented__option" aria-pressed={kind === option} onClick={() => setKind(option)}>
              {t(`console.focus.kinds.${option}`)}
            </button>
          ))}
        </div>
        <input
          id={`${id}-search`}
          className="input focus-picker__search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('console.focus.searchPlaceholder')}
          aria-label={t('console.focus.search', { kind: t(`console.focus.kinds.${kind}`) })}
        />
      </div>
      {shown.length > 0 ? (
        <ul className="focus-picker__list" aria-label={t(`console.focus.kinds.${kind}`)}>
          {shown.map((option) => (
            <FocusRow key={option.id} option={option} kind={kind} onScreen={focus?.kind === kind && focus.id === option.id} onShow={show} disabled={!control} />
          ))}
        </ul>
      ) : (
        <p className="console__note">{t(query.trim() ? 'console.focus.noMatch' : `console.focus.empty.${kind}`)}</p>
      )}
      {someHidden && <p className="console__note">{t('console.focus.more', { shown: shown.length, count: matched })}</p>}
    </div>
  )
}

function optionLabel(option: FocusOption, kind: FocusKind, t: (key: string) => string): string {
  return option.label.trim() || t(kind === 'story' ? 'console.focus.untitledStory' : 'console.focus.unnamedTrend')
}

interface FocusRowProps {
  option: FocusOption
  kind: FocusKind
  onScreen: boolean
  onShow(focus: Focus): void
  disabled: boolean
}

const FocusRow = memo(function FocusRow({ option, kind, onScreen, onShow, disabled }: FocusRowProps) {
  const { t } = useTranslation()
  const label = optionLabel(option, kind, t)
  const detail = typeof option.detail === 'number' ? t('console.focus.consequences', { count: option.detail }) : option.detail
  return (
    <li className={`focus-picker__item${onScreen ? ' focus-picker__item--on' : ''}`}>
      <span className="focus-picker__label">
        {label}
        {detail && <span className="focus-picker__detail">{detail}</span>}
      </span>
      <button
        type="button"
        className={`button ${onScreen ? 'button--primary' : 'button--secondary'} focus-picker__show`}
        aria-pressed={onScreen}
        onClick={() => onShow(onScreen ? null : { kind, id: option.id })}
        disabled={disabled}
      >
        {t('console.focus.showOne')}
        <span className="visually-hidden">{`: ${label}`}</span>
      </button>
    </li>
  )
})
