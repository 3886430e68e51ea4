import { useContext, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { goToStage } from '../../../shared/doc/index.ts'
import { EmptyState } from '../../ui/index.ts'
import { AssessGrid } from './AssessGrid.tsx'
import { HeadingLevelContext } from './Heading.tsx'
import { useContextStore } from '../../state/storeContext.ts'
import { useAssessCommands } from './useAssessData.ts'

/**
 * No trends yet: say where trends come from, show what the grid will look like with one example,
 * and give the facilitator the way back to the Trends stage.
 */
export function AssessEmpty({ role }: { role: Role }) {
  const { t } = useTranslation()
  const { control } = useAssessCommands()
  const trendsStageId = useContextStore((s) => s.control?.stages.find((stage) => stage.kind === 'trends')?.id ?? null)
  const level = useContext(HeadingLevelContext)
  const next = role === 'facilitator' ? t('assess.empty.facilitator') : t('assess.empty.participant')
  return (
    <EmptyState
      className="assess-empty"
      headingLevel={level}
      title={t('assess.empty.title')}
      text={`${t('assess.empty.body')} ${next}`}
      example={
        <AssessGrid caption={t('assess.empty.exampleCaption')} className="assess-grid--example">
          <div className="grid-marker grid-marker--example grid-marker--end" style={{ '--u': 0.8, '--i': 0.6 } as CSSProperties} aria-hidden="true">
            <span className="grid-marker__dot">1</span>
            <span className="grid-marker__label">
              <span className="grid-marker__name ui-ellipsis">{t('assess.empty.exampleTrend')}</span>
            </span>
          </div>
        </AssessGrid>
      }
      action={
        role === 'facilitator' && control && trendsStageId ? (
          <button type="button" className="button button--primary" onClick={() => goToStage(control, trendsStageId)}>
            {t('assess.empty.backToTrends')}
          </button>
        ) : undefined
      }
    />
  )
}
