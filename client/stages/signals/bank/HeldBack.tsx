import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { releaseSignals, sortedByOrder } from '../../../../shared/doc/index.ts'
import type { Signal } from '../../../../shared/schema/signal.ts'
import { outsideUndo, useUndoManager } from '../../../sync/UndoContext.tsx'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'

/**
 * The facilitator's held-back bank signals: only they see these; "Release" puts one on the
 * wall for everyone, "Release all" all of them. Releasing is not an undo step (undoing it would
 * remove the cards from the wall with the bank already emptied).
 */
export function HeldBack({ bank, held }: { bank: Y.Doc | null; held: ReadonlyMap<string, Signal> }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { board } = useWorkshopDocs()
  const undo = useUndoManager()
  if (held.size === 0) return null
  const release = (ids?: string[]) => {
    if (!board || !bank) return
    const count = outsideUndo(undo, () => releaseSignals(board, bank, ids))
    announce(t('signalBank.released', { count }))
  }
  const signals = sortedByOrder(held)
  return (
    <section className="held" aria-labelledby="held-heading">
      <div className="held__head ui-toolbar">
        <h2 id="held-heading" className="held__heading">
          {t('signalBank.heldHeading', { count: signals.length })}
        </h2>
        <button type="button" className="button button--primary" onClick={() => release()}>
          {t('signalBank.releaseAll')}
        </button>
      </div>
      <p className="held__hint">{t('signalBank.heldHint')}</p>
      <ul className="held__list ui-stack ui-list">
        {signals.map((signal) => (
          <li key={signal.id} className="held__item">
            <span className="held__title">{signal.title}</span>
            <button
              type="button"
              className="button button--ghost"
              aria-label={t('signalBank.releaseOne', { title: signal.title })}
              onClick={() => release([signal.id])}
            >
              {t('signalBank.release')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
