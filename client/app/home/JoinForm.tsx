import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { normaliseJoinCode } from '../../../shared/joinCode.ts'
import { useJoinByCode } from '../join/useJoinByCode.ts'
import { navigate } from '../routing.ts'
import { Field } from './Field.tsx'
import { joinTarget } from './joinTarget.ts'

/**
 * "Join a workshop": the short code from the projector (asked of the server), or a whole link
 * pasted from a message.
 */
export function JoinForm() {
  const { t } = useTranslation()
  const id = useId()
  const [value, setValue] = useState('')
  const [linkError, setLinkError] = useState(false)
  const join = useJoinByCode()
  const focusField = () => document.getElementById(`${id}-link`)?.focus()

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (normaliseJoinCode(value)) {
      if (!(await join.submit(value))) focusField()
      return
    }
    const target = joinTarget(value, window.location.origin)
    if (!target || !navigate(target)) {
      setLinkError(true)
      focusField()
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('join.heading')}
      </h2>
      <p className="panel__lead">{t('join.lead')}</p>
      <Field id={`${id}-link`} label={t('join.label')} error={join.error ?? (linkError && t('join.error'))}>
        {(props) => (
          <input
            {...props}
            className="input"
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder={t('join.placeholder')}
            value={value}
            onChange={(event) => {
              setValue(event.target.value)
              setLinkError(false)
              join.clearError()
            }}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={join.busy}>
          {t('join.submit')}
        </button>
      </div>
    </form>
  )
}
