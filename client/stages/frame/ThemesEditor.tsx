import { memo, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { countByTheme, setThemes } from '../../../shared/doc/index.ts'
import { META_LIMITS, type Theme, type ThemeInput } from '../../../shared/schema/meta.ts'
import { selectThemes } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { InlineConfirm, lengthField } from '../../ui/index.ts'
import { useLimitedSharedDraft } from '../../ui/useLimitedSharedDraft.ts'
import { addTheme, isDuplicateLabel, moveTheme, removeTheme, renameTheme } from './themeList.ts'

/** The current themes at the moment of an edit: a debounced rename must not undo a move made since. */
const currentThemes = () => selectThemes(useStore.getState())

/** Themes (lenses) signals are collected under: add, rename, reorder, remove. */
export function ThemesEditor() {
  const { t } = useTranslation()
  const id = useId()
  const { control } = useWorkshopDocs()
  const themes = useStore(selectThemes)
  const signals = useStore((s) => s.board?.signals)
  const counts = useMemo(() => countByTheme(signals?.values() ?? [], themes), [signals, themes])
  const [newLabel, setNewLabel] = useState('')
  const [addError, setAddError] = useState<string | null>(null)
  const newInput = useRef<HTMLInputElement>(null)
  const newLength = lengthField(newLabel, META_LIMITS.themeLabel, {
    id: `${id}-new`,
    label: t('frame.themes.newLabel'),
    error: addError ?? undefined,
    errorId: `${id}-error`,
    after: [`${id}-hint`],
  })

  const apply = (next: ThemeInput[] | null): boolean => {
    if (!control || !next) return false
    setThemes(control, next)
    return true
  }

  const submitNew = (event: FormEvent) => {
    event.preventDefault()
    if (newLength.over) {
      // Kept for the facilitator to shorten: the counter under the field says by how much.
    } else if (newLabel.trim() === '') {
      setAddError(t('frame.themes.errorEmpty'))
    } else if (isDuplicateLabel(currentThemes(), newLabel)) {
      setAddError(t('frame.themes.errorDuplicate'))
    } else if (apply(addTheme(currentThemes(), newLabel))) {
      setNewLabel('')
      setAddError(null)
    }
    newInput.current?.focus()
  }

  return (
    <fieldset className="fieldset themes-editor ui-stack">
      <legend className="field__label">{t('frame.themes.label')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('frame.themes.hint')}
      </p>
      {themes.length > 0 && (
        <ol className="themes-editor__list ui-stack ui-list">
          {themes.map((theme, index) => (
            <ThemeRow
              key={theme.id}
              theme={theme}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === themes.length - 1}
              signalCount={counts.get(theme.id) ?? 0}
              onApply={apply}
            />
          ))}
        </ol>
      )}
      {/* Not a nested <form>: the editor sits inside the page's form layout; Enter is handled here. */}
      <div className="themes-editor__add">
        <label className="visually-hidden" htmlFor={`${id}-new`}>
          {t('frame.themes.newLabel')}
        </label>
        <input
          ref={newInput}
          {...newLength.props}
          className="input"
          type="text"
          placeholder={t('frame.themes.newPlaceholder')}
          value={newLabel}
          onChange={(event) => {
            setNewLabel(event.target.value)
            setAddError(null)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') submitNew(event)
          }}
        />
        <button type="button" className="button button--secondary" onClick={submitNew}>
          {t('frame.themes.add')}
        </button>
      </div>
      {newLength.counter}
      {newLength.error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {newLength.error}
        </p>
      )}
    </fieldset>
  )
}

interface ThemeRowProps {
  theme: Theme
  position: number
  isFirst: boolean
  isLast: boolean
  signalCount: number
  onApply(next: ThemeInput[] | null): boolean
}

