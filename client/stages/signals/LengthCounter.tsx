import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../ui/index.ts'
import type { LengthStatus } from './signalForm.ts'

interface LengthCounterProps {
  /** The counter's element id, for the field's `aria-describedby`. */
  id: string
  /** The field's visible label, to say which text went over. */
  label: string
  status: LengthStatus
  max: number
  /** Said after "… too many": where the rest of the text can go instead. */
  overAdvice?: string
}

/**
 * How much more a card's text may hold, shown from 80 % of its limit on ("12 characters left"),
 * and how far past it the text is ("5,400 characters too many").
 *
 * The fields have no `maxlength`: a browser's `maxlength` cuts a paste at the limit without a
 * word, and people lost the end of what they pasted. A serious editor keeps every character
 * someone put in, so the text stays whole, the field is marked invalid, and adding or saving is
 * refused until it is shortened; the person decides what goes, and can move the rest to another
 * field. The schema and the server still hold the same limits. Past the limit this line is the
 * field's error: a second "too long" sentence under it would only repeat it (see `shownError`).
 *
 * A screen reader hears the counter with the field (`aria-describedby`), and through the polite
 * live region only when the text crosses the limit, either way: never on each keystroke.
 */
export function LengthCounter({ id, label, status, max, overAdvice }: LengthCounterProps) {
  const { t } = useTranslation()
  useCrossingAnnounced(label, status, max)
  if (status.kind === 'quiet') return null
  const over = status.kind === 'over'
  return (
    <p id={id} className={over ? 'field__count field__error' : 'field__count'}>
      {over ? t('signals.limit.over', { count: status.over, max }) : t('signals.limit.left', { count: status.left })}
      {over && overAdvice && ` ${overAdvice}`}
    </p>
  )
}

/**
 * The error to show under a counted field: none of its own while the counter says the text is
 * over (the only error such a text can have), so the field carries one sentence, not two.
 */
export function shownError<Code>(error: Code | undefined, status: LengthStatus): Code | undefined {
  return status.kind === 'over' ? undefined : error
}

/** Says "… too many" when the text goes over the limit, and "fits now" when it comes back. */
function useCrossingAnnounced(label: string, status: LengthStatus, max: number) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  // A form that opens over the limit (an unsent card kept from before) is not news: the counter shows it.
  const wasOver = useRef(status.kind === 'over')
  const overBy = status.kind === 'over' ? status.over : 0
  useEffect(() => {
    const isOver = overBy > 0
    if (isOver === wasOver.current) return
    wasOver.current = isOver
    announce(isOver ? t('signals.limit.overAnnounced', { count: overBy, max, field: label }) : t('signals.limit.fitsAnnounced', { field: label }))
  }, [overBy, max, label, announce, t])
}
