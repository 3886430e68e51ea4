import { useTranslation } from 'react-i18next'
import type { StageProps } from '../types.ts'
import { PrivateDraftProvider } from './PrivateDraft.tsx'
import { ScreenWall } from './ScreenWall.tsx'
import { SignalsWorkspace } from './SignalsWorkspace.tsx'
import './signals.css'

/**
 * Stage 2, Signals: collect early signs of change on a shared wall. Participants and the
 * facilitator add, edit and filter cards (the facilitator also merges duplicates); while private
 * mode is on, new cards go to each person's private draft until the reveal. The projector shows
 * the wall growing, read-only.
 */
export default function SignalsStage({ role }: StageProps) {
  const { t } = useTranslation()
  return (
    <PrivateDraftProvider mayWrite={role !== 'screen'} fallbackName={t('ui.person.unnamed')}>
      {role === 'screen' ? <ScreenWall /> : <SignalsWorkspace role={role} />}
    </PrivateDraftProvider>
  )
}
