import { memo, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentFieldWrite, meetsOwnWrites, updatePersona } from '../../../shared/doc/index.ts'
import { PERSONA_LIMITS, personaFields, type Persona, type PersonaPatch } from '../../../shared/schema/index.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { lengthField } from '../../ui/index.ts'
import { useLimitedSharedDraft } from '../../ui/useLimitedSharedDraft.ts'
import { useElsewhere } from '../../ui/useElsewhere.tsx'
import { useMergingDraft } from '../../ui/useMergingDraft.ts'
import { useSharedDraft } from '../../ui/useSharedDraft.ts'

type LineField = 'name' | 'household'
type LongField = 'lifeSituation' | 'needs' | 'values'

type Translate = (key: string, options?: Record<string, unknown>) => string

/** "Aino, 78": who the persona is, for where the household would not fit (a denser projector). */
export function personaWho(persona: Persona | null, t: Translate): string {
  if (!persona) return ''
  return [persona.name, persona.age === null ? '' : t('stories.persona.ageShort', { age: persona.age })].filter(Boolean).join(', ')
}

/** "Aino, 78 · Lives with her grandson": the persona in one line, for summaries and cards. */
export function personaLine(persona: Persona | null, t: Translate): string {
  if (!persona) return ''
  return [personaWho(persona, t), persona.household].filter(Boolean).join(' · ')
}

/**
 * The person the story is about, written by the group together: each field is its own entry in
 * the document, so two people filling in different fields both keep theirs. Folded to one line
 * once it has a name, so the story itself is near the top on a phone.
 */
export const PersonaCard = memo(function PersonaCard({ persona, readOnly }: { persona: Persona; readOnly: boolean }) {
  const { t } = useTranslation()
  const headingId = useId()
  const [open, setOpen] = useState(persona.name === '')
  const line = personaLine(persona, t)
  return (
    <section className="persona" aria-labelledby={headingId}>
      <details className="persona__details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="persona__summary">
          <h4 id={headingId} className="persona__title">
            {t('stories.persona.title')}
          </h4>
          <span className="persona__line">{line || t('stories.persona.empty')}</span>
        </summary>
        <div className="persona__fields">
          <p className="field__hint persona__hint">{t('stories.persona.hint')}</p>
          <div className="persona__row">
            <PersonaText persona={persona} field="name" readOnly={readOnly} />
            <AgeField persona={persona} readOnly={readOnly} />
          </div>
          <PersonaText persona={persona} field="household" readOnly={readOnly} />
          <PersonaLongText persona={persona} field="lifeSituation" readOnly={readOnly} />
          <PersonaLongText persona={persona} field="needs" readOnly={readOnly} />
          <PersonaLongText persona={persona} field="values" readOnly={readOnly} />
        </div>
      </details>
    </section>
  )
})

function usePersonaSave(personaId: string) {
  const { board } = useWorkshopDocs()
  return (patch: PersonaPatch): boolean => {
    if (!board) return false
    try {
      return updatePersona(board, personaId, patch)
    } catch {
      // Out of the schema's limits (the fields' own check normally stops this first).
      return false
    }
  }
}

/** A one-line field of the persona (name, household): whoever saves last, as for a title. */
function PersonaText({ persona, field, readOnly }: { persona: Persona; field: LineField; readOnly: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const save = usePersonaSave(persona.id)
  const max = PERSONA_LIMITS[field]
  // Past the limit the text stays in this field, counted, and the group keeps the last one that fitted (see `LengthCounter`).
  const draft = useLimitedSharedDraft(persona[field], max, `persona:${persona.id}:${field}`, (value) => save({ [field]: value }))
  const input = useRef<HTMLInputElement>(null)
  const elsewhere = useElsewhere(draft, input, {
    said: (value) => t('stories.persona.elsewhere', { value }),
    take: (value) => t('stories.persona.takeElsewhere', { value }),
  })
  const label = t(`stories.persona.${field}.label`)
  const length = lengthField(draft.value, max, { id, label, before: [elsewhere.describedBy], savedAsTyped: true })
  return (
    <div className={`field persona__field persona__field--${field}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={input}
        {...length.props}
        className="input persona__input"
        type="text"
        autoComplete="off"
        value={draft.value}
        readOnly={readOnly}
        placeholder={t(`stories.persona.${field}.placeholder`)}
        onBlur={(event) => elsewhere.leave(event.relatedTarget)}
        onChange={(event) => draft.change(event.target.value)}
      />
      {length.counter}
      {elsewhere.note}
    </div>
  )
}

/**
 * A longer field of the persona (life situation, needs, values), which a story's group fills in
 * together: two people writing in it at once both keep their words, as in a trend's narrative.
 * Before, the one who left the field last replaced the other's text without a word.
 */
function PersonaLongText({ persona, field, readOnly }: { persona: Persona; field: LongField; readOnly: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const { board } = useWorkshopDocs()
  const save = usePersonaSave(persona.id)
  const max = PERSONA_LIMITS[field]
  const textarea = useRef<HTMLTextAreaElement>(null)
  const { draft, merged, left } = useMergingDraft({
    remote: persona[field],
    max,
    keptAs: `persona:${persona.id}:${field}`,
    commit: (value) => save({ [field]: value }),
    writes: {
      current: () => (board ? currentFieldWrite(board, 'personas', persona.id, field) : null),
      meet: (saves) => (board ? meetsOwnWrites(board, 'personas', persona.id, field, saves) : 'unknown'),
    },
    textarea,
    mergedMessage: t('stories.persona.merged'),
  })
  const label = t(`stories.persona.${field}.label`)
  const length = lengthField(draft.value, max, { id, label, savedAsTyped: true })
  return (
    <div className={`field persona__field persona__field--${field}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        ref={textarea}
        {...length.props}
        className="input input--multiline persona__input"
        rows={2}
        value={draft.value}
        readOnly={readOnly}
        placeholder={t(`stories.persona.${field}.placeholder`)}
        onBlur={left}
        onChange={(event) => draft.change(event.target.value)}
      />
      {merged && <p className="field__hint">{t('stories.persona.merged')}</p>}
      {length.counter}
    </div>
  )
}

function AgeField({ persona, readOnly }: { persona: Persona; readOnly: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const save = usePersonaSave(persona.id)
  const draft = useSharedDraft(persona.age === null ? '' : String(persona.age), (value) => {
    const trimmed = value.trim()
    if (trimmed === '') return save({ age: null })
    const age = Number(trimmed)
    return personaFields.age.safeParse(age).success && /^\d+$/.test(trimmed) ? save({ age }) : false
  })
  return (
    <div className="field persona__field persona__field--age">
      <label className="field__label" htmlFor={id}>
        {t('stories.persona.age.label')}
      </label>
      <input
        id={id}
        className="input persona__input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={3}
        value={draft.value}
        readOnly={readOnly}
        aria-invalid={draft.invalid || undefined}
        aria-describedby={draft.invalid ? `${id}-error` : undefined}
        placeholder={t('stories.persona.age.placeholder')}
        onChange={(event) => draft.change(event.target.value)}
        onBlur={draft.finish}
      />
      {draft.invalid && (
        <p id={`${id}-error`} className="field__error">
          {t('stories.persona.age.invalid')}
        </p>
      )}
    </div>
  )
}
