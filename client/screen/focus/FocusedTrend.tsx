import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { signalsOfTrend } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { useHyphenate } from '../../ui/hyphenate.ts'
import { FocusGone } from './FocusGone.tsx'

const NOTHING = new Map()
/** Signal titles shown under a trend; the count says how many more there are. */
const SIGNALS_SHOWN = 8

/** A trend, projector-sized: its name, its story, opportunities and challenges, the signals behind it. */
export function FocusedTrend({ id }: { id: string }) {
  const { t } = useTranslation()
  const hyphenate = useHyphenate()
  const trend = useStore((s) => s.board?.trends.get(id) ?? null)
  const signals = useStore((s) => s.board?.signals ?? NOTHING)
  const trends = useStore((s) => s.board?.trends ?? NOTHING)
  const memberships = useStore((s) => s.board?.memberships ?? NOTHING)
  const backing = useMemo(() => signalsOfTrend({ signals, trends, memberships }, id), [signals, trends, memberships, id])
  if (!trend) return <FocusGone />
  const shown = backing.slice(0, SIGNALS_SHOWN)
  const hidden = backing.length - shown.length
  return (
    <article className="focus-card ui-stack ui-frame">
      <h2 className="focus-card__title">{hyphenate(trend.name.trim()) || t('screen.focus.unnamedTrend')}</h2>
      {trend.narrative && <p className="focus-card__text">{trend.narrative}</p>}
      {(trend.opportunities || trend.challenges) && (
        <div className="focus-card__columns">
          {trend.opportunities && (
            <div className="focus-card__part">
              <h3 className="focus-card__subheading">{t('screen.focus.opportunities')}</h3>
              <p className="focus-card__text">{trend.opportunities}</p>
            </div>
          )}
          {trend.challenges && (
            <div className="focus-card__part">
              <h3 className="focus-card__subheading">{t('screen.focus.challenges')}</h3>
              <p className="focus-card__text">{trend.challenges}</p>
            </div>
          )}
        </div>
      )}
      <div className="focus-card__part">
        <h3 className="focus-card__subheading">{t('screen.focus.signalsBehind', { count: backing.length })}</h3>
        {shown.length > 0 && (
          <ul className="focus-card__chips">
            {shown.map((signal) => (
              <li key={signal.id} className="focus-card__chip">
                {signal.title}
              </li>
            ))}
            {hidden > 0 && <li className="focus-card__chip focus-card__chip--more">{t('screen.focus.more', { count: hidden })}</li>}
          </ul>
        )}
      </div>
    </article>
  )
}
