import { useId, type ReactNode } from 'react'
import './ui.css'

export interface SwitchProps {
  checked: boolean
  onChange(checked: boolean): void
  /** The visible label; it names the switch. */
  label: ReactNode
  /** A short line under the label: what turning it on does. */
  hint?: ReactNode
  disabled?: boolean
  className?: string
}

/**
 * An on/off switch (`role="switch"`), for settings that act at once ("Private writing").
 * The state is said by the role and shown by the knob's position and the track's fill, so it
 * does not rest on colour alone.
 *
 * @example
 * <Switch checked={privateOn} onChange={(on) => setPrivateMode(control, { on })} label={t('console.private')} />
 */
export function Switch({ checked, onChange, label, hint, disabled, className }: SwitchProps) {
  const id = useId()
  return (
    <div className={['ui-switch ui-stack', className].filter(Boolean).join(' ')}>
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="ui-switch__control"
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span className="ui-switch__track" aria-hidden="true">
          <span className="ui-switch__knob" />
        </span>
        <span className="ui-switch__label">{label}</span>
      </button>
      {hint && (
        <p id={`${id}-hint`} className="ui-switch__hint">
          {hint}
        </p>
      )}
    </div>
  )
}
