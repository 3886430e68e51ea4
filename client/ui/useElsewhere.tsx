import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'
import { useAnnounce } from './LiveAnnouncer.tsx'

/**
 * Someone else's change to a one-line value this person is typing over (a trend's name, a story's
 * title, a persona's name): `useSharedDraft`'s `elsewhere`, said under the field and announced,
 * with "Use “…”" to take it instead of their own draft. Leaving the field otherwise keeps their
 * own (whoever saves last wins, as for any title), but never without having seen the other. Before,
 * only a trend's name said so: a story's title or a persona's name was replaced without a word.
 *
 * @example
 * const elsewhere = useElsewhere(draft, input, { said: (v) => t('x.elsewhere', { value: v }), take: (v) => t('x.take', { value: v }) })
 * <textarea ref={input} aria-describedby={elsewhere.describedBy} onBlur={(e) => elsewhere.leave(e.relatedTarget)} />
 * {elsewhere.note}
 */
export function useElsewhere(
  draft: { elsewhere: { value: string } | null; finish(): void; discard(): void },
  field: RefObject<HTMLElement | null>,
  words: { said(value: string): string; take(value: string): string },
  classNames: { note: string; take: string } = { note: 'field-elsewhere', take: 'button button--ghost field-elsewhere__take' },
): { describedBy: string | undefined; leave(to: EventTarget | null): void; note: ReactNode } {
  const id = useId()
  const take = useRef<HTMLButtonElement>(null)
  /** Whether "Use …" has the keyboard: if the note goes (their value is ours again), no blur says so. */
  const taking = useRef(false)
  const announce = useAnnounce()
  const other = draft.elsewhere?.value
  const said = other === undefined ? null : words.said(other)
  useEffect(() => {
    if (said !== null) announce(said)
  }, [said, announce])
  const { finish } = draft
  useEffect(() => {
    if (other !== undefined || !taking.current) return
    // The button went from under the keyboard: the draft is saved as a blur would have, and focus goes back to the field.
    taking.current = false
    finish()
    field.current?.focus()
  }, [other, finish, field])
  /** Leaving the field finishes it, unless for "Use …", which drops the draft instead. */
  const leave = (to: EventTarget | null) => {
    if (take.current === null || to !== take.current) draft.finish()
  }
  const note = other !== undefined && (
    <p className={classNames.note}>
      <span id={id}>{said}</span>{' '}
      <button
        ref={take}
        type="button"
        className={classNames.take}
        // A click keeps the field focused (Safari never focuses a button it clicks), so its blur cannot save.
        onMouseDown={(event) => event.preventDefault()}
        onFocus={() => (taking.current = true)}
        onBlur={(event) => {
          taking.current = false
          if (event.relatedTarget !== field.current) draft.finish()
        }}
        onClick={() => {
          draft.discard()
          field.current?.focus()
        }}
      >
        {words.take(other)}
      </button>
    </p>
  )
  return { describedBy: other !== undefined ? id : undefined, leave, note }
}
