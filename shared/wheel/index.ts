/**
 * The futures wheel's drawing logic, pure and shared: the participant's diagram, the projector
 * and an SVG export lay a wheel out with the same function.
 */
export {
  layoutWheel,
  toLayoutItems,
  DEFAULT_WHEEL_METRICS,
  type WheelBox,
  type WheelLayout,
  type WheelLayoutEdge,
  type WheelLayoutItem,
  type WheelLayoutNode,
  type WheelLayoutOptions,
  type WheelMetrics,
  type WheelRing,
} from './layout'
export { estimateTextWidth, wrapText, type TextMeasure, type WrappedText } from './text'