const ThemeRow = memo(function ThemeRow({ theme, position, isFirst, isLast, signalCount, onApply }: ThemeRowProps) {
  const { t } = useTranslation()
  const id = useId()
  // Past the limit the label stays in this field, counted, and the theme keeps the last label that fitted (see `LengthCounter`).
  const label = useLimitedSharedDraft(theme.label, META_LIMITS.themeLabel, `theme:${theme.id}:label`, (value) => {
    if (value.trim() === '' || isDuplicateLabel(currentThemes(), value, theme.id)) return false
    // Unchanged (after trimming) counts as saved.
    const next = renameTheme(currentThemes(), theme.id, value)
    return next === null || onApply(next)
  })
  const empty = label.editing && label.value.trim() === ''
  const duplicate = label.editing && !empty && isDuplicateLabel(currentThemes(), label.value, theme.id)
  const error = empty ? t('frame.themes.errorEmpty') : duplicate ? t('frame.themes.errorDuplicate') : null
  const length = lengthField(label.value, META_LIMITS.themeLabel, {
    id: `${id}-label`,
    label: t('frame.themes.renameLabel', { position }),
    error: error ?? undefined,
    errorId: `${id}-error`,
    savedAsTyped: true,
  })
  const name = theme.label

  // A moved row's DOM node is re-inserted, which drops focus; put it back on the arrow just used
  // (or the other one, when the row reached an end and this arrow is now disabled).
  const upRef = useRef<HTMLButtonElement>(null)
  const downRef = useRef<HTMLButtonElement>(null)
  const movedBy = useRef<-1 | 1 | null>(null)
  useEffect(() => {
    const step = movedBy.current
    movedBy.current = null
    if (step === null) return
    const preferred = step === -1 ? upRef.current : downRef.current
    const other = step === -1 ? downRef.current : upRef.current
    ;(preferred && !preferred.disabled ? preferred : other)?.focus()
  }, [position])
  const move = (step: -1 | 1) => {
    movedBy.current = step
    onApply(moveTheme(currentThemes(), theme.id, step))
  }

  return (
    <li className="themes-editor__row">
      <span className="themes-editor__position" aria-hidden="true">
        {position}
      </span>
      <div className="themes-editor__label ui-stack">
        <label className="visually-hidden" htmlFor={`${id}-label`}>
          {t('frame.themes.renameLabel', { position })}
        </label>
        <input
          {...length.props}
          className="input"
          type="text"
          value={label.value}
          onChange={(event) => label.change(event.target.value)}
          onBlur={label.finish}
          onKeyDown={(event) => {
            if (event.key === 'Enter') label.finish()
          }}
        />
        {length.counter}
        {length.error && (
          <p id={`${id}-error`} className="field__error">
            {length.error}
          </p>
        )}
      </div>
      <span className="themes-editor__count">{t('frame.themes.signalCount', { count: signalCount })}</span>
      <span className="themes-editor__actions">
        <button
          type="button"
          className="button button--ghost icon-button"
          aria-label={t('frame.themes.moveUp', { name })}
          title={t('frame.themes.moveUp', { name })}
          ref={upRef}
          disabled={isFirst}
          onClick={() => move(-1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="button button--ghost icon-button"
          aria-label={t('frame.themes.moveDown', { name })}
          title={t('frame.themes.moveDown', { name })}
          ref={downRef}
          disabled={isLast}
          onClick={() => move(1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <InlineConfirm
          ask={signalCount > 0}
          question={t('frame.themes.removeQuestion', { count: signalCount })}
          confirmLabel={t('frame.themes.removeConfirm')}
          cancelLabel={t('frame.themes.keep')}
          onConfirm={() => onApply(removeTheme(currentThemes(), theme.id))}
          trigger={(open, ref) => (
            <button
              ref={ref}
              type="button"
              className="button button--ghost icon-button"
              aria-label={t('frame.themes.remove', { name })}
              title={t('frame.themes.remove', { name })}
              onClick={open}
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        />
      </span>
    </li>
  )
})
