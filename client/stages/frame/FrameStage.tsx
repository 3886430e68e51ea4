import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { StageProps } from '../types.ts'
import { FrameEditor } from './FrameEditor.tsx'
import { FrameWelcome } from './FrameWelcome.tsx'
import './frame.css'

/**
 * Stage 1, Frame: agree what we look at. The facilitator edits the frame beside a live preview of
 * what the room sees; participants read it, big (the projector too, `ScreenFrame.tsx`).
 */
export default function FrameStage({ role, isCurrent }: StageProps) {
  if (role !== 'facilitator') return <FrameWelcome role={role} isCurrent={isCurrent} />
  return <FacilitatorFrame />
}

function FacilitatorFrame() {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="frame-facilitator">
      <FrameEditor />
      <section className="frame-preview ui-stack" aria-labelledby={`${id}-preview`}>
        <h2 id={`${id}-preview`} className="frame-preview__heading eyebrow">
          {t('frame.preview.heading')}
        </h2>
        <div className="frame-preview__screen">
          <FrameWelcome role="screen" isCurrent={false} />
        </div>
      </section>
    </div>
  )
}
