import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react'
import type { StageKind } from '../../shared/schema/stage.ts'
import type { StageProps } from './types.ts'

/** Each stage is its own chunk: a phone on the signals stage never downloads the wheel. */
const STAGE_COMPONENTS: Partial<Record<StageKind, LazyExoticComponent<ComponentType<StageProps>>>> = {
  frame: lazy(() => import('./frame/FrameStage.tsx')),
  signals: lazy(() => import('./signals/SignalsStage.tsx')),
  trends: lazy(() => import('./trends/TrendsStage.tsx')),
  assess: lazy(() => import('./assess/AssessStage.tsx')),
}

/** Renders the stage component for a stage kind (nothing for kinds not built yet). */
export function StageView(props: StageProps) {
  const Component = STAGE_COMPONENTS[props.stage.kind]
  if (!Component) return null
  return (
    <Suspense fallback={null}>
      <Component {...props} />
    </Suspense>
  )
}
