import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setAllowParticipantExport, setLocked, setScreenShow } from '../../../../shared/doc/index.ts'
import type { ExportFormat } from '../../../../shared/export/formats.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { Switch } from '../../../ui/Switch.tsx'
import { DownloadProblemNote } from './DownloadProblemNote.tsx'
import { ReportPreview } from './ReportPreview.tsx'
import { useDownload, useExportCapabilities } from './useResults.ts'
import './results.css'

/**
 * The end of the workshop, at the last stage: one place with the steps in order — lock the
 * board (optional), look at the report, take it home, let everyone take it home, and put its
 * title page on the projector.
 */
export function FinishWorkshop() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const locked = useStore((s) => s.control?.locked === true)
  const shared = useStore((s) => s.control?.allowParticipantExport === true)
  const onScreen = useStore((s) => s.control?.screenShow?.kind === 'report')
  const [previewing, setPreviewing] = useState(false)
  const { busy, problem, download, ready } = useDownload()
  const capabilities = useExportCapabilities()
  const formats: ExportFormat[] = capabilities?.pdf ? ['pdf', 'html', 'md'] : ['html', 'md']

  return (
    // Headed by the console panel it opens in ("Finish the workshop", with its Close button).
    <div className="finish">
      <p className="finish__lead">{t('results.finish.lead')}</p>
      <ol className="finish__steps ui-stack ui-list">
        <li className="finish__step">
          <Switch
            checked={locked}
            disabled={!control}
            onChange={(next) => control && setLocked(control, next)}
            label={t('results.finish.lock')}
            hint={t('results.finish.lockHint')}
          />
        </li>
        <li className="finish__step finish__step--row">
          <button type="button" className="button button--secondary" onClick={() => setPreviewing(true)} disabled={!ready}>
            {t('results.export.preview')}
          </button>
          {formats.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--primary"
              onClick={() => void download(format)}
              disabled={!ready}
              aria-disabled={busy !== null}
              aria-busy={busy === format}
            >
              {busy === format ? t('results.export.preparing') : t(`results.finish.download.${format}`)}
            </button>
          ))}
          {capabilities && !capabilities.pdf && <p className="results-note">{t('results.format.pdf.unavailable')}</p>}
        </li>
        <li className="finish__step">
          <Switch
            checked={shared}
            disabled={!control}
            onChange={(next) => control && setAllowParticipantExport(control, next)}
            label={t('results.finish.share')}
            hint={t('results.finish.shareHint')}
          />
        </li>
        <li className="finish__step">
          <Switch
            checked={onScreen}
            disabled={!control}
            onChange={(next) => control && setScreenShow(control, next ? { kind: 'report', snapshotId: null, trendId: null } : null)}
            label={t('results.finish.screen')}
            hint={t('results.finish.screenHint')}
          />
        </li>
      </ol>
      <DownloadProblemNote problem={problem} />
      <ReportPreview open={previewing} onClose={() => setPreviewing(false)} />
    </div>
  )
}
