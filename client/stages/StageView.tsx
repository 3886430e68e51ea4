import { Component, lazy, Suspense, useState, type ComponentType, type ErrorInfo, type LazyExoticComponent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { StageKind } from '../../shared/schema/stage.ts'
import { stageManifest } from './registry.ts'
import type { StageProps } from './types.ts'

// React.lazy remembers a failed import for good; a retry needs a new lazy component. Cached per
// attempt so a re-render never starts a second download.
const lazyStages = new Map<string, LazyExoticComponent<ComponentType<StageProps>>>()
function lazyStage(kind: StageKind, attempt: number): LazyExoticComponent<ComponentType<StageProps>> {
  const cacheKey = `${kind}:${attempt}`
  let component = lazyStages.get(cacheKey)
  if (!component) {
    component = lazy(stageManifest(kind).load)
    lazyStages.set(cacheKey, component)
  }
  return component
}

/**
 * Renders the stage component for a stage kind, from its manifest (`registry.ts`). A stage whose
 * code cannot be fetched (Wi-Fi dropped before its first visit) or that fails while rendering
 * shows a calm message with "Try again" instead of taking the whole page down.
 */
export function StageView(props: StageProps) {
  const [attempt, setAttempt] = useState(0)
  const Stage = lazyStage(props.stage.kind, attempt)
  return (
    <StageBoundary key={attempt} onRetry={() => setAttempt((a) => a + 1)}>
      <Suspense fallback={null}>
        <Stage {...props} />
      </Suspense>
    </StageBoundary>
  )
}

class StageBoundary extends Component<{ children: ReactNode; onRetry(): void }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A stage failed to load or render', error, info.componentStack)
  }

  override render() {
    return this.state.failed ? <StageFailed onRetry={this.props.onRetry} /> : this.props.children
  }
}

function StageFailed({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation()
  return (
    <div className="callout callout--warning" role="alert">
      <h2 className="callout__title">{t('stageArea.failed.title')}</h2>
      <p>{t('stageArea.failed.text')}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('stageArea.failed.retry')}
      </button>
    </div>
  )
}
