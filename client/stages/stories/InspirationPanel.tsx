import { memo, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { sortedByOrder, wheelTree, type WheelTreeNode } from '../../../shared/doc/index.ts'
import type { CitableBoard } from '../../../shared/doc/stories/index.ts'
import type { CitationAttrs, Trend } from '../../../shared/schema/index.ts'
import { KindIcon } from './kindIcons.tsx'
import { byWholeRings } from './storiesModel.ts'

/** More would bury the prompt; the picker has everything. */
const MAX_TRENDS = 5
const MAX_CONSEQUENCES = 6

interface InspirationPanelProps {
  board: CitableBoard
  keyDrivers: readonly string[]
  /** The trend the story's group worked on, shown first. */
  groupTrendId: string | null
  /** `kind|refId` of what the story cites already. */
  cited: ReadonlySet<string>
  /** Absent when the story is read-only. */
  onCite?: ((citation: CitationAttrs) => void) | undefined
}

/**
 * What to draw on, one click from a citation: the group's trend and the key drivers, each with
 * the consequences the group followed on its futures wheel.
 */
export const InspirationPanel = memo(function InspirationPanel({ board, keyDrivers, groupTrendId, cited, onCite }: InspirationPanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const trends = useMemo(() => inspirationTrends(board, keyDrivers, groupTrendId), [board, keyDrivers, groupTrendId])
  if (trends.length === 0) return null
  return (
    <section className="story-panel inspiration" aria-labelledby={headingId}>
      <h4 id={headingId} className="story-panel__title">
        {t(keyDrivers.length > 0 ? 'stories.inspiration.keyDrivers' : 'stories.inspiration.trends')}
      </h4>
      <ul className="inspiration__list">
        {trends.map((trend) => (
          <li key={trend.id} className="inspiration__trend">
            <Item
              citation={{ kind: 'trend', refId: trend.id, label: trend.name.trim() || t('stories.picker.unnamedTrend') }}
              note={trend.id === groupTrendId ? t('stories.inspiration.groupTrend') : keyDrivers.includes(trend.id) ? t('stories.keyDriver') : null}
              cited={cited}
              onCite={onCite}
            />
            <Consequences nodes={wheelTree(board, trend.id)} cited={cited} onCite={onCite} />
          </li>
        ))}
      </ul>
    </section>
  )
})

function Consequences({ nodes, cited, onCite }: { nodes: readonly WheelTreeNode[]; cited: ReadonlySet<string>; onCite: InspirationPanelProps['onCite'] }) {
  const { t } = useTranslation()
  const written = nodes
    .flatMap(function walk(entry): WheelTreeNode[] {
      return [entry, ...entry.children.flatMap(walk)]
    })
    .filter(({ node }) => node.text.trim() !== '')
  const shown = byWholeRings(written, MAX_CONSEQUENCES)
  if (shown.length === 0) return null
  const more = written.length - shown.length
  return (
    <>
      <ul className="inspiration__consequences" aria-label={t('stories.inspiration.consequences')}>
        {shown.map(({ node }) => (
          <li key={node.id}>
            <Item
              citation={{ kind: 'wheelNode', refId: node.id, label: node.text.trim() }}
              note={t(`stories.ring.${node.ring}`)}
              cited={cited}
              onCite={onCite}
            />
          </li>
        ))}
      </ul>
      {more > 0 && <p className="inspiration__more">{t('stories.inspiration.more', { count: more })}</p>}
    </>
  )
}

function Item({
  citation,
  note,
  cited,
  onCite,
}: {
  citation: CitationAttrs
  note: string | null
  cited: ReadonlySet<string>
  onCite: InspirationPanelProps['onCite']
}) {
  const { t } = useTranslation()
  const isCited = cited.has(`${citation.kind}|${citation.refId}`)
  return (
    <div className={`source source--${citation.kind} inspiration__item inspiration__item--${citation.kind}`}>
      <KindIcon kind={citation.kind} className="source__icon" />
      <span className="source__text">
        <span className="inspiration__name">{citation.label}</span>
        {(note || isCited) && <span className="inspiration__note">{[note, isCited ? t('stories.inspiration.cited') : null].filter(Boolean).join(' · ')}</span>}
      </span>
      {onCite && (
        <button
          type="button"
          className="button button--ghost inspiration__cite"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onCite(citation)}
        >
          {t('stories.inspiration.cite')}
          <span className="visually-hidden">{`: ${t(`stories.kind.${citation.kind}`)} ${citation.label}`}</span>
        </button>
      )}
    </div>
  )
}

/** The group's trend, then key drivers (or, before any are marked, the first trends). */
function inspirationTrends(board: CitableBoard, keyDrivers: readonly string[], groupTrendId: string | null): Trend[] {
  const all = sortedByOrder(board.trends)
  const drivers = new Set(keyDrivers)
  const picked = keyDrivers.length > 0 ? all.filter((trend) => drivers.has(trend.id)) : [...all]
  const groupTrend = groupTrendId ? board.trends.get(groupTrendId) : undefined
  const ordered = groupTrend ? [groupTrend, ...picked.filter((trend) => trend.id !== groupTrend.id)] : picked
  return ordered.slice(0, MAX_TRENDS)
}
