import type { WebsocketProvider } from 'y-websocket'

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] }

/**
 * Makes the provider send only this tab's own presence. Stock y-websocket re-sends every awareness
 * change it applies, other people's included, so each client echoes every batch the server sends
 * (a room of 60 answers each batch with 60 copies of it). The server already holds those states
 * and keeps peers' timeouts itself, so nothing but our own state needs to leave this tab.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider
  const sendAll = provider._awarenessUpdateHandler
  const own = (id: number) => id === awareness.clientID
  const sendOwn = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const changes = { added: added.filter(own), updated: updated.filter(own), removed: removed.filter(own) }
    if (changes.added.length + changes.updated.length + changes.removed.length === 0) return
    sendAll(changes, origin)
  }
  awareness.off('update', sendAll)
  // The provider unsubscribes this property on destroy, so it must name the handler in use.
  provider._awarenessUpdateHandler = sendOwn
  awareness.on('update', sendOwn)
}
