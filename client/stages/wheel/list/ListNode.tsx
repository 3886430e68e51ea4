import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WheelTreeNode } from '../../../../shared/doc/index.ts'
import { authorsOf, canChange, canContribute } from '../../../../shared/permissions.ts'
import { EditingNote, useAnnounce } from '../../../ui/index.ts'
import { DeleteConsequence } from '../DeleteConsequence.tsx'
import { AddForm, EditNode, type WheelActionsContext } from '../diagram/NodeDetails.tsx'
import { ValenceMark, valenceKey } from '../valence.tsx'
import { canAddBelow, descendantCount, oneLine } from '../wheelModel.ts'

/** Which node has its form open, and which form. */
export type OpenForm = { kind: 'edit' | 'add'; id: string } | null

interface ListNodeProps {
  item: WheelTreeNode
  open: OpenForm
  setOpen(open: OpenForm): void
  context: WheelActionsContext
  /** Where focus goes when this node is deleted: its parent. */
  onDeleted(): void
}

/** One consequence in the list: its valence, text and ring, its actions, and what follows from it. */
export function ListNode({ item, open, setOpen, context, onDeleted }: ListNodeProps) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const cardRef = useRef<HTMLDivElement>(null)
  const addRef = useRef<HTMLButtonElement>(null)
  const editRef = useRef<HTMLButtonElement>(null)
  const formRef = useRef<HTMLLIElement>(null)
  const { node, children } = item
  const { commands, viewer } = context
  const canEdit = canContribute(viewer)
  const editing = open?.kind === 'edit' && open.id === node.id
  const adding = open?.kind === 'add' && open.id === node.id
  const text = node.text || t('wheel.node.untitled')
  // Each button's name says which consequence it is for: a list of thirty "Edit"s cannot be told
  // apart by a screen reader's list of buttons, nor by voice control.
  const named = oneLine(text)

  // Focus goes back to the button that opened a form once the form has closed and the button is drawn.
  const [refocus, setRefocus] = useState<'add' | 'edit' | null>(null)
  useEffect(() => {
    if (!refocus) return
    ;(refocus === 'add' ? addRef : editRef).current?.focus()
    setRefocus(null)
  }, [refocus])
  const closeForm = (back: 'add' | 'edit') => {
    setOpen(null)
    setRefocus(back)
  }

  return (
    <li className={`wheel-item wheel-item--ring${node.ring}`}>
      <div ref={cardRef} className={`wheel-item__card wheel-item__card--${valenceKey(node.valence)}`} tabIndex={-1}>
        {editing ? (
          <EditNode
            item={item}
            onDone={() => closeForm('edit')}
            save={(value, valence) => {
              commands.update(node.id, { text: value, valence })
              announce(t('wheel.announce.saved'))
              closeForm('edit')
              return true
            }}
          />
        ) : (
          <>
            <p className="wheel-item__text">{text}</p>
            <p className="wheel-item__meta">
              <ValenceMark valence={node.valence} />
              <span className="wheel-item__ring">{t(`wheel.ring.short${node.ring}`)}</span>
              <EditingNote itemId={node.id} />
            </p>
            {canEdit && (
              <div className="wheel-item__actions">
                {canAddBelow(node) && (
                  <button
                    ref={addRef}
                    type="button"
                    className="button button--ghost wheel-action"
                    aria-label={t('wheel.actions.addBelowNamed', { text: named })}
                    aria-expanded={adding}
                    // Pressed again while its form is open (after adding one), it goes back to the form:
                    // the next consequence typed went nowhere, or half of it into the form later.
                    onClick={() => (adding ? formRef.current?.querySelector<HTMLElement>('textarea, input')?.focus() : setOpen({ kind: 'add', id: node.id }))}
                  >
                    <span aria-hidden="true">{'+'}</span> {t('wheel.actions.addBelow')}
                  </button>
                )}
                {/* Another person's consequence is theirs to change (the server refuses it from anyone else). */}
                {canChange(viewer, authorsOf('wheelNodes', node)) && (
                  <button
                    ref={editRef}
                    type="button"
                    className="button button--ghost wheel-action"
                    aria-label={t('wheel.actions.editNamed', { text: named })}
                    onClick={() => setOpen({ kind: 'edit', id: node.id })}
                  >
                    {t('wheel.actions.edit')}
                  </button>
                )}
                {canChange(viewer, authorsOf('wheelNodes', node)) && (
                  <DeleteConsequence
                    label={t('wheel.actions.deleteNamed', { text: named })}
                    followers={descendantCount(item)}
                    onDelete={() => {
                      const count = commands.remove(node.id)
                      announce(t('wheel.announce.deleted', { count }))
                      onDeleted()
                    }}
                  />
                )}
              </div>
            )}
          </>
        )}
      </div>
      {(children.length > 0 || adding) && (
        <ol className="wheel-tree">
          {children.map((child) => (
            <ListNode key={child.node.id} item={child} open={open} setOpen={setOpen} context={context} onDeleted={() => cardRef.current?.focus()} />
          ))}
          {adding && (
            <li ref={formRef} className="wheel-item wheel-item--form">
              <AddForm parentId={node.id} context={context} label={t('wheel.form.addBelowNamed', { text })} autoFocus onDone={() => closeForm('add')} />
            </li>
          )}
        </ol>
      )}
    </li>
  )
}
