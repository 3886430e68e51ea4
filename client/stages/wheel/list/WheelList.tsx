import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WheelTreeNode } from '../../../../shared/doc/index.ts'
import { canContribute } from '../../../../shared/permissions.ts'
import { AddForm, type WheelActionsContext } from '../diagram/NodeDetails.tsx'
import { ListNode, type OpenForm } from './ListNode.tsx'
import './list.css'

/**
 * The futures wheel as nested lists: the accessible alternative to the diagram, and the default on
 * phones. Everything the diagram offers works here by keyboard alone: add a consequence under any
 * node (up to the third ring), edit its text and valence, delete it with what follows from it.
 * One form is open at a time; the form for a first-order consequence stays at the bottom.
 */
export function WheelList({ tree, context }: { tree: readonly WheelTreeNode[]; context: WheelActionsContext }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<OpenForm>(null)
  const centreRef = useRef<HTMLParagraphElement>(null)
  const canEdit = canContribute(context.viewer)

  return (
    <div className="wheel-list ui-stack">
      <p ref={centreRef} className="eyebrow wheel-list__intro" tabIndex={-1}>
        {t('wheel.list.intro')}
      </p>
      {tree.length > 0 ? (
        <ol className="wheel-tree wheel-tree--top" aria-label={t('wheel.list.label', { name: context.trendName })}>
          {tree.map((item) => (
            <ListNode key={item.node.id} item={item} open={open} setOpen={setOpen} context={context} onDeleted={() => centreRef.current?.focus()} />
          ))}
        </ol>
      ) : (
        <p className="wheel-list__empty">{canEdit ? t('wheel.list.empty') : t('wheel.list.emptyReadOnly')}</p>
      )}
      {canEdit && (
        <div className="wheel-list__add-first">
          <AddForm parentId={null} context={context} label={t('wheel.form.addFirst')} />
        </div>
      )}
    </div>
  )
}
