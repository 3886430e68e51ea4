import { useTranslation } from 'react-i18next'
import type { AssessProgress } from './assessModel.ts'

interface ProgressMetersProps {
  progress: AssessProgress
  showVotes: boolean
  /** `large` for the projector. */
  size?: 'compact' | 'large'
}

/** "4 of 9 placed every trend", "3 of 9 gave all their dots": the pace, never the positions. */
export function ProgressMeters({ progress, showVotes, size = 'compact' }: ProgressMetersProps) {
  const { t } = useTranslation()
  const meters = [
    { key: 'placed', done: progress.placedAll, started: progress.placedAny },
    ...(showVotes ? [{ key: 'voted', done: progress.votedAll, started: progress.votedAny }] : []),
  ]
  return (
    <ul className={`assess-meters ui-list assess-meters--${size}`}>
      {meters.map(({ key, done, started }) => {
        const share = progress.people > 0 ? done / progress.people : 0
        return (
          <li key={key} className="assess-meter">
            <p className="assess-meter__text">
              <span className="assess-meter__number">{t('assess.progress.fraction', { done, total: progress.people })}</span>{' '}
              <span className="assess-meter__label">{t(`assess.progress.${key}`, { count: progress.people })}</span>
            </p>
            <span className="assess-meter__track" aria-hidden="true">
              <span className="assess-meter__fill" style={{ inlineSize: `${Math.round(share * 100)}%` }} />
            </span>
            {done < started && <p className="assess-meter__started">{t(`assess.progress.${key}Started`, { count: started - done })}</p>}
          </li>
        )
      })}
    </ul>
  )
}
