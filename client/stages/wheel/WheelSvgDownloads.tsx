import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { sortedByOrder, wheelTree } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { useAnnounce } from '../../ui/index.ts'
import { saveFile } from '../../ui/saveFile.ts'

/**
 * Saves one trend's futures wheel as an SVG picture, made in the browser from the live board.
 * The picture's module comes with the hyphenation patterns of both languages (about 26 KB
 * gzip), so it is loaded at the first click, not with the stage or the facilitator's console.
 * A module that cannot be fetched (the connection gone, or a new version on the server) is said.
 */
function useSaveWheel() {
  const { t } = useTranslation()
  const announce = useAnnounce()
  return async (trendId: string) => {
    let picture: typeof import('./wheelPicture.ts')
    try {
      picture = await import('./wheelPicture.ts')
    } catch {
      announce(t('results.wheel.downloadFailed'))
      return
    }
    const { wheelPictureFile } = picture
    const { board, control } = useStore.getState()
    const trend = board?.trends.get(trendId)
    if (!board || !trend) return
    const centre = trend.name.trim() || t('results.wheel.unnamedTrend')
    const title = control?.meta.title.trim() || t('results.wheel.untitled')
    saveFile(
      wheelPictureFile(board, trendId, title, {
        centre,
        label: t('results.wheel.pictureLabel', { name: centre }),
        ringLabel: (ring) => t(`wheel.ring.short${ring}`),
        language: control?.meta.language ?? 'en',
      }),
    )
  }
}

/** "Download picture (SVG)" for the wheel on show in the wheel stage. */
export function WheelSvgDownload({ trendId, trendName }: { trendId: string; trendName: string }) {
  const { t } = useTranslation()
  const save = useSaveWheel()
  const hasWheel = useStore((s) => (s.board ? wheelTree(s.board, trendId).length > 0 : false))
  if (!hasWheel) return null
  return (
    <button
      type="button"
      className="button button--ghost results-button--small"
      onClick={() => void save(trendId)}
      aria-label={t('results.wheel.downloadOne', { name: trendName })}
    >
      {t('results.wheel.download')}
    </button>
  )
}

/** In the Export menu: every wheel with consequences, each as a picture. */
export function WheelSvgDownloads() {
  const { t } = useTranslation()
  const save = useSaveWheel()
  const trends = useStore((s) => s.board?.trends)
  const nodes = useStore((s) => s.board?.wheelNodes)
  const withWheels = useMemo(() => {
    if (!trends || !nodes) return []
    return sortedByOrder(trends).filter((trend) => wheelTree({ trends, wheelNodes: nodes }, trend.id).length > 0)
  }, [trends, nodes])
  if (withWheels.length === 0) return null
  return (
    <div className="results-wheels">
      <h3 className="results-subheading">{t('results.wheel.heading')}</h3>
      <ul className="results-wheels__list ui-list">
        {withWheels.map((trend) => {
          const name = trend.name.trim() || t('results.wheel.unnamedTrend')
          return (
            <li key={trend.id}>
              <button
                type="button"
                className="button button--ghost results-button--small"
                onClick={() => void save(trend.id)}
                aria-label={t('results.wheel.itemLabel', { name })}
              >
                {t('results.wheel.item', { name })}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
