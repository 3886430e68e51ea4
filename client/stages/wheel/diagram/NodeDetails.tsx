import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { WheelTreeNode } from '../../../../shared/doc/index.ts'
import { authorsOf, canChange, canContribute, type Viewer } from '../../../../shared/permissions.ts'
import { EditingNote, useAnnounce, useEditingMarker } from '../../../ui/index.ts'
import { useFocusStaysIn } from '../../../ui/useFocusStaysIn.ts'
import { ConsequenceForm } from '../ConsequenceForm.tsx'
import { DeleteConsequence } from '../DeleteConsequence.tsx'
import { ValenceMark } from '../valence.tsx'
import type { WheelCommands } from '../useWheelData.ts'
import { useParticipants } from '../useWheelData.ts'
import { canAddBelow, descendantCount } from '../wheelModel.ts'

export interface WheelActionsContext {
  commands: WheelCommands
  viewer: Viewer
  trendName: string
}

/**
 * The diagram's side panel: the selected consequence in full, and what can be done with it
 * (add what follows, edit, delete); for the trend at the centre, the form for a first-order
 * consequence. Keyed by the selection, so choosing another box starts afresh.
 */
export function NodeDetails({
  selected,
  parent,
  context,
  onClose,
  onSelect,
  takeFocus = true,
  startAdding = false,
  onTakeUp,
}: {
  /** null = the trend at the centre. */
  selected: WheelTreeNode | null
  parent: WheelTreeNode | null
  context: WheelActionsContext
  onClose(): void
  onSelect(id: string | null): void
  /** Move focus into the panel on open (not when it opens by itself, on an empty wheel). */
  takeFocus?: boolean
  /** Opened by the box's "+": its add form is open from the start. */
  startAdding?: boolean
  /** The person turns to the panel (focus or a press in it): given where it opened by itself. */
  onTakeUp?: () => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const panelRef = useRef<HTMLElement>(null)

  // Focus moves into the panel when it opens, so keyboard users land on what they chose.
  useEffect(() => {
    if (!takeFocus) return
    const panel = panelRef.current
    const field = panel?.querySelector('textarea')
    const title = panel?.querySelector('.wheel-details__title')
    ;(field ?? (title instanceof HTMLElement ? title : null))?.focus()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- Focus moves in when the panel opens, not when takeFocus changes later
  }, [])

  return (
    <section
      ref={panelRef}
      className="wheel-details ui-stack ui-popover"
      aria-labelledby={headingId}
      data-no-pan=""
      onFocus={onTakeUp}
      onPointerDown={onTakeUp}
    >
      <header className="wheel-details__header">
        <p className="eyebrow">{selected ? t(`wheel.ring.${selected.node.ring}`) : t('wheel.centre.eyebrow')}</p>
        <button type="button" className="button button--ghost wheel-details__close" onClick={onClose}>
          <span aria-hidden="true" className="ui-close-icon" />
          <span className="visually-hidden">{t('wheel.details.close')}</span>
        </button>
      </header>
      {selected ? (
        <NodeBody item={selected} parent={parent} context={context} headingId={headingId} panel={panelRef} onSelect={onSelect} startAdding={startAdding} />
      ) : (
        <>
          <h4 id={headingId} className="wheel-details__title" tabIndex={-1}>
            {context.trendName}
          </h4>
          {canContribute(context.viewer) ? (
            <AddForm parentId={null} context={context} label={t('wheel.form.addFirst')} autoFocus={takeFocus} showAdded />
          ) : (
            <p className="wheel-details__muted">{t('wheel.readOnly')}</p>
          )}
        </>
      )}
    </section>
  )
}

type Mode = 'view' | 'edit' | 'add'

function NodeBody({
  item,
  parent,
  context,
  headingId,
  panel,
  onSelect,
  startAdding,
}: {
  startAdding: boolean
  /** The panel around: the keyboard stays in it when a form here closes. */
  panel: RefObject<HTMLElement | null>
  item: WheelTreeNode
  parent: WheelTreeNode | null
  context: WheelActionsContext
  headingId: string
  onSelect(id: string | null): void
}) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const participants = useParticipants()
  const [mode, setMode] = useState<Mode>(startAdding ? 'add' : 'view')
  // The form last opened: its button takes the keyboard back when the form closes.
  const [lastForm, setLastForm] = useState<Mode | null>(startAdding ? 'add' : null)
  const open = (form: 'edit' | 'add') => {
    setMode(form)
    setLastForm(form)
  }
  // Saving an edit, or "Done" on the add form, replaces the form: the keyboard goes back to the
  // button that opened it (else to the heading), not to the page.
  useFocusStaysIn(panel, (element) => element.querySelector<HTMLElement>('[data-focus-return]') ?? element.querySelector<HTMLElement>('.wheel-details__title'))
  const { node } = item
  const { commands, viewer } = context
  const canEdit = canContribute(viewer)
  const mayChange = canChange(viewer, authorsOf('wheelNodes', node))
  const author = participants.get(node.authorId)?.name

  if (mode === 'edit') {
    return (
      <EditNode
        item={item}
        onDone={() => setMode('view')}
        save={(text, valence) => {
          commands.update(node.id, { text, valence })
          announce(t('wheel.announce.saved'))
          setMode('view')
          return true
        }}
      />
    )
  }

  return (
    <>
      <h4 id={headingId} className="wheel-details__title wheel-details__text" tabIndex={-1}>
        {node.text || t('wheel.node.untitled')}
      </h4>
      <p className="wheel-details__meta">
        <ValenceMark valence={node.valence} />
        {author && <span>{t('wheel.details.author', { name: author })}</span>}
      </p>
      <p className="wheel-details__muted">
        {t('wheel.details.follows')}{' '}
        <button type="button" className="wheel-details__link" onClick={() => onSelect(parent ? parent.node.id : 'centre')}>
          {parent ? parent.node.text || t('wheel.node.untitled') : context.trendName}
        </button>
      </p>
      <EditingNote itemId={node.id} />
      {canEdit && mode === 'add' && (
        <AddForm parentId={node.id} context={context} label={t('wheel.form.addBelow')} autoFocus showAdded onDone={() => setMode('view')} />
      )}
      {canEdit && mode === 'view' && (
        <div className="wheel-details__actions">
          {canAddBelow(node) && (
            <button type="button" className="button button--secondary" data-focus-return={lastForm === 'add' ? '' : undefined} onClick={() => open('add')}>
              <span aria-hidden="true">{'+'}</span> {t('wheel.actions.addBelow')}
            </button>
          )}
          {/* Another person's consequence is theirs to change (the server refuses it from anyone else). */}
          {mayChange && (
            <button type="button" className="button button--secondary" data-focus-return={lastForm === 'edit' ? '' : undefined} onClick={() => open('edit')}>
              {t('wheel.actions.edit')}
            </button>
          )}
          {mayChange && (
            <DeleteConsequence
              followers={descendantCount(item)}
              onDelete={() => {
                const count = commands.remove(node.id)
                announce(t('wheel.announce.deleted', { count }))
                onSelect(parent ? parent.node.id : 'centre')
              }}
            />
          )}
        </div>
      )}
    </>
  )
}

