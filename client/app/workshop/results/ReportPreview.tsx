import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../../ui/index.ts'
import { fetchExport } from './resultsApi.ts'
import { useCredentials } from './useResults.ts'

type Preview = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; html: string; url: string }

/**
 * The HTML report inside the app, exactly as it will be sent: the server's own export, shown in
 * a sandboxed frame (no scripts, its own strict policy), with a way to open it in a tab to print.
 * Esc closes it from inside the report too.
 */
export function ReportPreview({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const credentials = useCredentials()
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' })

  useEffect(() => {
    if (!open || !credentials) return
    let live = true
    let url: string | null = null
    setPreview({ kind: 'loading' })
    fetchExport(credentials, 'html')
      .then(async ({ blob }) => {
        const html = await blob.text()
        url = URL.createObjectURL(blob)
        if (live) setPreview({ kind: 'ready', html, url })
      })
      .catch(() => live && setPreview({ kind: 'failed' }))
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [open, credentials])

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('results.preview.title')}
      description={t('results.preview.description')}
      size="large"
      className="report-preview"
    >
      {preview.kind === 'loading' && (
        <p className="results-note" role="status">
          {t('results.preview.loading')}
        </p>
      )}
      {preview.kind === 'failed' && (
        <p className="callout callout--error" role="alert">
          {t('results.preview.failed')}
        </p>
      )}
      {preview.kind === 'ready' && (
        <>
          <iframe
            className="report-preview__frame"
            title={t('results.preview.frame')}
            // Still no scripts. Same origin only so that Esc pressed inside the report (on one of
            // its contents' links) reaches us: a frame's own keys never reach the page around it.
            sandbox="allow-same-origin"
            srcDoc={preview.html}
            onLoad={(event) =>
              event.currentTarget.contentDocument?.addEventListener('keydown', (key) => {
                if (key.key === 'Escape') onClose()
              })
            }
          />
          <p className="report-preview__actions">
            <a className="button button--secondary" href={preview.url} target="_blank" rel="noopener">
              {t('results.preview.newTab')}
            </a>
            <span className="results-note">{t('results.preview.printHint')}</span>
          </p>
        </>
      )}
    </Dialog>
  )
}
