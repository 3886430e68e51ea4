import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FileButton } from '../../../ui/FileButton.tsx'
import { rememberKey } from '../../keys.ts'
import { navigate } from '../../routing.ts'
import { openBackup, type BackupProblem } from './openBackup.ts'
import './results.css'

/**
 * "Open a backup" on the home page: a JSON export becomes a new workshop (new links and keys)
 * and the facilitator lands in its console. A file that cannot be opened says why, in words,
 * and nothing is created.
 */
export function OpenBackup() {
  const { t } = useTranslation()
  const id = useId()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<BackupProblem | null>(null)

  const choose = async (file: File) => {
    setBusy(true)
    setProblem(null)
    const result = await openBackup(file)
    if (result.ok) {
      const { id: workshopId, keys, links } = result.workshop
      rememberKey(workshopId, 'facilitator', keys.facilitator)
      rememberKey(workshopId, 'participant', keys.participant)
      rememberKey(workshopId, 'screen', keys.screen)
      navigate(links.facilitator)
      return
    }
    setBusy(false)
    setProblem(result.problem)
  }

  return (
    <section className="open-backup ui-stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title panel__title--small">
        {t('results.backup.title')}
      </h2>
      <p className="panel__lead">{t('results.backup.lead')}</p>
      {problem && (
        <div className="callout callout--error" role="alert">
          <p>{t(`results.backup.problem.${problem.code}`, { limit: problem.limit ? formatMegabytes(problem.limit) : '', name: problem.fileName })}</p>
          {problem.detail && (
            <p className="callout__detail" lang="en">
              {problem.detail}
            </p>
          )}
        </div>
      )}
      <FileButton accept=".json,application/json" className="button button--secondary" onFile={(file) => void choose(file)} disabled={busy} aria-busy={busy}>
        {busy ? t('results.backup.opening') : t('results.backup.choose')}
      </FileButton>
    </section>
  )
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`
}
