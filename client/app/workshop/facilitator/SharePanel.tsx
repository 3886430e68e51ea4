import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatJoinCode } from '../../../../shared/joinCode.ts'
import { QrCode } from '../../../screen/QrCode.tsx'
import { InlineConfirm, useAnnounce } from '../../../ui/index.ts'
import { isLoopbackOrigin, joinAddress, joinCodeLink, useWorkshopJoinCode } from '../../join/useWorkshopJoinCode.ts'
import { useWorkshopLinks } from './useWorkshopLinks.ts'

/**
 * "Invite": the join code people type at the short address (and a new code when the old one went
 * too far), its QR code, the participant link to send, the link for the projector, and one plain
 * line on privacy.
 */
export function SharePanel() {
  const { t } = useTranslation()
  const { links, retry } = useWorkshopLinks()
  const join = useWorkshopJoinCode()
  const origin = window.location.origin

  return (
    <div className="share">
      <div className="share__links ui-stack">
        <JoinCodeBlock join={join} />
        {isLoopbackOrigin(origin) && <p className="share__warning">{t('console.share.loopback')}</p>}
        {links.kind === 'ready' ? (
          <>
            <LinkField label={t('console.share.participantLink')} hint={t('console.share.participantHint')} link={links.participant} share />
            <LinkField label={t('console.share.screenLink')} hint={t('console.share.screenHint')} link={links.screen} open />
          </>
        ) : links.kind === 'loading' ? (
          <p className="console__note">{t('console.share.loading')}</p>
        ) : (
          <div className="share__failed">
            <p className="console__note">{t('console.share.failed')}</p>
            <button type="button" className="button button--secondary" onClick={retry}>
              {t('console.share.retry')}
            </button>
          </div>
        )}
        <p className="privacy-note share__privacy">{t('console.share.privacy')}</p>
      </div>
      {join.state.kind === 'ready' && (
        <figure className="share__qr ui-stack">
          <QrCode value={joinCodeLink(origin, join.state.code)} label={t('console.share.qrLabel')} />
          <figcaption className="share__qr-caption">{t('console.share.qrCaption')}</figcaption>
        </figure>
      )}
    </div>
  )
}

function JoinCodeBlock({ join: { state, reissue } }: { join: ReturnType<typeof useWorkshopJoinCode> }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const address = joinAddress(window.location.origin)
  if (state.kind !== 'ready') return <p className="console__note">{t(state.kind === 'loading' ? 'console.share.loading' : 'console.share.codeFailed')}</p>
  return (
    <section className="join-code-block" aria-label={t('console.share.codeLabel')}>
      <p className="join-code-block__how">{t('console.share.codeHow', { address })}</p>
      <p className="join-code-block__code" data-join-code>
        {formatJoinCode(state.code)}
      </p>
      <InlineConfirm
        question={t('console.share.newCodeQuestion')}
        confirmLabel={t('console.share.newCodeYes')}
        cancelLabel={t('console.share.newCodeKeep')}
        onConfirm={() => void reissue().then((ok) => announce(t(ok ? 'console.share.newCodeDone' : 'console.share.newCodeFailed')))}
        trigger={(open, ref) => (
          <button ref={ref} type="button" className="button button--ghost join-code-block__new" onClick={open}>
            {t('console.share.newCode')}
          </button>
        )}
      />
    </section>
  )
}

interface LinkFieldProps {
  label: string
  hint: string
  link: string
  /** Offer the system share sheet where there is one (phones, some laptops). */
  share?: boolean
  /** Offer to open the link in a new tab (the projector view). */
  open?: boolean
}

function LinkField({ label, hint, link, share, open }: LinkFieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const announce = useAnnounce()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      announce(t('console.share.copied'))
    } catch {
      // No clipboard (plain http on a LAN address): select the text so Ctrl+C does it.
      const input = document.getElementById(id) as HTMLInputElement | null
      input?.focus()
      input?.select()
      announce(t('console.share.copyByHand'))
    }
  }
  const canShare = share && typeof navigator !== 'undefined' && typeof navigator.share === 'function'
  return (
    <div className="link-field">
      <label className="link-field__label" htmlFor={id}>
        {label}
      </label>
      <p id={`${id}-hint`} className="link-field__hint">
        {hint}
      </p>
      <div className="link-field__row">
        <input
          id={id}
          className="input link-field__input"
          readOnly
          value={link}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('console.share.copy')}
          <span className="visually-hidden">{`: ${label}`}</span>
        </button>
        {canShare && (
          <button type="button" className="button button--ghost" onClick={() => void navigator.share({ url: link }).catch(() => {})}>
            {t('console.share.share')}
          </button>
        )}
        {open && (
          <a className="button button--ghost" href={link} target="_blank" rel="noopener noreferrer">
            {t('console.share.open')}
            <span aria-hidden="true">{' ↗'}</span>
          </a>
        )}
      </div>
    </div>
  )
}
