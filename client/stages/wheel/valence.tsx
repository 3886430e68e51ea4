import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Valence } from '../../../shared/schema/index.ts'

/**
 * Positive, negative, mixed or not marked yet. Each has a colour from the Okabe–Ito palette
 * (blue, vermillion, reddish purple: told apart with the common colour-vision deficiencies), a
 * glyph (+ − ± ?) and a word; the glyph and the word carry the meaning, the colour helps.
 */
export const VALENCE_CHOICES: readonly Valence[] = ['positive', 'negative', 'mixed', '']

/** CSS modifier and i18n key part: `''` is "none". */
export const valenceKey = (valence: Valence) => valence || 'none'

export const VALENCE_GLYPH: Record<string, string> = { positive: '+', negative: '−', mixed: '±', none: '?' }

/** The glyph in its coloured disc and the word: "＋ Positive". `compact` drops the word visually. */
export function ValenceMark({ valence, compact = false }: { valence: Valence; compact?: boolean }) {
  const { t } = useTranslation()
  const key = valenceKey(valence)
  return (
    <span className={`valence valence--${key}${compact ? ' valence--compact' : ''}`}>
      <span className="valence__glyph" aria-hidden="true">
        {VALENCE_GLYPH[key]}
      </span>
      <span className={compact ? 'visually-hidden' : 'valence__word'}>{t(`wheel.valence.${key}`)}</span>
    </span>
  )
}

/** A radio group for the valence: arrow keys move between the four choices, as radios do. */
export function ValencePicker({ value, onChange, disabled }: { value: Valence; onChange(valence: Valence): void; disabled?: boolean }) {
  const { t } = useTranslation()
  const name = useId()
  return (
    <fieldset className="valence-picker" disabled={disabled}>
      <legend className="valence-picker__legend">{t('wheel.valence.question')}</legend>
      <div className="valence-picker__options">
        {VALENCE_CHOICES.map((choice) => {
          const key = valenceKey(choice)
          return (
            <label key={key} className={`valence-option ui-pill valence-option--${key}`}>
              <input type="radio" name={name} value={key} checked={value === choice} onChange={() => onChange(choice)} />
              <span className="valence-option__glyph" aria-hidden="true">
                {VALENCE_GLYPH[key]}
              </span>
              <span>{t(`wheel.valence.${key}`)}</span>
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}
