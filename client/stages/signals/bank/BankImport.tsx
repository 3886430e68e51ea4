import { useId, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { useTranslation } from 'react-i18next'
import { toSignalInputs } from '../../../../shared/bank/toInputs.ts'
import { importSignals } from '../../../../shared/doc/index.ts'
import type { Theme } from '../../../../shared/schema/meta.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { Dialog, useAnnounce } from '../../../ui/index.ts'
import { BankPreview } from './BankPreview.tsx'
import { BankSources, type LoadedBank } from './BankSources.tsx'
import './bank.css'

/**
 * The facilitator's "Load signals": prepared signals from a scanning spreadsheet or an earlier
 * workshop join the wall, before or during the workshop. The facilitator chooses which; they
 * arrive marked as from the bank, with their links, all in one step (or, on any problem, none).
 */
export function BankImport({ themes, bank: bankDoc }: { themes: readonly Theme[]; bank: Y.Doc | null }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { board } = useWorkshopDocs()
  const participantId = useStore((s) => s.participant?.id ?? null)
  const [open, setOpen] = useState(false)
  const [bank, setBank] = useState<LoadedBank | null>(null)
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set())
  const [holdBack, setHoldBack] = useState(false)
  const id = useId()
  const converted = useMemo(() => (bank ? toSignalInputs(bank.signals, themes) : null), [bank, themes])

  const close = () => {
    setOpen(false)
    setBank(null)
  }
  const loaded = (next: LoadedBank) => {
    setBank(next)
    setChosen(new Set(next.signals.map((_, i) => i)))
  }
  const bring = () => {
    if (!board || !participantId || !converted) return
    const inputs = converted.inputs.filter((_, i) => chosen.has(i))
    const target = holdBack ? bankDoc : board
    if (!target) return
    const ids = importSignals(target, inputs, { participantId })
    announce(t(holdBack ? 'signalBank.heldBack' : 'signalBank.brought', { count: ids.length }))
    close()
  }

  return (
    <>
      <button type="button" className="button button--secondary bank__open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('signalBank.open')}
      </button>
      {/* Mounted only while open: the wall's own dialogs stay the only ones in the page. */}
      {open && (
        <Dialog open onClose={close} title={t('signalBank.title')} description={t('signalBank.description')} size="large" closeOnBackdrop={false}>
          {bank && converted ? (
            <div className="bank">
              <BankPreview bank={bank} chosen={chosen} onChange={setChosen} unknownThemes={converted.unknownThemes} />
              <div className="bank__actions">
                <label className="bank__hold" htmlFor={`${id}-hold`}>
                  <input id={`${id}-hold`} type="checkbox" checked={holdBack} disabled={!bankDoc} onChange={(event) => setHoldBack(event.target.checked)} />
                  {t('signalBank.holdBack')}
                </label>
                <button type="button" className="button button--primary" disabled={chosen.size === 0} onClick={bring}>
                  {t(holdBack ? 'signalBank.hold' : 'signalBank.bring', { count: chosen.size })}
                </button>
              </div>
            </div>
          ) : (
            <BankSources onLoaded={loaded} />
          )}
        </Dialog>
      )}
    </>
  )
}
