import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { wheelTree, type WheelTreeNode } from '../../../shared/doc/index.ts'
import type { Valence } from '../../../shared/schema/wheelNode.ts'
import { useStore } from '../../state/store.ts'
import { FocusGone } from './FocusGone.tsx'

const NOTHING = new Map()

/**
 * A futures wheel as the room can read it from afar: the trend in the middle, each first-order
 * consequence as a column with what follows from it underneath. Positive, negative or mixed is
 * said in words beside a sign, never by colour alone.
 */
export function FocusedWheel({ trendId }: { trendId: string }) {
  const { t } = useTranslation()
  const trends = useStore((s) => s.board?.trends ?? NOTHING)
  const wheelNodes = useStore((s) => s.board?.wheelNodes ?? NOTHING)
  const tree = useMemo(() => wheelTree({ trends, wheelNodes }, trendId), [trends, wheelNodes, trendId])
  const trend = trends.get(trendId)
  if (!trend) return <FocusGone />
  return (
    <article className="focus-card ui-stack ui-frame focus-wheel">
      <h2 className="focus-card__title focus-wheel__centre">{trend.name.trim() || t('screen.focus.unnamedTrend')}</h2>
      {tree.length === 0 ? (
        <p className="focus-card__text">{t('screen.focus.noConsequences')}</p>
      ) : (
        <ol className="focus-wheel__rings ui-list">
          {tree.map((branch) => (
            <li key={branch.node.id} className="focus-wheel__branch">
              <Consequence node={branch} />
            </li>
          ))}
        </ol>
      )}
    </article>
  )
}

function Consequence({ node }: { node: WheelTreeNode }) {
  return (
    <>
      <p className={`focus-wheel__node focus-wheel__node--ring${node.node.ring}`}>
        <ValenceMark valence={node.node.valence} />
        {node.node.text}
      </p>
      {node.children.length > 0 && (
        <ol className="focus-wheel__children">
          {node.children.map((child) => (
            <li key={child.node.id}>
              <Consequence node={child} />
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

const SIGNS: Record<Exclude<Valence, ''>, string> = { positive: '+', negative: '−', mixed: '±' }

function ValenceMark({ valence }: { valence: Valence }) {
  const { t } = useTranslation()
  if (!valence) return null
  return (
    <span className={`focus-wheel__valence focus-wheel__valence--${valence}`}>
      <span aria-hidden="true">{SIGNS[valence]}</span>
      <span className="visually-hidden">{t(`screen.focus.valence.${valence}`)}</span>
    </span>
  )
}
