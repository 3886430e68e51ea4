import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutlierNote } from './assessModel.ts'
import { trendName } from './text.ts'
import { Heading } from './Heading.tsx'

/**
 * People whose placement stands far from the group: not errors, but voices to invite ("Anna,
 * you put care robots much higher — what do you see?").
 */
export function OutlierList({ notes }: { notes: readonly OutlierNote[] }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section className="assess-outliers" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="assess-section-title assess-section-title--small">
        {t('assess.outliers.title')}
      </Heading>
      {notes.length === 0 ? (
        <p className="assess-outliers__none">{t('assess.outliers.none')}</p>
      ) : (
        <>
          <p className="assess-outliers__lead">{t('assess.outliers.lead')}</p>
          <ul className="assess-outliers__list ui-list">
            {notes.map((note) => (
              <li key={`${note.trendId}|${note.participantId}`} className="assess-outliers__item">
                <span className="assess-outliers__flag" aria-hidden="true">
                  ⚑
                </span>
                {t('assess.outliers.note', {
                  person: note.personName ?? t('assess.outliers.someone'),
                  trend: trendName(t, { name: note.trendName }),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
