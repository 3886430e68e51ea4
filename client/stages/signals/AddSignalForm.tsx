import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Theme } from '../../../shared/schema/meta.ts'
import { lengthField, useAnnounce } from '../../ui/index.ts'
import { SignalFields } from './SignalFields.tsx'
import { SimilarHint } from './similar/SimilarHint.tsx'
import { EMPTY_SIGNAL_FORM, LIMITS } from './signalForm.ts'
import { useSignalForm } from './useSignalForm.ts'
import { hasDetails, keepUnsentSignal, loadUnsentSignal } from './unsentSignal.ts'
import { useContextStore, useDraftOwner } from '../../state/storeContext.ts'
import type { SignalCommands } from './useSignalCommands.ts'
import './addSignal.css'

interface AddSignalFormProps {
  commands: SignalCommands
  themes: readonly Theme[]
  /** Whether a card is still on the wall or among this person's private cards. */
  isOnBoard(signalId: string): boolean
}

/**
 * Quick to add on a phone: the title first, Enter adds the card, and the form stays open for the
 * next one. Everything else is optional, one tap away under "More details" (and stays open once
 * someone uses it). The theme stays chosen between cards: people tend to add several in a row.
 */
export function AddSignalForm({ commands, themes, isOnBoard }: AddSignalFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const announce = useAnnounce()
  const titleRef = useRef<HTMLInputElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const owner = useDraftOwner()
  // What this person was writing when the stage moved on or the page reloaded, back in the form.
  const [unsent] = useState(() => (owner ? loadUnsentSignal(owner, new Set(themes.map((theme) => theme.id))) : null))
  const { values, errors, change, check, reset } = useSignalForm(unsent ?? EMPTY_SIGNAL_FORM)
  const [detailsOpen, setDetailsOpen] = useState(() => unsent !== null && hasDetails(unsent))
  useEffect(() => {
    if (owner) keepUnsentSignal(owner, values)
  }, [owner, values])
  const [lastAdded, setLastAdded] = useState<{ id: string; title: string; private: boolean } | null>(null)
  // "Added to the wall" while offline claimed what the room could not see yet: it says so until it can.
  const connected = useContextStore((s) => s.connection.board.status === 'connected')
  const keptTheme = themes.find((theme) => theme.id === values.themeId) ?? null
  const title = lengthField(values.title, LIMITS.title, {
    id: `${id}-title`,
    label: t('signals.fields.title'),
    error: errors.title,
    errorId: `${id}-title-error`,
    after: [`${id}-title-hint`],
    overAdvice: t('signals.limit.titleAdvice'),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = check()
    if (!result.ok) {
      // A problem in a hidden field must be visible to be fixed.
      if (result.errors.title === undefined) setDetailsOpen(true)
      requestAnimationFrame(() => document.getElementById(`${id}-${result.firstInvalid}`)?.focus())
      return
    }
    const added = commands.add(result.input)
    if (added === null) return
    const isPrivate = commands.writesPrivately
    setLastAdded({ id: added, title: result.input.title, private: isPrivate })
    announce(t(addedKey(isPrivate, connected), { title: result.input.title }))
    reset({ ...EMPTY_SIGNAL_FORM, themeId: values.themeId })
    titleRef.current?.focus()
  }

  const merged = (into: string) => {
    announce(t('signalSimilar.merged', { title: into }))
    reset({ ...EMPTY_SIGNAL_FORM, themeId: values.themeId })
    titleRef.current?.focus()
  }

  const submitButton = (
    <button type="submit" className="button button--primary add-signal__submit">
      {t('signals.add.submit')}
    </button>
  )

  return (
    <section className="add-signal ui-frame" aria-labelledby={`${id}-heading`}>
      <form ref={formRef} className="add-signal__form" onSubmit={submit} noValidate>
        <div className="add-signal__header">
          <h2 id={`${id}-heading`} className="add-signal__heading">
            {t('signals.add.heading')}
          </h2>
          {commands.writesPrivately && <span className="badge private-badge">{t('signals.private.badge')}</span>}
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            {t('signals.fields.title')}
          </label>
          <input
            ref={titleRef}
            {...title.props}
            className="input add-signal__title"
            type="text"
            enterKeyHint="done"
            autoComplete="off"
            placeholder={t('signals.fields.titlePlaceholder')}
            aria-required="true"
            value={values.title}
            onChange={(event) => change('title', event.target.value)}
          />
          {title.counter}
          {title.error && (
            <p id={`${id}-title-error`} className="field__error">
              {t(`signals.errors.${title.error}`)}
            </p>
          )}
          <p id={`${id}-title-hint`} className="field__hint">
            {commands.writesPrivately ? t('signals.add.hintPrivate') : t('signals.add.hint')}
          </p>
          <SimilarHint values={values} onMerged={merged} onInvalid={() => formRef.current?.requestSubmit()} />
        </div>

        {/* The theme stays chosen from one card to the next (people add several under one theme):
            said here while the details are closed, or the next fourteen cards carried it unseen. */}
        {/* Said under the title even with the details open: on a phone the theme's own field is
            a screen below, and a quick card after a detailed one took its theme unseen. */}
        {keptTheme && (
          <p className="add-signal__kept">
            <span>{t('signals.add.keptTheme')}</span>
            {/* The theme and its "×" stay together when the line wraps. */}
            <span className="add-signal__kept-theme">
              <span className="tag tag--theme">{keptTheme.label}</span>
              <button
                type="button"
                className="button button--ghost icon-button add-signal__clear"
                aria-label={t('signals.add.clearTheme', { theme: keptTheme.label })}
                onClick={() => {
                  change('themeId', '')
                  // The button goes with the theme: the next thing to do is write the card.
                  titleRef.current?.focus()
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </span>
          </p>
        )}

        {/* Collapsed, "Add card" sits beside the toggle; opened, it moves below the fields it sends. */}
        <div className="add-signal__actions ui-toolbar">
          <button
            type="button"
            className="button button--ghost add-signal__toggle"
            aria-expanded={detailsOpen}
            aria-controls={`${id}-details`}
            onClick={() => setDetailsOpen((open) => !open)}
          >
            <span className="add-signal__chevron" aria-hidden="true" />
            {t('signals.add.details')}
          </button>
          {!detailsOpen && submitButton}
        </div>

        <div id={`${id}-details`} className="add-signal__details" hidden={!detailsOpen}>
          <SignalFields idPrefix={id} values={values} errors={errors} themes={themes} onChange={change} />
          <div className="add-signal__actions ui-toolbar add-signal__actions--end">{detailsOpen && submitButton}</div>
        </div>

        {/* "Added to your private cards" is stale once the round is revealed: the card is on the wall. */}
        {lastAdded && (!lastAdded.private || commands.writesPrivately) && isOnBoard(lastAdded.id) && (
          <p className="add-signal__status form-added">
            <span className="form-added__tick" aria-hidden="true" />
            {t(addedKey(lastAdded.private, connected), { title: lastAdded.title })}
          </p>
        )}
      </form>
    </section>
  )
}

/** What adding a card did: into this person's private cards, onto the wall, or onto this device until the connection is back. */
function addedKey(isPrivate: boolean, connected: boolean): string {
  if (isPrivate) return 'signals.add.addedPrivately'
  return connected ? 'signals.add.added' : 'signals.add.addedOffline'
}
