import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { setShowJoinPanel } from '../../../../shared/doc/index.ts'
import { QrCode } from '../../../screen/QrCode.tsx'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { Switch, useAnnounce } from '../../../ui/index.ts'
import { useWorkshopLinks } from './useWorkshopLinks.ts'

/**
 * Inviting the room: the participant link (copy, or the phone's share sheet), its QR code, the
 * link for the projector, whether the screen shows the join code, and one plain line on privacy.
 */
export function SharePanel() {
  const { t } = useTranslation()
  const { links, retry } = useWorkshopLinks()
  const { control } = useWorkshopDocs()
  const showJoin = useStore((s) => s.control?.showJoinPanel === true)

  if (links.kind !== 'ready') {
    return links.kind === 'loading' ? (
      <p className="console__note">{t('console.share.loading')}</p>
    ) : (
      <div className="share__failed">
        <p className="console__note">{t('console.share.failed')}</p>
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('console.share.retry')}
        </button>
      </div>
    )
  }

  return (
    <div className="share">
      <div className="share__links">
        <LinkField label={t('console.share.participantLink')} hint={t('console.share.participantHint')} link={links.participant} share />
        <LinkField label={t('console.share.screenLink')} hint={t('console.share.screenHint')} link={links.screen} open />
        <Switch
          checked={showJoin}
          disabled={!control}
          onChange={(next) => control && setShowJoinPanel(control, next)}
          label={t('console.share.joinPanel')}
          hint={t('console.share.joinPanelHint')}
        />
        <p className="privacy-note share__privacy">{t('console.share.privacy')}</p>
      </div>
      <figure className="share__qr">
        <QrCode value={links.participant} label={t('console.share.qrLabel')} />
        <figcaption className="share__qr-caption">{t('console.share.qrCaption')}</figcaption>
      </figure>
    </div>
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
        <input id={id} className="input link-field__input" readOnly value={link} aria-describedby={`${id}-hint`} onFocus={(event) => event.currentTarget.select()} />
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
