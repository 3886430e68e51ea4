import { useEffect, useState, type FormEvent } from 'react'
import { useGroupLabel } from './useGroupLabel.ts'
import { useTranslation } from 'react-i18next'
import type { Group } from '../../../shared/schema/index.ts'
import { Dialog } from '../../ui/index.ts'

interface NewStoryDialogProps {
  open: boolean
  groups: readonly Group[]
  defaultGroupId: string | null
  onClose(): void
  onCreate(groupId: string | null): void
}

const ROOM = ''

/** Another story when the room works in groups: which group writes it (or the whole room). */
export function NewStoryDialog({ open, groups, defaultGroupId, onClose, onCreate }: NewStoryDialogProps) {
  const { t } = useTranslation()
  const label = useGroupLabel()
  const [choice, setChoice] = useState(defaultGroupId ?? ROOM)
  useEffect(() => {
    if (open) setChoice(defaultGroupId ?? ROOM)
  }, [open, defaultGroupId])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onCreate(choice === ROOM ? null : choice)
  }
  return (
    <Dialog open={open} onClose={onClose} title={t('stories.newDialog.title')} size="small">
      <form className="form" onSubmit={submit}>
        <fieldset className="fieldset">
          <legend className="field__label">{t('stories.newDialog.who')}</legend>
          <div className="choice-list">
            {[...groups.map((group) => ({ id: group.id, label: label.name(group) })), { id: ROOM, label: t('stories.wholeRoom') }].map((option) => (
              <label key={option.id || 'room'} className="choice">
                <input type="radio" name="story-group" value={option.id} checked={choice === option.id} onChange={() => setChoice(option.id)} />
                <span className="choice__text">
                  <span className="choice__title">{option.label}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form__actions form__actions--end">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('stories.newDialog.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('stories.newDialog.create')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
