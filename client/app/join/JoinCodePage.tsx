import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { JOIN_CODE_LENGTH, formatJoinCode, normaliseJoinCode } from '../../../shared/joinCode.ts'
import { SiteHeader } from '../common/SiteHeader.tsx'
import { SkipLink } from '../common/SkipLink.tsx'
import { useDocumentTitle } from '../common/useDocumentTitle.ts'
import { Field } from '../home/Field.tsx'
import { useJoinByCode } from './useJoinByCode.ts'
import './join.css'

/**
 * `/join`: where people who cannot scan the QR code type the code the projector shows. One
 * field, big enough for a thumb; a code in the address (`/join/K7F-3QX` or `/join#K7F-3QX`, the
 * QR code's form) is filled in and tried at once.
 */
export function JoinCodePage({ code }: { code: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [given] = useState(() => code || decodeFragment(window.location.hash))
  const [value, setValue] = useState(given)
  const join = useJoinByCode()
  const input = useRef<HTMLInputElement>(null)
  useDocumentTitle(t('joinCode.documentTitle'))

  useEffect(() => {
    if (normaliseJoinCode(given)) void join.submit(given)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- Only the code the page was opened with.
  }, [])

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!(await join.submit(value))) input.current?.focus()
  }

  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="page page--narrow join-code-page">
        <form className="panel join-code" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`} className="panel__title join-code__title">
            {t('joinCode.title')}
          </h1>
          <p className="panel__lead">{t('joinCode.lead')}</p>
          <Field id={`${id}-code`} label={t('joinCode.label')} error={join.error ?? undefined}>
            {(props) => (
              <input
                {...props}
                ref={input}
                className="input join-code__input"
                type="text"
                inputMode="text"
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                enterKeyHint="go"
                maxLength={JOIN_CODE_LENGTH + 4}
                placeholder={t('joinCode.placeholder')}
                value={value}
                onChange={(event) => {
                  setValue(event.target.value)
                  join.clearError()
                }}
                onBlur={() => {
                  const code = normaliseJoinCode(value)
                  if (code) setValue(formatJoinCode(code))
                }}
              />
            )}
          </Field>
          <button type="submit" className="button button--primary join-code__submit" disabled={join.busy}>
            {join.busy ? t('joinCode.joining') : t('joinCode.submit')}
          </button>
        </form>
        <p className="privacy-note">{t('joinCode.privacy')}</p>
      </main>
    </>
  )
}

function decodeFragment(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''))
  } catch {
    return ''
  }
}