/** Editing a consequence: tells the others ("Anna is editing…") while the form is open. */
export function EditNode({
  item,
  save,
  onDone,
}: {
  item: WheelTreeNode
  save(text: string, valence: WheelTreeNode['node']['valence']): boolean
  onDone(): void
}) {
  const { t } = useTranslation()
  useEditingMarker(item.node.id)
  return (
    <ConsequenceForm
      label={t('wheel.form.edit')}
      submitLabel={t('wheel.form.save')}
      initialText={item.node.text}
      initialValence={item.node.valence}
      onSubmit={save}
      onCancel={onDone}
      autoFocus
    />
  )
}

/** Adding consequences under a node (or the trend): stays open for the next one until "Done". */
export function AddForm({
  parentId,
  context,
  label,
  autoFocus = false,
  showAdded = false,
  onDone,
}: {
  parentId: string | null
  context: WheelActionsContext
  label: string
  autoFocus?: boolean
  /** Say what was added under the form too: the diagram's new box may be a screen away (the list's is right above). */
  showAdded?: boolean
  onDone?: () => void
}) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  // Seen as well as announced: on a phone the new box is drawn a screen above the form, which empties for the next.
  const [added, setAdded] = useState<string | null>(null)
  return (
    <>
      <ConsequenceForm
        label={label}
        submitLabel={t('wheel.form.add')}
        resetAfterSubmit
        autoFocus={autoFocus}
        onSubmit={(text, valence) => {
          const id = context.commands.add(parentId, text, valence)
          if (id) {
            announce(t('wheel.announce.added', { text }))
            setAdded(text)
          }
          return id !== null
        }}
        {...(onDone ? { onCancel: onDone, cancelLabel: t('wheel.form.done') } : {})}
      />
      {showAdded && added !== null && (
        <p className="form-added">
          <span className="form-added__tick" aria-hidden="true" />
          {t('wheel.announce.added', { text: added })}
        </p>
      )}
    </>
  )
}
