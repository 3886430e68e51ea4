import { useTranslation } from 'react-i18next'
import { ReadyCount } from '../ready/ReadyCount.tsx'
import { useReadiness } from '../ready/useReadiness.ts'
import { PanelButton } from './PanelButton.tsx'

/**
 * "3 of 5 ready" in the toolbar: shown, never waited for. It opens who is still working, for a
 * facilitator who wants to ask them. Nothing while nobody is here.
 */
export function ReadyChip({ stageId }: { stageId: string }) {
  const { t } = useTranslation()
  const readiness = useReadiness(stageId)
  if (readiness.total === 0) return null
  const everyone = readiness.ready === readiness.total
  return (
    <PanelButton panel="ready" className={`console-ready${everyone ? ' console-ready--all' : ''}`}>
      <span className="console-ready__bar" aria-hidden="true">
        <span className="console-ready__fill" style={{ width: `${(100 * readiness.ready) / readiness.total}%` }} />
      </span>
      <span className="console-ready__text">{t('ready.count', { ready: readiness.ready, total: readiness.total })}</span>
    </PanelButton>
  )
}

export function ReadyPanel({ stageId }: { stageId: string }) {
  const readiness = useReadiness(stageId)
  return <ReadyCount state={readiness} />
}
