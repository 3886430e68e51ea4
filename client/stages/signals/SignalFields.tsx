import { useTranslation } from 'react-i18next'
import { STEEP_CATEGORIES, type SteepCategory } from '../../../shared/schema/signal.ts'
import type { Theme } from '../../../shared/schema/meta.ts'
import { lengthField } from '../../ui/index.ts'
import { LIMITS, type SignalFormError, type SignalFormErrors, type SignalFormValues } from './signalForm.ts'
import './addSignal.css'

interface SignalFieldsProps {
  /** Prefix for element ids (from `useId`), so two forms on a page never share ids. */
  idPrefix: string
  values: SignalFormValues
  errors: SignalFormErrors
  themes: readonly Theme[]
  onChange<K extends keyof SignalFormValues>(field: K, value: SignalFormValues[K]): void
}

const CATEGORY_CHOICES: readonly SteepCategory[] = [...STEEP_CATEGORIES, '']

/*
 * The source is a text field with a URL keyboard, not `type="url"`: the browser's own check
 * would block "yle.fi/…", which we accept (and complete with https://), with a bubble we cannot
 * word or translate.
 */

/**
 * The optional fields of a signal card: what is happening, the source, theme, STEEP category and
 * why it matters. Shared by the quick-add form (behind "More details") and the card editor.
 */
export function SignalFields({ idPrefix, values, errors, themes, onChange }: SignalFieldsProps) {
  const { t } = useTranslation()
  const id = (field: string) => `${idPrefix}-${field}`
  const error = (field: keyof SignalFormValues, code: SignalFormError | undefined) =>
    code ? (
      <p id={id(`${field}-error`)} className="field__error">
        {t(`signals.errors.${code}`)}
      </p>
    ) : null
  /** One of the card's texts: its label, the box, how close it is to its limit, and its error. */
  const multiline = (field: 'description' | 'whyItMatters', label: string, placeholder: string, rows: number) => {
    // A counted text over its limit shows no error of its own: the counter says what is wrong.
    const length = lengthField(values[field], LIMITS[field], { id: id(field), label, error: errors[field], errorId: id(`${field}-error`) })
    return (
      <div className="field">
        <label className="field__label" htmlFor={id(field)}>
          {label}
        </label>
        <textarea
          {...length.props}
          className="input input--multiline"
          rows={rows}
          placeholder={placeholder}
          value={values[field]}
          onChange={(event) => onChange(field, event.target.value)}
        />
        {length.counter}
        {error(field, length.error)}
      </div>
    )
  }

  return (
    <>
      {multiline('description', t('signals.fields.description'), t('signals.fields.descriptionPlaceholder'), 3)}

      <div className="field">
        <label className="field__label" htmlFor={id('sourceUrl')}>
          {t('signals.fields.source')}
        </label>
        <p id={id('sourceUrl-hint')} className="field__hint">
          {t('signals.fields.sourceHint')}
        </p>
        <input
          id={id('sourceUrl')}
          className="input"
          type="text"
          inputMode="url"
          autoComplete="url"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t('signals.fields.sourcePlaceholder')}
          aria-invalid={Boolean(errors.sourceUrl)}
          aria-describedby={errors.sourceUrl ? `${id('sourceUrl-error')} ${id('sourceUrl-hint')}` : id('sourceUrl-hint')}
          value={values.sourceUrl}
          onChange={(event) => onChange('sourceUrl', event.target.value)}
        />
        {error('sourceUrl', errors.sourceUrl)}
      </div>

      {themes.length > 0 && (
        <div className="field">
          <label className="field__label" htmlFor={id('themeId')}>
            {t('signals.fields.theme')}
          </label>
          <select id={id('themeId')} className="input input--select" value={values.themeId} onChange={(event) => onChange('themeId', event.target.value)}>
            <option value="">{t('signals.fields.noTheme')}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.label}
              </option>
            ))}
          </select>
        </div>
      )}

      <fieldset className="fieldset">
        <legend className="field__label">{t('signals.fields.category')}</legend>
        <div className="steep-picker">
          {CATEGORY_CHOICES.map((category) => (
            <label key={category || 'none'} className={`steep-picker__option${category ? ` tag tag--${category}` : ' tag steep-picker__none'}`}>
              <input
                type="radio"
                className="steep-picker__input"
                name={id('category')}
                value={category}
                checked={values.category === category}
                onChange={() => onChange('category', category)}
              />
              {category ? t(`steep.${category}`) : t('signals.fields.noCategory')}
            </label>
          ))}
        </div>
      </fieldset>

      {multiline('whyItMatters', t('signals.fields.why'), t('signals.fields.whyPlaceholder'), 2)}
    </>
  )
}
