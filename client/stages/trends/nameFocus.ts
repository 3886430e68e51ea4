/**
 * "Focus the name of the trend just created." The command returns the new id before React has
 * rendered the trend, and sometimes after (the store update can render synchronously inside the
 * command), so both orders meet here: whichever comes second does the focusing.
 */
export interface NameFocus {
  /** Focus this trend's name field now if it is on screen, else as soon as it registers. */
  request(trendId: string): void
  /** A name field announces itself; returns the unregister. */
  register(trendId: string, focus: () => void): () => void
}

export function createNameFocus(): NameFocus {
  const fields = new Map<string, () => void>()
  let pending: string | null = null

  return {
    request(trendId) {
      const focus = fields.get(trendId)
      if (focus) {
        pending = null
        focus()
      } else {
        pending = trendId
      }
    },
    register(trendId, focus) {
      fields.set(trendId, focus)
      if (pending === trendId) {
        pending = null
        focus()
      }
      return () => {
        if (fields.get(trendId) === focus) fields.delete(trendId)
      }
    },
  }
}
