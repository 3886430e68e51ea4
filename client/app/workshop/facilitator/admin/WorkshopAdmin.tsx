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
  const renewedText = ({ bytesBefore, bytesAfter }: BoardRenewal) =>
    t('admin.renew.done', { before: Math.ceil(bytesBefore / 1000), after: Math.ceil(bytesAfter / 1000) })
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
      <div className="admin__item ui-stack">
        <p className="console__note">{t('admin.rotate.hint')}</p>
        <InlineConfirm
          question={t('admin.rotate.question')}
          confirmLabel={t('admin.rotate.confirm')}
          cancelLabel={t('admin.keep')}
          onConfirm={() => void rotate()}
          trigger={(open, ref) => (
            <button ref={ref} type="button" className="button button--secondary" disabled={status === 'working'} onClick={open}>
              {t('admin.rotate.button')}
            </button>
          )}
        />
        {status === 'rotated' && <p className="admin__done">{t('admin.rotate.done')}</p>}
      </div>
      <div className="admin__item ui-stack">
        <p className="console__note">{t('admin.renew.hint')}</p>
        <InlineConfirm
          question={t('admin.renew.question')}
          confirmLabel={t('admin.renew.confirm')}
          cancelLabel={t('admin.keep')}
          onConfirm={() => void renew()}
          trigger={(open, ref) => (
            <button ref={ref} type="button" className="button button--secondary" disabled={status === 'working'} onClick={open}>
              {t('admin.renew.button')}
            </button>
          )}
        />
        {status === 'renewed' && renewal && <p className="admin__done">{renewedText(renewal)}</p>}
      </div>
      <div className="admin__item ui-stack">
        <p className="console__note">{t('admin.delete.hint')}</p>
        <InlineConfirm
          question={t('admin.delete.question')}
          confirmLabel={t('admin.delete.confirm')}
          cancelLabel={t('admin.keep')}
          onConfirm={() => void remove()}
          trigger={(open, ref) => (
            <button ref={ref} type="button" className="button button--ghost admin__delete" disabled={status === 'working'} onClick={open}>
              {t('admin.delete.button')}
            </button>
          )}
        />
      </div>
      {status === 'failed' && (
        <p className="admin__failed" role="alert">
          {t('admin.failed')}
        </p>
      )}
    </div>
  )
}
