import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from './LiveAnnouncer.tsx'

/**
 * Where a text stands against its limit, counted as it will be saved (trimmed): `quiet` well
 * below it, `near` from 80 % on (the characters left), `over` past it (how many too many).
 */
export type LengthStatus = { kind: 'quiet' } | { kind: 'near'; left: number } | { kind: 'over'; over: number }

/** From this share of a limit on, the field counts down what is left. */
const COUNT_FROM = 0.8

/** How `text` stands against `max`, the schema's limit for the field. */
export function lengthStatus(text: string, max: number): LengthStatus {
  const length = text.trim().length
  if (length > max) return { kind: 'over', over: length - max }
  if (length >= max * COUNT_FROM) return { kind: 'near', left: max - length }
  return { kind: 'quiet' }
}

interface LengthCounterProps {
  /** The counter's element id, for the field's `aria-describedby` (named only while `status` is not quiet). */
  id: string
  /** The field's visible (or accessible) label, to say which text went over. */
  label: string
  status: LengthStatus
  max: number
  /** Said after "… too many": where the rest can go instead. */
  overAdvice?: string
  /** The field saves as it is typed (`useSharedDraft`): past the limit it says the text waits unsaved. */
  savedAsTyped?: boolean
}

/**
 * How much more a text may hold, shown from 80 % of its limit on ("12 characters left"), and how
 * far past it the text is ("5,400 characters too many: shorten to 200.").
 *
 * Fields a person types or pastes into have no `maxlength`: a browser's `maxlength` cuts a paste
 * at the limit without a word, and people lost the end of what they pasted. A serious editor
 * keeps every character someone put in, so the text stays whole, the field is marked invalid
 * (`aria-invalid`), and adding or saving is refused, with focus on the field, until it is
 * shortened: the person decides what goes. The schema and the server still hold
 * the same limits. Past the limit this line is the field's error: a second "too long" sentence
 * under it would only repeat it (see `shownError`).
 *
 * A field shared as it is typed (`useLimitedSharedDraft`: a persona, a story's or trend's title,
 * the frame) has no Add to refuse. Its commit refuses a text past the limit instead, so the text stays
 * in this person's field, counted and marked invalid ("… Not saved until it is shortened."), while
 * the document, everyone else's screen and the projector keep the last text that fitted. Saving a
 * cut text would publish words the person never chose; saving nothing would throw away the
 * writing. Nor is it thrown away on leaving: the text past the limit is kept on this device, for
 * this person in this workshop, and the field opens with it again, counted and marked invalid,
 * when they come back to it (the stage again, the story reopened, a reload), until they shorten
 * it (it then saves as usual and the kept copy goes) or someone changes the shared text meanwhile
 * (then their newer text wins over a copy that was never shared, and the copy goes).
 *
 * A screen reader hears the counter with the field (`aria-describedby`), and through the polite
 * live region only when the text crosses the limit, either way: never on each keystroke.
 *
 * A field wires it through `lengthField`, which holds these rules in one place.
 */
function LengthCounter({ id, label, status, max, overAdvice, savedAsTyped = false }: LengthCounterProps) {
  const { t } = useTranslation()
  useCrossingAnnounced(label, status, max)
  if (status.kind === 'quiet') return null
  const over = status.kind === 'over'
  return (
    <p id={id} className={over ? 'field__count field__error' : 'field__count'}>
      {over ? t('ui.limit.over', { count: status.over, max }) : t('ui.limit.left', { count: status.left })}
      {over && overAdvice && ` ${overAdvice}`}
      {over && savedAsTyped && ` ${t('ui.limit.notSaved')}`}
    </p>
  )
}

/**
 * The error to show under a counted field: none of its own while the counter says the text is
 * over (the only error such a text can have), so the field carries one sentence, not two.
 */
function shownError<Code>(error: Code | undefined, status: LengthStatus): Code | undefined {
  return status.kind === 'over' ? undefined : error
}

/** An element id among a field's `aria-describedby`, or nothing while that text is not shown. */
type DescribedBy = string | false | null | undefined

export interface LengthFieldOptions<Code> {
  /** The field's element id; the counter's is `${id}-count`. */
  id: string
  /** The field's visible (or accessible) label, to say which text went over. */
  label: string
  /**
   * The field's own error (empty, a duplicate…), for a field that can have one. Such a field says
   * `aria-invalid="false"` while it is fine; one whose only error is its length says nothing then.
   */
  error?: Code | undefined
  /** The element showing `error`, read first while it shows. */
  errorId?: string
  /** The field's other descriptions (a hint, a note), read before or after the counter, as they sit on screen. */
  before?: readonly DescribedBy[]
  after?: readonly DescribedBy[]
  /** Said after "… too many": where the rest can go instead. */
  overAdvice?: string
  /** The field saves as it is typed (`useSharedDraft`): past the limit it says the text waits unsaved. */
  savedAsTyped?: boolean
}

/**
 * Everything a field with a limit needs, by the rules above: where its text stands, the error to
 * show (`shownError`), the attributes for the input or textarea (`props`: its id, `aria-invalid`,
 * `aria-describedby` naming the counter only while it shows) and the counter to render under it.
 * A plain function, not a hook: it holds no state (the counter does its own announcing), so a
 * form may call it for each row of a list or only for the fields that have a limit.
 *
 * @example
 * const title = lengthField(value, SIGNAL_LIMITS.title, { id: `${id}-title`, label: t('signals.fields.title'), after: [`${id}-title-note`] })
 * <textarea {...title.props} value={value} … />
 * {title.counter}
 */
export function lengthField<Code = never>(text: string, max: number, options: LengthFieldOptions<Code>) {
  const { id, label, errorId, before = [], after = [], overAdvice, savedAsTyped } = options
  const status = lengthStatus(text, max)
  const over = status.kind === 'over'
  const error = shownError(options.error, status)
  const countId = `${id}-count`
  const describedBy = [error ? errorId : null, ...before, status.kind === 'quiet' ? null : countId, ...after].filter(Boolean).join(' ')
  const invalid = over || Boolean(error)
  return {
    status,
    over,
    error,
    props: {
      id,
      'aria-invalid': 'error' in options ? invalid : invalid || undefined,
      'aria-describedby': describedBy || undefined,
    },
    counter: <LengthCounter id={countId} label={label} status={status} max={max} overAdvice={overAdvice} savedAsTyped={savedAsTyped} />,
  }
}

/** Says "… too many" when the text goes over the limit, and "fits now" when it comes back. */
function useCrossingAnnounced(label: string, status: LengthStatus, max: number) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  // A form that opens over the limit (a draft kept from before) is not news: the counter shows it.
  const wasOver = useRef(status.kind === 'over')
  const overBy = status.kind === 'over' ? status.over : 0
  useEffect(() => {
    const isOver = overBy > 0
    if (isOver === wasOver.current) return
    wasOver.current = isOver
    announce(isOver ? t('ui.limit.overAnnounced', { count: overBy, max, field: label }) : t('ui.limit.fitsAnnounced', { field: label }))
  }, [overBy, max, label, announce, t])
}
