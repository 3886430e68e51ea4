import { FrameWelcome } from './FrameWelcome.tsx'
import './frame.css'

/** Stage 1 on the projector: the focal question, the horizon and the themes, as large as the screen allows. */
export default function ScreenFrame() {
  return <FrameWelcome role="screen" isCurrent fitToScreen />
}
