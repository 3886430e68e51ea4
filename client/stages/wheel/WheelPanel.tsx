import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { setFocus } from '../../../shared/doc/index.ts'
import type { Role } from '../../../shared/protocol.ts'
import { canContribute } from '../../../shared/permissions.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { CENTRE, WheelDiagram } from './diagram/WheelDiagram.tsx'
import { NodeDetails, type WheelActionsContext } from './diagram/NodeDetails.tsx'
import { WheelList } from './list/WheelList.tsx'
import { ValenceLegend } from './ValenceLegend.tsx'
import { WheelSvgDownload } from './WheelSvgDownloads.tsx'
import { useKeyDrivers, useWheelCommands, useWheelOnScreen, useWheelTree } from './useWheelData.ts'
import { findInTree, groupName, type WheelEntry } from './wheelModel.ts'
import { useViewer } from '../../state/useViewer.ts'

export type WheelViewMode = 'diagram' | 'list'

/**
 * One futures wheel: its trend (and group) as a heading, the diagram or the list, and the legend.
 * On the diagram a selected box (or the trend) opens the details panel beside it.
 */
export function WheelPanel({ entry, role, mode, tools = null }: { entry: WheelEntry; role: Role; mode: WheelViewMode; tools?: ReactNode }) {
  const { t } = useTranslation()
  const { trend } = entry
  const tree = useWheelTree(trend.id)
  const viewer = useViewer(role)
  const commands = useWheelCommands(trend.id, entry.group?.id ?? null)
  const trendName = trend.name.trim() || t('wheel.unnamedTrend')
  const context: WheelActionsContext = useMemo(() => ({ commands, viewer, trendName }), [commands, viewer, trendName])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  // A "+" opens the selection straight in its add form; the count remounts the panel for a second "+" on the same box.
  const [adding, setAdding] = useState({ id: null as string | null, count: 0 })
  const select = (id: string | null) => {
    setAdding((was) => ({ id: null, count: was.count }))
    setSelectedId(id)
  }
  const addTo = (id: string) => {
    setAdding((was) => ({ id, count: was.count + 1 }))
    setSelectedId(id)
  }
  const isKeyDriver = useKeyDrivers().includes(trend.id)
  const group = groupName(entry)
  const headingId = `wheel-${entry.key.replace(':', '-')}`

  const found = selectedId && selectedId !== CENTRE ? findInTree(tree, selectedId) : null
  // An empty wheel opens on the trend, so the first thing anyone sees is where to start. Only while
  // it is empty: a panel left open once the room's consequences came covered a third of a laptop's
  // wheel, boxes and "+" under it, until one found its close button. Someone who has taken it up
  // (focus or a press in it) has the trend selected instead, so what they type stays when others'
  // first consequences arrive: everyone is writing their own first one at that moment.
  const emptyStart = tree.length === 0 && canContribute(viewer) && selectedId === null
  const showCentre = selectedId === CENTRE || emptyStart
  const details =
    found || showCentre ? (
      <NodeDetails
        key={`${found ? found.item.node.id : CENTRE}:${adding.id ? adding.count : 0}`}
        selected={found ? found.item : null}
        parent={found?.parent ?? null}
        context={context}
        takeFocus={!emptyStart}
        {...(emptyStart ? { onTakeUp: () => setSelectedId(CENTRE) } : {})}
        startAdding={adding.id !== null}
        onClose={() => select(null)}
        onSelect={select}
      />
    ) : null

  return (
    <section className="wheel-panel ui-stack" aria-labelledby={headingId}>
      <header className="wheel-panel__header">
        <div className="wheel-panel__titles">
          {group && <p className="eyebrow wheel-panel__group">{t('wheel.group', { name: group })}</p>}
          <h3 id={headingId} className="wheel-panel__title">
            {trendName}
            {isKeyDriver && (
              <span className="badge wheel-panel__key-driver">
                <span aria-hidden="true">{'★ '}</span>
                {t('wheel.keyDriver')}
              </span>
            )}
          </h3>
        </div>
        <div className="wheel-panel__tools">
          {role === 'facilitator' && <ShowOnScreen trendId={trend.id} />}
          {tools}
        </div>
      </header>
      {mode === 'diagram' ? (
        <WheelDiagram
          trendName={trendName}
          tree={tree}
          interactive
          selectedId={found ? found.item.node.id : showCentre ? CENTRE : null}
          onSelect={select}
          details={details}
          label={t('wheel.diagram.label', { name: trendName })}
          {...(canContribute(viewer) ? { onAdd: addTo } : {})}
        />
      ) : (
        <WheelList tree={tree} context={context} />
      )}
      <ValenceLegend tree={tree} />
      {/* After the wheel, not above it: on a phone the task (the diagram's "+") comes first. */}
      <WheelSvgDownload trendId={trend.id} trendName={trendName} />
    </section>
  )
}

/** The facilitator puts this wheel on the projector, or takes it off again. */
function ShowOnScreen({ trendId }: { trendId: string }) {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const onScreen = useWheelOnScreen() === trendId
  return (
    <button
      type="button"
      className="button button--secondary wheel-panel__screen"
      aria-pressed={onScreen}
      disabled={!control}
      onClick={() => control && setFocus(control, onScreen ? null : { kind: 'wheel', id: trendId })}
    >
      {onScreen ? t('wheel.screen.shown') : t('wheel.screen.show')}
    </button>
  )
}
