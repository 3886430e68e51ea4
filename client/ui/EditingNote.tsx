import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { useEditorsOf } from './editing.ts'
import './ui.css'

/**
 * "Anna is editing…" under a card or trend someone else has open; nothing when nobody has.
 * The first editor's colour dot goes with the words (colour is decoration, the name is the news).
 *
 * @example
 * <EditingNote itemId={signal.id} />
 */
export const EditingNote = memo(function EditingNote({ itemId, className }: { itemId: string; className?: string }) {
  const { t } = useTranslation()
  const editors = useEditorsOf(itemId)
  const first = editors[0]
  if (!first) return null
  const name = first.name.trim() || t('ui.person.unnamed')
  return (
    <span className={['ui-editing', className].filter(Boolean).join(' ')}>
      <span className="ui-editing__dot" style={{ backgroundColor: first.color }} aria-hidden="true" />
      {editors.length === 1 ? t('ui.editing.one', { name }) : t('ui.editing.many', { name, count: editors.length - 1 })}
    </span>
  )
})
