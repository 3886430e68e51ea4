import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { CloseCode } from '../../../shared/protocol.ts'
import { summarizeConnection, type ConnectionSummary } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'

/**
 * The i18n key and options describing a connection summary in one short line. `readOnly`: a
 * projector, which writes nothing, so nothing of its own waits on it.
 */
export function connectionLabel({ kind, pending, closeCode }: ConnectionSummary, readOnly = false): [key: string, options?: Record<string, unknown>] {
  switch (kind) {
    case 'connected':
      return ['connection.connected']
    case 'connecting':
      return ['connection.connecting']
    case 'reconnecting':
      return pending > 0 ? ['connection.reconnectingWaiting', { count: pending }] : ['connection.reconnecting']
    case 'held':
      return pending > 0 ? ['connection.held', { count: pending }] : ['connection.reconnecting']
    case 'offline':
      if (readOnly) return ['connection.offlineReadOnly']
      return pending > 0 ? ['connection.offlineWaiting', { count: pending }] : ['connection.offline']
    case 'unreachable':
      if (readOnly) return ['connection.unreachableReadOnly']
      return pending > 0 ? ['connection.unreachableWaiting', { count: pending }] : ['connection.unreachable']
    case 'notSaved':
      return ['connection.notSaved']
    case 'closed':
      return [`connection.closed.${closeCodeName(closeCode)}`]
  }
}

export function closeCodeName(code: number | null): 'forbidden' | 'tooLarge' | 'rateLimited' | 'badMessage' | 'staleClient' | 'renewed' | 'other' {
  switch (code) {
    case CloseCode.renewed:
      return 'renewed'
    case CloseCode.forbidden:
      return 'forbidden'
    case CloseCode.tooLarge:
      return 'tooLarge'
    case CloseCode.rateLimited:
      return 'rateLimited'
    case CloseCode.badMessage:
      return 'badMessage'
    case CloseCode.staleClient:
      return 'staleClient'
    default:
      return 'other'
  }
}

/** A quiet status line: a coloured dot plus words (the words carry the meaning, not the colour). */
export function ConnectionIndicator({ summary, readOnly = false }: { summary: ConnectionSummary; readOnly?: boolean }) {
  const { t } = useTranslation()
  const [key, options] = connectionLabel(summary, readOnly)
  return (
    <div className={`connection connection--${summary.kind}`} role="status" aria-live="polite" aria-atomic="true">
      <span className="connection__dot" aria-hidden="true" />
      {/* "Connected" is the dot alone on a phone; anything else is said in words (workshop.css). */}
      <span className={`connection__text${summary.kind === 'connected' ? ' visually-hidden--phone' : ''}`}>{t(key, options)}</span>
    </div>
  )
}

/** The indicator for the open workshop, from the store's connection slice. */
export function WorkshopConnectionIndicator({ readOnly = false }: { readOnly?: boolean }) {
  const summary = useStore(useShallow((s) => summarizeConnection(s.connection.board, s.connection.control, s.connection.draft)))
  return <ConnectionIndicator summary={summary} readOnly={readOnly} />
}
