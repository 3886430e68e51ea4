import { useTranslation } from 'react-i18next'
import './fit.css'

/** "Page 2 of 3" on the projector, with a dot per page; "paused" while the facilitator holds it. */
export function PageIndicator({ page, pages, paused }: { page: number; pages: number; paused: boolean }) {
  const { t } = useTranslation()
  return (
    <p className={`page-indicator${paused ? ' page-indicator--paused' : ''}`} data-page={page + 1} data-pages={pages}>
      <span className="page-indicator__dots" aria-hidden="true">
        {Array.from({ length: pages }, (_, index) => (
          <span key={index} className={`page-indicator__dot${index === page ? ' page-indicator__dot--on' : ''}`} />
        ))}
      </span>
      <span className="page-indicator__text">{t(paused ? 'screen.pages.paused' : 'screen.pages.of', { page: page + 1, pages })}</span>
    </p>
  )
}
