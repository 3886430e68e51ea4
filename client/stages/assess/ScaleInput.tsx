import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatScale, fromScale10, parseScaleInput, toScale10 } from './gridMath.ts'

interface ScaleInputProps {
  label: string
  /** Stored value 0..1, or `null` while the trend is not on the grid. */
  value: number | null
  readOnly: boolean
  /** A value to store; `null` takes the trend off the grid again (an entry left invalid, begun off it). */
  onCommit(value: number | null): void
}

/**
 * A 0–10 box for one axis. A text input with a decimal keypad rather than `type="number"`, which
 * mishandles the Finnish decimal comma in some browsers. Each valid entry moves the marker at
 * once; arrow keys step half a point; an invalid entry is pointed out and never written. Left
 * invalid, the box puts the marker back where it was before the typing began, and says so: the
 * valid start of a typo ("1" of "11", "8" of "85") had moved it, and stayed, at the other end of
 * the scale from what was meant.
 */
export function ScaleInput({ label, value, readOnly, onCommit }: ScaleInputProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  // While someone types, their text is shown; otherwise the stored value (which a drag may change).
  const [draft, setDraft] = useState<string | null>(null)
  /** The stored value when this typing began: where an entry left invalid puts the marker back. */
  const before = useRef<number | null>(null)
  /** The entry left invalid, said under the box until the next typing. */
  const [reverted, setReverted] = useState<string | null>(null)
  const stored = value === null ? '' : formatScale(value, i18n.language)
  const text = draft ?? stored
  const invalid = draft !== null && draft.trim() !== '' && parseScaleInput(draft) === null

  const change = (next: string) => {
    if (draft === null) before.current = value
    setDraft(next)
    setReverted(null)
    const points = parseScaleInput(next)
    if (points !== null) onCommit(fromScale10(points))
  }

  const leave = () => {
    if (invalid) {
      onCommit(before.current)
      setReverted(draft)
    } else if (draft !== null && draft.trim() === '') {
      // Emptied: what was typed and taken back had moved the marker ("1", then deleted); it goes back.
      onCommit(before.current)
    }
    setDraft(null)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    event.preventDefault()
    const current = parseScaleInput(text) ?? (value === null ? 5 : toScale10(value))
    const next = Math.min(10, Math.max(0, current + (event.key === 'ArrowUp' ? 0.5 : -0.5)))
    setDraft(null)
    setReverted(null)
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
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}${reverted !== null ? ` ${id}-reverted` : ''}`}
        onChange={(event) => change(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={leave}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t('assess.scale.hint')}
      </span>
      {invalid && (
        <span id={`${id}-error`} className="assess-scale__error" role="alert">
          {t('assess.scale.invalid')}
        </span>
      )}
      {reverted !== null && (
        <span id={`${id}-reverted`} className="assess-scale__error" role="status">
          {t(before.current === null ? 'assess.scale.revertedOff' : 'assess.scale.reverted', { typed: reverted.trim() })}
        </span>
      )}
    </div>
  )
}
