import { useTranslation } from 'react-i18next'
import type { DownloadProblem } from './useResults.ts'

/** Why the last download failed, in words, where the person is looking. */
export function DownloadProblemNote({ problem }: { problem: DownloadProblem | null }) {
  const { t } = useTranslation()
  if (!problem) return null
  return (
    <p className="callout callout--error results-problem" role="alert">
      {t(`results.download.${problem}`)}
    </p>
  )
}
