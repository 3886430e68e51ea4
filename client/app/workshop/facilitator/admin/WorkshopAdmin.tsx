import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../../../state/store.ts'
import { InlineConfirm, useAnnounce } from '../../../../ui/index.ts'
import { deleteWorkshop, renewBoard, rotateParticipantKey, type BoardRenewal } from './adminApi.ts'
import './admin.css'

type Status = 'idle' | 'working' | 'rotated' | 'renewed' | 'failed'

/**
 * "Link and data": what a facilitator does when the participant link reached the wrong people
 * (replace it: everyone on the old link is disconnected), when the board is weighed down by the
 * traces of what was deleted (start it afresh), or when the workshop is over for good (delete it
 * with everything in it). Each asks once in place before acting.
 */
export function WorkshopAdmin() {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const session = useStore((s) => s.session)
  const [status, setStatus] = useState<Status>('idle')
  const [renewal, setRenewal] = useState<BoardRenewal | null>(null)
  if (session?.role !== 'facilitator') return null
  const { workshopId, key } = session

  const rotate = async () => {
    setStatus('working')
    try {
      await rotateParticipantKey(workshopId, key)
      setStatus('rotated')
      announce(t('admin.rotate.done'))
    } catch {
      setStatus('failed')
    }
  }
  const renew = async () => {
    setStatus('working')
    try {
      const done = await renewBoard(workshopId, key)
      setRenewal(done)
      setStatus('renewed')
      announce(renewedText(done))
    } catch {
      setStatus('failed')
    }
  }
  const renewedText = ({ bytesBefore, bytesAfter }: BoardRenewal) => {
    const before = Math.ceil(bytesBefore / 1000)
    const after = Math.ceil(bytesAfter / 1000)
    // "27 → 27 kB" read as if nothing had happened, and "453 kB before, 455 kB now" as if dropping
    // traces had grown it (people kept writing meanwhile): then it is the size alone.
    return t(after >= before ? 'admin.renew.doneSame' : 'admin.renew.done', { before, after })
  }
  const remove = async () => {
    setStatus('working')
    try {
      await deleteWorkshop(workshopId, key)
      window.location.assign('/')
    } catch {
      setStatus('failed')
    }
  }

  return (
    <div className="admin">
      <AdminAction name="rotate" busy={status === 'working'} onConfirm={() => void rotate()} done={status === 'rotated' ? t('admin.rotate.done') : null} />
      <AdminAction
        name="renew"
        busy={status === 'working'}
        onConfirm={() => void renew()}
        done={status === 'renewed' && renewal ? renewedText(renewal) : null}
      />
      <AdminAction name="delete" busy={status === 'working'} onConfirm={() => void remove()} buttonClass="button--ghost admin__delete" />
      {status === 'failed' && (
        <p className="admin__failed" role="alert">
          {t('admin.failed')}
        </p>
      )}
    </div>
  )
}

interface AdminActionProps {
  /** Its strings live under `admin.<name>`: hint, button, question, confirm. */
  name: 'rotate' | 'renew' | 'delete'
  busy: boolean
  onConfirm(): void
  /** What it did, once done. */
  done?: string | null
  buttonClass?: string
}

/** One action of the panel: what it is for, its button, and the question it asks once in place. */
function AdminAction({ name, busy, onConfirm, done = null, buttonClass = 'button--secondary' }: AdminActionProps) {
  const { t } = useTranslation()
  return (
    <div className="admin__item ui-stack">
      <p className="console__note">{t(`admin.${name}.hint`)}</p>
      <InlineConfirm
        question={t(`admin.${name}.question`)}
        confirmLabel={t(`admin.${name}.confirm`)}
        cancelLabel={t('admin.keep')}
        onConfirm={onConfirm}
        trigger={(open, ref) => (
          <button ref={ref} type="button" className={`button ${buttonClass}`} disabled={busy} onClick={open}>
            {t(`admin.${name}.button`)}
          </button>
        )}
      />
      {done && <p className="admin__done">{done}</p>}
    </div>
  )
}
