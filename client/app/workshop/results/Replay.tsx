import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { setScreenShow } from '../../../../shared/doc/index.ts'
import type { ReplayFrame } from '../../../../shared/history/index.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { Switch } from '../../../ui/Switch.tsx'
import { ReplayBoard } from './ReplayBoard.tsx'
import { TrendStory } from './TrendStory.tsx'
import { useReplayFrames } from './useReplayFrames.ts'
import { formatClock } from '../../../i18n/formatClock.ts'
import './results.css'

/** Seconds each moment stays on while playing. */
const SPEEDS = [4, 2, 1] as const

/**
 * "How did we get here": the workshop's history played back, moment by moment (a snapshot every
 * few minutes, and at each stage change, reveal and close of voting). A timeline to scrub, stage
 * marks to jump to, play at a chosen speed, the same on the projector when switched on, and one
 * trend followed from its first signal to its assessment.
 */
export function Replay() {
  const { state, reload } = useReplayFrames()
  const { t } = useTranslation()
  if (state.kind === 'loading')
    return (
      <p className="results-note" role="status">
        {t('results.replay.loading')}
      </p>
    )
  if (state.kind === 'failed')
    return (
      <p className="callout callout--error" role="alert">
        {t('results.replay.failed')}{' '}
        <button type="button" className="button button--ghost results-button--small" onClick={reload}>
          {t('results.retry')}
        </button>
      </p>
    )
  if (state.frames.length === 0) return <p className="results-note">{t('results.replay.none')}</p>
  return <ReplayPlayer frames={state.frames} onReload={reload} />
}

function ReplayPlayer({ frames, onReload }: { frames: readonly ReplayFrame[]; onReload(): void }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const { control } = useWorkshopDocs()
  const [index, setIndex] = useState(0)
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(2)
  const [trendId, setTrendId] = useState<string | null>(null)
  const onScreen = useStore((s) => s.control?.screenShow?.kind === 'replay')
  const at = Math.min(index, frames.length - 1)
  const frame = frames[at]!

  // Playing steps through the moments and stops at the last one.
  useEffect(() => {
    if (!playing) return
    if (at >= frames.length - 1) {
      setPlaying(false)
      return
    }
    const timer = setTimeout(() => setIndex(at + 1), speed * 1000)
    return () => clearTimeout(timer)
  }, [playing, at, speed, frames.length])

  // The projector follows the moment and the trend while the switch is on.
  useEffect(() => {
    if (control && onScreen) setScreenShow(control, { kind: 'replay', snapshotId: frame.id, trendId })
  }, [control, onScreen, frame.id, trendId])

  const stageMarks = useMemo(() => stageStarts(frames), [frames])
  const trends = useMemo(() => everyTrend(frames), [frames])
  const describeMoment = (f: ReplayFrame) =>
    t('results.replay.moment', { time: formatClock(f.at, i18n.language), stage: f.stage ? t(`stage.${f.stage.kind}.name`) : t('results.replay.notStarted') })

  return (
    <div className="replay">
      <div className="replay__controls">
        <button
          type="button"
          className="button button--primary"
          onClick={() => (at >= frames.length - 1 ? (setIndex(0), setPlaying(true)) : setPlaying(!playing))}
        >
          {playing ? t('results.replay.pause') : at >= frames.length - 1 ? t('results.replay.playFromStart') : t('results.replay.play')}
        </button>
        <label className="replay__speed ui-stack">
          <span>{t('results.replay.speed')}</span>
          <select className="input input--select" value={speed} onChange={(event) => setSpeed(Number(event.target.value) as (typeof SPEEDS)[number])}>
            {SPEEDS.map((seconds) => (
              <option key={seconds} value={seconds}>
                {t('results.replay.speedOption', { count: seconds })}
              </option>
            ))}
          </select>
        </label>
        {/* A button that looks like one: as a ghost button beside the speed it read as a label. */}
        <button type="button" className="button button--secondary results-button--small" onClick={onReload}>
          {t('results.replay.refresh')}
        </button>
      </div>
      <div className="replay__timeline ui-stack">
        <label htmlFor={`${id}-moment`} className="replay__label">
          {t('results.replay.timeline', { current: at + 1, total: frames.length })}
        </label>
        <input
          id={`${id}-moment`}
          className="replay__range"
          type="range"
          min={0}
          max={frames.length - 1}
          value={at}
          aria-valuetext={describeMoment(frame)}
          onChange={(event) => {
            setPlaying(false)
            setIndex(Number(event.target.value))
          }}
        />
        <ol className="replay__stages ui-list" aria-label={t('results.replay.stages')}>
          {stageMarks.map((mark) => (
            <li key={mark.index}>
              <button
                type="button"
                className={`replay__stage ui-frame${frame.stage?.id === mark.stageId ? ' is-current' : ''}`}
                onClick={() => setIndex(mark.index)}
                aria-current={frame.stage?.id === mark.stageId ? 'step' : undefined}
              >
                <span>{t(`stage.${mark.kind}.name`)}</span>
                <span className="replay__stage-time">{formatClock(mark.at, i18n.language)}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="replay__options">
        <label className="replay__follow ui-stack">
          <span>{t('results.replay.follow')}</span>
          <select className="input input--select" value={trendId ?? ''} onChange={(event) => setTrendId(event.target.value || null)}>
            <option value="">{t('results.replay.followNone')}</option>
            {trends.map((trend) => (
              <option key={trend.id} value={trend.id}>
                {trend.name.trim() || t('results.wheel.unnamedTrend')}
              </option>
            ))}
          </select>
        </label>
        <Switch
          checked={onScreen}
          disabled={!control}
          onChange={(next) => control && setScreenShow(control, next ? { kind: 'replay', snapshotId: frame.id, trendId } : null)}
          label={t('results.replay.onScreen')}
          hint={t('results.replay.onScreenHint')}
        />
      </div>
      <div className={`replay__view${trendId ? ' replay__view--with-story' : ''}`} aria-live="off">
        <ReplayBoard frame={frame} highlightTrendId={trendId} />
        {trendId && <TrendStory frames={frames} trendId={trendId} now={frame.at} />}
      </div>
    </div>
  )
}

/** The first moment of each stretch on one stage, for the stage marks under the timeline. */
export function stageStarts(frames: readonly ReplayFrame[]): { index: number; at: number; stageId: string; kind: NonNullable<ReplayFrame['stage']>['kind'] }[] {
  const marks: { index: number; at: number; stageId: string; kind: NonNullable<ReplayFrame['stage']>['kind'] }[] = []
  frames.forEach((frame, index) => {
    if (frame.stage && frame.stage.id !== marks.at(-1)?.stageId) marks.push({ index, at: frame.at, stageId: frame.stage.id, kind: frame.stage.kind })
  })
  return marks
}

/** Every trend that ever existed, with its latest name, in order of first appearance. */
function everyTrend(frames: readonly ReplayFrame[]): { id: string; name: string }[] {
  const names = new Map<string, string>()
  for (const frame of frames) for (const trend of frame.trends) names.set(trend.id, trend.name)
  return [...names].map(([id, name]) => ({ id, name }))
}
