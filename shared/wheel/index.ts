/**
 * The futures wheel's drawing logic, pure and shared: the participant's diagram, the projector
 * and an SVG export lay a wheel out with the same function.
 */
export {
  DEFAULT_WHEEL_METRICS,
  layoutWheel,
  toLayoutItems,
  type WheelBox,
  type WheelColumn,
  type WheelLayout,
  type WheelLayoutItem,
  type WheelLayoutOptions,
  type WheelMetrics,
} from './layout'
export { layoutBranches } from './branches'
export { estimateTextWidth, wrapText, type TextMeasure } from './text'
