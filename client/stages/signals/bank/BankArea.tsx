import type { Theme } from '../../../../shared/schema/meta.ts'
import { BankImport } from './BankImport.tsx'
import { HeldBack } from './HeldBack.tsx'
import { useBankDoc } from './useBankDoc.ts'

/** The facilitator's signal bank in the Signals stage: "Load signals" and what is held back. */
export function BankArea({ themes }: { themes: readonly Theme[] }) {
  const { doc, held } = useBankDoc()
  return (
    <>
      <BankImport themes={themes} bank={doc} />
      <HeldBack bank={doc} held={held} />
    </>
  )
}
