import { Component, lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ErrorInfo, type LazyExoticComponent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../state/store.ts'
import { stageManifest } from './registry.ts'
import type { ScreenProps, StageProps } from './types.ts'

// React.lazy remembers a failed import for good; a retry needs a new lazy component. Cached per
// view and attempt so a re-render never starts a second download.
const lazyViews = new Map<string, unknown>()
function lazyView<P>(cacheKey: string, load: () => Promise<{ default: ComponentType<P> }>): LazyExoticComponent<ComponentType<P>> {
  let component = lazyViews.get(cacheKey) as LazyExoticComponent<ComponentType<P>> | undefined
  if (!component) {
    component = lazy(load)
    lazyViews.set(cacheKey, component)
  }
  return component
}

/**
 * Renders a stage's working view for a facilitator or participant, from its manifest
 * (`registry.ts`). A stage whose code cannot be fetched (Wi-Fi dropped before its first visit) or
 * that fails while rendering shows a calm message with "Try again" instead of taking the whole
 * page down.
 */
export function StageView(props: StageProps) {
  const { kind } = props.stage
  return (
    <Retrying
      render={(attempt) => {
        const Stage = lazyView(`${kind}:stage:${attempt}`, stageManifest(kind).load)
        return <Stage {...props} />
      }}
    />
  )
}

/** The projector's view of a stage (`Screen<Kind>.tsx`, its own chunk), loaded and guarded the same way. */
export function StageScreenView(props: ScreenProps) {
  const { kind } = props.stage
  return (
    <Retrying
      render={(attempt) => {
        const Screen = lazyView(`${kind}:screen:${attempt}`, stageManifest(kind).screen)
        return <Screen {...props} />
      }}
    />
  )
}

/** "Try again" remounts the view with a fresh lazy component (a new attempt). */
function Retrying({ render }: { render(attempt: number): ReactNode }) {
  const [attempt, setAttempt] = useState(0)
  return (
    <StageBoundary key={attempt} onRetry={() => setAttempt((a) => a + 1)}>
      <Suspense fallback={<StageLoading />}>{render(attempt)}</Suspense>
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

/** How long a stage's code may take before the page says it is loading. */
const LOADING_SHOWN_AFTER_MS = 400

/**
 * While a stage's code downloads: nothing for a moment (a fast load neither flashes nor is
 * announced), then a quiet line, so slow Wi-Fi never leaves an empty page under the header.
 */
function StageLoading() {
  const { t } = useTranslation()
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_SHOWN_AFTER_MS)
    return () => clearTimeout(timer)
  }, [])
  // The live region is there from the start, empty: text added to it later is what gets announced.
  return (
    <p className="stage-loading" role="status">
      {shown ? t('stageArea.loading') : ''}
    </p>
  )
}

function StageFailed({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation()
  // Its code failed to download while the device was offline: tried again by itself once the
  // connection is back (it stayed failed until someone noticed and pressed "Try again"). Only on
  // that change, so a stage failing for another reason is not retried in a loop.
  const connected = useStore((s) => s.connection.control.status === 'connected')
  const wasConnected = useRef(connected)
  useEffect(() => {
    if (connected && !wasConnected.current) onRetry()
    wasConnected.current = connected
  }, [connected, onRetry])
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
