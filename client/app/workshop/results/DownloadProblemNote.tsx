import { useTranslation } from 'react-i18next'
import type { DownloadProblem } from './useResults.ts'

/**
 * Why the last download did not come, in words, where the person is looking. A busy server is
 * no failure: it is said calmly (a warning, announced politely) and only the rest as errors.
 */
export function DownloadProblemNote({ problem }: { problem: DownloadProblem | null }) {
  const { t } = useTranslation()
  if (!problem) return null
  const busy = problem === 'busy'
  return (
    <p className={`callout ${busy ? 'callout--warning' : 'callout--error'} results-problem`} role={busy ? 'status' : 'alert'}>
      {t(`results.download.${problem}`)}
    </p>
  )
}
