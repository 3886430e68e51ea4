/**
 * The caret plugin publishes this person's caret in awareness on every selection change: every
 * keystroke, every pixel of a mouse drag. The server allows a connection 30 presence messages a
 * second (burst 120) and closes a connection that floods, so a fast drag would cut the writer
 * off. This view of the awareness sends the caret at most every `intervalMs` (the latest
 * position always goes out), and passes everything else straight through.
 */
import type { Awareness } from 'y-protocols/awareness'

const CURSOR_FIELD = 'cursor'

/** The subset of `Awareness` y-tiptap's caret plugin uses. */
export type CursorAwareness = Pick<Awareness, 'getStates' | 'getLocalState' | 'setLocalStateField' | 'on' | 'off' | 'clientID' | 'states'> & {
  /** Sends a caret still waiting, and stops the timer (the editor is going away). */
  flush(): void
}

export function throttledCursorAwareness(awareness: Awareness, intervalMs = 100): CursorAwareness {
  let lastSent = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: { value: unknown } | null = null

  const send = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    lastSent = Date.now()
    awareness.setLocalStateField(CURSOR_FIELD, value)
  }

  return {
    get clientID() {
      return awareness.clientID
    },
    get states() {
      return awareness.states
    },
    getStates: () => awareness.getStates(),
    // The plugin compares a new caret with the current one: show it the one about to be sent.
    getLocalState: () => {
      const state = awareness.getLocalState()
      return pending && state ? { ...state, [CURSOR_FIELD]: pending.value } : state
    },
    setLocalStateField(field: string, value: unknown) {
      if (field !== CURSOR_FIELD) return awareness.setLocalStateField(field, value)
      pending = { value }
      // A caret leaving (blur, editor closed) goes at once; a moving one at most every interval.
      const wait = value === null ? 0 : lastSent + intervalMs - Date.now()
      if (wait <= 0) send()
      else if (timer === null) timer = setTimeout(send, wait)
    },
    on: awareness.on.bind(awareness) as Awareness['on'],
    off: awareness.off.bind(awareness) as Awareness['off'],
    flush: send,
  }
}
