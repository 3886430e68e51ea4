import { useTranslation } from 'react-i18next'

/**
 * "12 more consequences outside the view": said while boxes lie wholly outside it (a phone opens
 * a big wheel on its middle), with the ways to see them, beside the zoom buttons: beside their
 * column over the wheel's corner (letting every click through to what is under it), or in their
 * row under a phone's wheel.
 */
export function OutsideHint({ count }: { count: number }) {
  const { t } = useTranslation()
  return <p className="wheel-outside">{t('wheel.zoom.outside', { count })}</p>
}

/**
 * Zoom buttons over the diagram's corner, for anyone without a wheel, a trackpad or two fingers:
 * zoom out, zoom in, and "fit" (the whole wheel in view; it then follows the wheel as it grows).
 */
export function ZoomControls({ onZoomIn, onZoomOut, onFit, fitted }: { onZoomIn(): void; onZoomOut(): void; onFit(): void; fitted: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="wheel-zoom ui-stack" role="group" aria-label={t('wheel.zoom.toolbar')} data-no-pan="">
      <button
        type="button"
        className="button button--secondary wheel-zoom__button"
        onClick={onZoomIn}
        aria-label={t('wheel.zoom.in')}
        title={t('wheel.zoom.in')}
      >
        <span aria-hidden="true">{'+'}</span>
      </button>
      <button
        type="button"
        className="button button--secondary wheel-zoom__button"
        onClick={onZoomOut}
        aria-label={t('wheel.zoom.out')}
        title={t('wheel.zoom.out')}
      >
        <span aria-hidden="true">{'−'}</span>
      </button>
      <button type="button" className="button button--secondary wheel-zoom__button" onClick={onFit} aria-pressed={fitted} title={t('wheel.zoom.fit')}>
        <svg className="wheel-zoom__fit-icon" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
        </svg>
        <span className="visually-hidden">{t('wheel.zoom.fit')}</span>
      </button>
    </div>
  )
}
