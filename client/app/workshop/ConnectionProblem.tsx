import { useTranslation } from 'react-i18next'
import { CloseCode, isWaitingNotice, type NoticeCode, type WaitingNotice } from '../../../shared/protocol.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { closeCodeName } from './ConnectionIndicator.tsx'

const reload = () => window.location.reload()

/**
 * Explains what the quiet indicator cannot: a permanent close (bad link, size limit, an app older than the server), a change
 * the server refused, or changes held back for a minute (more than a person makes, or than the workshop takes in at once).
 * Shown at the top of the page, with a way forward.
 */
export function ConnectionProblem() {
  const { t } = useTranslation()
  const { boardConnection, controlConnection } = useWorkshopDocs()
  // A renewed board is no problem: the app loads the fresh one by itself (useSyncedDoc).
  const boardClose = useStore((s) =>
    s.connection.board.status === 'closed' && s.connection.board.closeCode !== CloseCode.renewed ? s.connection.board.closeCode : null,
  )
  const controlClose = useStore((s) => (s.connection.control.status === 'closed' ? s.connection.control.closeCode : null))
  const tooLarge = useStore((s) => s.connection.board.notice?.code === 'docTooLarge')
  const denied = useStore((s) => s.connection.board.denied ?? s.connection.control.denied)
  const waitingNotice = useStore(
    (s) => waitingCode(s.connection.board.notice?.code) ?? waitingCode(s.connection.control.notice?.code) ?? waitingCode(s.connection.draft.notice?.code),
  )

  const closed = boardClose !== null || controlClose !== null

  const retry = () => {
    if (boardClose !== null) boardConnection?.retry()
    if (controlClose !== null) controlConnection?.retry()
  }

  if (closed) {
    const name = closeCodeName(boardClose ?? controlClose)
    // A stale app only gets better by loading the new one; its unsent changes wait in IndexedDB.
    const stale = name === 'staleClient'
    return (
      <div className="callout callout--error" role="alert">
        <h2 className="callout__title">{t(`problem.${name}.title`)}</h2>
        <p>{t(`problem.${name}.body`)}</p>
        <button type="button" className={`button ${stale ? 'button--primary' : 'button--secondary'}`} onClick={stale ? reload : retry}>
          {t(stale ? 'problem.reload' : 'problem.retry')}
        </button>
      </div>
    )
  }

  const problem = tooLarge ? 'docTooLarge' : denied ? 'denied' : waitingNotice
  if (!problem) return null
  return (
    <div className="callout callout--warning" role="status">
      <h2 className="callout__title">{t(`problem.${problem}.title`)}</h2>
      <p>{t(problem === 'denied' ? `problem.denied.${denied}` : `problem.${problem}.body`)}</p>
    </div>
  )
}

/** The notice of changes that wait (`code`), or null for any other. */
function waitingCode(code: NoticeCode | undefined): WaitingNotice | null {
  return isWaitingNotice(code) ? code : null
}
