import { useTranslation } from 'react-i18next'
import type { StageProps } from '../types.ts'
import { PrivateDraftProvider } from './PrivateDraft.tsx'
import { SignalsWorkspace } from './SignalsWorkspace.tsx'
import './signals.css'

/**
 * Stage 2, Signals: collect early signs of change on a shared wall. Participants and the
 * facilitator add, edit and filter cards (the facilitator also merges duplicates); while private
 * mode is on, new cards go to each person's private draft until the reveal. The projector shows
 * the wall growing, read-only (`ScreenSignals.tsx`).
 */
export default function SignalsStage({ role }: StageProps) {
  const { t } = useTranslation()
  return (
    <PrivateDraftProvider fallbackName={t('ui.person.unnamed')}>
      <SignalsWorkspace role={role} />
    </PrivateDraftProvider>
  )
}
