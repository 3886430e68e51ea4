import { useTranslation } from 'react-i18next'
import type { DownloadProblem } from './useResults.ts'

/**
 * Why the last download did not come, in words, where the person is looking, as an alert (it
 * answers their own press, and an alert is announced as it appears). A busy server is no
 * failure: it is shown calmly, as a warning.
 */
export function DownloadProblemNote({ problem }: { problem: DownloadProblem | null }) {
  const { t } = useTranslation()
  if (!problem) return null
  return (
    <p className={`callout ${problem === 'busy' ? 'callout--warning' : 'callout--error'} results-problem`} role="alert">
      {t(`results.download.${problem}`)}
    </p>
  )
}
