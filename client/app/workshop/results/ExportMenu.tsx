import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat } from '../../../../shared/export/formats.ts'
import { DownloadProblemNote } from './DownloadProblemNote.tsx'
import { ReportPreview } from './ReportPreview.tsx'
import { useDownload, useExportCapabilities } from './useResults.ts'
import { WheelSvgDownloads } from '../../../stages/wheel/WheelSvgDownloads.tsx'
import './results.css'

/** The facilitator's formats, in the order people want them. */
const FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'md', 'csv', 'json']

/**
 * The facilitator's Export menu, at every stage: preview the report, then each format as a
 * download named after the title and date. Where the server has no Chromium the PDF entry
 * explains how to print the HTML report to PDF instead. Self-contained: it fits a popover.
 */
export function ExportMenu() {
  const { t } = useTranslation()
  const [previewing, setPreviewing] = useState(false)
  const { busy, problem, download, ready } = useDownload()
  const capabilities = useExportCapabilities()

  return (
    <div className="results-panel ui-stack">
      <div className="results-actions">
        <button type="button" className="button button--primary" onClick={() => setPreviewing(true)} disabled={!ready}>
          {t('results.export.preview')}
        </button>
      </div>
      <ul className="results-formats ui-grid-list" aria-label={t('results.export.formatsLabel')}>
        {FORMATS.map((format) =>
          format === 'pdf' && capabilities && !capabilities.pdf ? (
            <li key={format} className="results-format ui-stack results-format--note">
              <span className="results-format__name">{t('results.format.pdf.name')}</span>
              <span className="results-format__hint">{t('results.format.pdf.unavailable')}</span>
            </li>
          ) : (
            <li key={format} className="results-format ui-stack">
              <button
                type="button"
                className="button button--secondary results-format__button"
                onClick={() => void download(format)}
                disabled={!ready || (format === 'pdf' && !capabilities)}
                aria-disabled={busy !== null}
                aria-busy={busy === format}
                aria-describedby={`results-format-${format}`}
              >
                {busy === format ? t('results.export.preparing') : t(`results.format.${format}.name`)}
              </button>
              <span id={`results-format-${format}`} className="results-format__hint">
                {t(`results.format.${format}.hint`)}
              </span>
            </li>
          ),
        )}
      </ul>
      <WheelSvgDownloads />
      <DownloadProblemNote problem={problem} />
      <ReportPreview open={previewing} onClose={() => setPreviewing(false)} />
    </div>
  )
}
