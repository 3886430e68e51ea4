import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ExportCapabilities } from '../../../../shared/api.ts'
import type { ExportFormat } from '../../../../shared/export/formats.ts'
import { useStore } from '../../../state/store.ts'
import { saveFile } from '../../../ui/saveFile.ts'
import { fetchCapabilities, fetchExport, ResultsRequestError, type Credentials } from './resultsApi.ts'

/** This tab's workshop and key, or null outside a workshop. */
export function useCredentials(): Credentials | null {
  const workshopId = useStore((s) => s.session?.workshopId ?? null)
  const key = useStore((s) => s.session?.key ?? null)
  return useMemo(() => (workshopId && key ? { workshopId, key } : null), [workshopId, key])
}

let capabilities: Promise<ExportCapabilities> | null = null

/** What the server can make (asked once per page; `null` while asking). A failed ask offers no PDF. */
export function useExportCapabilities(): ExportCapabilities | null {
  const [value, setValue] = useState<ExportCapabilities | null>(null)
  useEffect(() => {
    let live = true
    capabilities ??= fetchCapabilities().catch(() => {
      capabilities = null
      return { pdf: false, maxImportBytes: 20 * 1024 * 1024 }
    })
    void capabilities.then((answer) => live && setValue(answer))
    return () => {
      live = false
    }
  }, [])
  return value
}

export type DownloadProblem = 'forbidden' | 'network' | 'busy' | 'failed'

/**
 * Downloads one export at a time: which format is being prepared (a PDF takes a moment) and
 * what went wrong, in a word the component turns into a sentence.
 */
export function useDownload() {
  const credentials = useCredentials()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [problem, setProblem] = useState<DownloadProblem | null>(null)
  // One download at a time. The buttons stay enabled meanwhile (aria-disabled): disabling the one
  // just pressed would drop the keyboard's focus to the page.
  const inFlight = useRef(false)
  const download = useCallback(
    async (format: ExportFormat) => {
      if (!credentials || inFlight.current) return
      inFlight.current = true
      setBusy(format)
      setProblem(null)
      try {
        saveFile(await fetchExport(credentials, format))
      } catch (error) {
        setProblem(downloadProblem(error))
      } finally {
        inFlight.current = false
        setBusy(null)
      }
    },
    [credentials],
  )
  return { busy, problem, download, ready: credentials !== null }
}

function downloadProblem(error: unknown): DownloadProblem {
  if (!(error instanceof ResultsRequestError)) return 'failed'
  if (error.status === 0) return 'network'
  if (error.status === 401 || error.status === 403) return 'forbidden'
  // Busy, not broken: the server said when to come back (its export queue was full).
  return (error.status === 503 || error.status === 429) && error.retryLater ? 'busy' : 'failed'
}
