import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../../../state/store.ts'
import { InlineConfirm, useAnnounce } from '../../../../ui/index.ts'
import { deleteWorkshop, rotateParticipantKey } from './adminApi.ts'
import './admin.css'

type Status = 'idle' | 'working' | 'rotated' | 'failed'

/**
 * "Link and data": what a facilitator does when the participant link reached the wrong people
 * (replace it: everyone on the old link is disconnected) or when the workshop is over for good
 * (delete it with everything in it). Both ask once in place before acting.
 */
export function WorkshopAdmin() {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const session = useStore((s) => s.session)
  const [status, setStatus] = useState<Status>('idle')
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
