import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../routing.ts'
import { Field } from './Field.tsx'
import { joinTarget } from './joinTarget.ts'

export function JoinForm() {
  const { t } = useTranslation()
  const id = useId()
  const [value, setValue] = useState('')
  const [error, setError] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const target = joinTarget(value, window.location.origin)
    if (!target || !navigate(target)) {
      setError(true)
      document.getElementById(`${id}-link`)?.focus()
    }
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('join.heading')}
      </h2>
      <p className="panel__lead">{t('join.lead')}</p>
      <Field id={`${id}-link`} label={t('join.label')} error={error && t('join.error')}>
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
              setError(false)
            }}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--secondary">
          {t('join.submit')}
        </button>
      </div>
    </form>
  )
}
