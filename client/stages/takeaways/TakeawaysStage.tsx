import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TakeawayInput, When } from '../../../shared/schema/index.ts'
import { canContribute } from '../../../shared/permissions.ts'
import { Dialog, useAnnounce } from '../../ui/index.ts'
import type { StageProps } from '../types.ts'
import type { TakeawayOrder } from './takeawaysModel.ts'
import { TakeawayBoard } from './TakeawayBoard.tsx'
import { TakeawayForm } from './TakeawayForm.tsx'
import { TakeawaysEmpty } from './TakeawaysEmpty.tsx'
import { useTakeawayCommands, useTakeaways } from './useTakeawaysData.ts'
import { useDraftOwner } from '../../state/storeContext.ts'
import { useViewer } from '../../state/useViewer.ts'
import { keepUnsentTakeaway, loadUnsentTakeaway, type TakeawayDraft } from './unsentTakeaway.ts'
import './takeaways.css'

type Editing = { mode: 'add'; when: When } | { mode: 'edit'; id: string } | null

/**
 * Stage 7, Takeaways: turn foresight into action now. Each takeaway says what to do, who and when
 * (now, within a year, within five years) and links to the trends and stories it comes from.
 * People +1 the ones they back. The projector shows them in projector-size type (`ScreenTakeaways.tsx`).
 */
export default function TakeawaysStage({ role }: StageProps) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const viewer = useViewer(role)
  const canAdd = canContribute(viewer)
  const takeaways = useTakeaways()
  const commands = useTakeawayCommands()
  const owner = useDraftOwner()
  // A takeaway this person was writing when the page reloaded or the stage moved on: its form
  // opens again with it, until it is added or cancelled.
  const [unsent, setUnsent] = useState<TakeawayDraft | null>(() => (owner && canAdd ? loadUnsentTakeaway(owner) : null))
  const [editing, setEditing] = useState<Editing>(() => (unsent && !unsent.putAway ? { mode: 'add', when: unsent.when } : null))
  const keepDraft = useCallback(
    (draft: TakeawayDraft | null) => {
      if (owner) keepUnsentTakeaway(owner, draft)
    },
    [owner],
  )
  // Added, or "Cancel": what was written is done with.
  const finish = () => {
    if (editing?.mode === 'add') {
      keepDraft(null)
      setUnsent(null)
    }
    setEditing(null)
  }
  // Esc or "Close" puts the form away and keeps the writing: "Add" opens it again with it.
  const putAway = () => {
    const kept = editing?.mode === 'add' && owner ? loadUnsentTakeaway(owner) : null
    if (kept) {
      keepDraft({ ...kept, putAway: true })
      setUnsent(kept)
    }
    setEditing(null)
  }
  // The first takeaway replaces the empty page, and the button that opened the form with it.
  const addButton = useRef<HTMLButtonElement>(null)
  const [order, setOrder] = useState<TakeawayOrder>('added')
  const edited = editing?.mode === 'edit' ? takeaways.get(editing.id) : undefined

  const save = (input: TakeawayInput) => {
    if (editing?.mode === 'edit') {
      commands.update(editing.id, input)
      announce(t('takeaways.announce.saved'))
    } else if (commands.add(input)) {
      announce(t('takeaways.announce.added', { when: t(`takeaways.when.${input.when ?? 'now'}`) }))
    } else {
      // Not added (the board not open yet): the form and its words stay, to try again.
      return
    }
    finish()
  }
  const onAdd = useCallback((when: When) => setEditing({ mode: 'add', when }), [])
  const onEdit = useCallback((id: string) => setEditing({ mode: 'edit', id }), [])
  const onDelete = useCallback(
    (id: string) => {
      commands.remove(id)
      announce(t('takeaways.announce.deleted'))
    },
    [commands, announce, t],
  )
  const onPlusOne = useCallback(
    (id: string) => announce(commands.togglePlusOne(id) ? t('takeaways.announce.plusOne') : t('takeaways.announce.plusOneRemoved')),
    [commands, announce, t],
  )

  return (
    <div className={`takeaways takeaways--${role}`}>
      {takeaways.size === 0 ? (
        <TakeawaysEmpty canAdd={canAdd} onAdd={() => onAdd('now')} />
      ) : (
        <>
          <div className="takeaways__toolbar ui-toolbar">
            {canAdd && (
              <button ref={addButton} type="button" className="button button--primary" onClick={() => onAdd('now')}>
                <span aria-hidden="true">{'+'}</span> {t('takeaways.add')}
              </button>
            )}
            <div className="segmented segmented--words takeaways__order" role="group" aria-label={t('takeaways.order.label')}>
              {(['added', 'agreed'] as const).map((option) => (
                <button key={option} type="button" className="segmented__option" aria-pressed={order === option} onClick={() => setOrder(option)}>
                  {t(`takeaways.order.${option}`)}
                </button>
              ))}
            </div>
          </div>
          <TakeawayBoard viewer={viewer} canAdd={canAdd} order={order} onAdd={onAdd} onEdit={onEdit} onDelete={onDelete} onPlusOne={onPlusOne} />
        </>
      )}
      <Dialog
        open={editing !== null && (editing.mode === 'add' || edited !== undefined)}
        onClose={putAway}
        returnFocusFallback={() => addButton.current}
        title={editing?.mode === 'edit' ? t('takeaways.form.editTitle') : t('takeaways.form.addTitle')}
        size="medium"
        closeOnBackdrop={false}
      >
        {editing && (
          <TakeawayForm
            key={editing.mode === 'edit' ? editing.id : `add-${editing.when}`}
            takeaway={edited}
            draft={editing.mode === 'add' ? unsent : null}
            initialWhen={editing.mode === 'add' ? editing.when : 'now'}
            onDraft={editing.mode === 'add' ? keepDraft : undefined}
            onSave={save}
            onCancel={finish}
          />
        )}
      </Dialog>
    </div>
  )
}
