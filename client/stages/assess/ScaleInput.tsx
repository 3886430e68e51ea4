import { useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatScale, fromScale10, parseScaleInput, toScale10 } from './gridMath.ts'

interface ScaleInputProps {
  label: string
  /** Stored value 0..1, or `null` while the trend is not on the grid. */
  value: number | null
  readOnly: boolean
  onCommit(value: number): void
}

/**
 * A 0–10 box for one axis. A text input with a decimal keypad rather than `type="number"`, which
 * mishandles the Finnish decimal comma in some browsers. Each valid entry moves the marker at
 * once; arrow keys step half a point; an invalid entry is pointed out and never written.
 */
export function ScaleInput({ label, value, readOnly, onCommit }: ScaleInputProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  // While someone types, their text is shown; otherwise the stored value (which a drag may change).
  const [draft, setDraft] = useState<string | null>(null)
  const stored = value === null ? '' : formatScale(value, i18n.language)
  const text = draft ?? stored
  const invalid = draft !== null && draft.trim() !== '' && parseScaleInput(draft) === null

  const change = (next: string) => {
    setDraft(next)
    const points = parseScaleInput(next)
    if (points !== null) onCommit(fromScale10(points))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    event.preventDefault()
    const current = parseScaleInput(text) ?? (value === null ? 5 : toScale10(value))
    const next = Math.min(10, Math.max(0, current + (event.key === 'ArrowUp' ? 0.5 : -0.5)))
    setDraft(null)
    onCommit(fromScale10(next))
  }

  return (
    <div className="assess-scale">
      <label className="assess-scale__label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="input assess-scale__input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        readOnly={readOnly}
        value={text}
        placeholder={t('assess.scale.placeholder')}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        onChange={(event) => change(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setDraft(null)}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t('assess.scale.hint')}
      </span>
      {invalid && (
        <span id={`${id}-error`} className="assess-scale__error" role="alert">
          {t('assess.scale.invalid')}
        </span>
      )}
    </div>
  )
}
