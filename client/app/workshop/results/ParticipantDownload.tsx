import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat } from '../../../../shared/export/formats.ts'
import { mayExportFormat, mayExportNow } from '../../../../shared/permissions.ts'
import { useStore } from '../../../state/store.ts'
import { DownloadProblemNote } from './DownloadProblemNote.tsx'
import { useDownload, useExportCapabilities } from './useResults.ts'
import './results.css'

/**
 * A participant's "take the report home", once the facilitator lets participants download it:
 * the server's own rule (`mayExportNow`), so the buttons show exactly when a download works.
 * Nothing shows before that, a locked board included.
 */
export function ParticipantDownload() {
  const { t } = useTranslation()
  const id = useId()
  const allowed = useStore((s) => mayExportNow('participant', s.control))
  const { busy, problem, download, ready } = useDownload()
  const capabilities = useExportCapabilities()
  if (!allowed) return null
  const offered: ExportFormat[] = capabilities?.pdf ? ['pdf', 'html', 'md'] : ['html', 'md']
  const formats = offered.filter((format) => mayExportFormat('participant', format))
  return (
    <section className="take-home" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="take-home__title">
        {t('results.participant.title')}
      </h2>
      <p className="take-home__lead">{t('results.participant.lead')}</p>
      <div className="take-home__buttons">
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--primary"
            onClick={() => void download(format)}
            disabled={!ready || busy !== null}
            aria-busy={busy === format}
          >
            {busy === format ? t('results.export.preparing') : t(`results.participant.download.${format}`)}
          </button>
        ))}
      </div>
      <DownloadProblemNote problem={problem} />
    </section>
  )
}
