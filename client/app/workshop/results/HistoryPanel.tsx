import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { Dialog, InlineConfirm, useAnnounce } from '../../../ui/index.ts'
import { fetchHistory, restoreSnapshot, takeSnapshot, type HistorySnapshotInfo } from './resultsApi.ts'
import { ReplayBoard } from './ReplayBoard.tsx'
import { useReplayFrames } from './useReplayFrames.ts'
import { formatClock } from '../../../i18n/formatClock.ts'
import { useCredentials } from './useResults.ts'
import { useRecentRestore } from './useRecentRestore.ts'
import './results.css'

type ListState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; snapshots: readonly HistorySnapshotInfo[] }

/**
 * The facilitator's history of the board: every snapshot (time, why it was taken, how much was
 * on the board), a read-only preview, Restore (asks once; everyone sees the board change and a
 * notice), and Undo restore right after. Self-contained: it fits a drawer.
 */
export function HistoryPanel() {
  const { t, i18n } = useTranslation()
  const announce = useAnnounce()
  const credentials = useCredentials()
  const [list, setList] = useState<ListState>({ kind: 'loading' })
  const [previewId, setPreviewId] = useState<number | null>(null)
  const lastRestore = useUndoableRestore()
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState(false)

  const load = useCallback(async () => {
    if (!credentials) return
    try {
      const snapshots = await fetchHistory(credentials)
      setList({ kind: 'ready', snapshots })
    } catch {
      setList({ kind: 'failed' })
    }
  }, [credentials])

  useEffect(() => {
    void load()
  }, [load])

  const act = async (work: () => Promise<void>) => {
    setWorking(true)
    setProblem(false)
    try {
      await work()
    } catch {
      setProblem(true)
    } finally {
      setWorking(false)
      void load()
    }
  }

  const restore = (snapshot: HistorySnapshotInfo) =>
    act(async () => {
      if (!credentials) return
      await restoreSnapshot(credentials, snapshot.id)
      announce(t('results.history.restored', { time: formatClock(snapshot.createdAt, i18n.language) }))
    })

  const undo = () =>
    act(async () => {
      if (!credentials || !lastRestore) return
      await restoreSnapshot(credentials, lastRestore.undoSnapshotId)
      announce(t('results.history.undone'))
    })

  const save = () =>
    act(async () => {
      if (!credentials) return
      await takeSnapshot(credentials)
      announce(t('results.history.saved'))
    })

  return (
    <div className="results-panel ui-stack history">
      <p className="results-note">{t('results.history.lead')}</p>
      {lastRestore && (
        <div className="history__undo" role="status">
          <p>{t('results.history.restored', { time: formatClock(lastRestore.snapshotAt, i18n.language) })}</p>
          <button type="button" className="button button--secondary" onClick={() => void undo()} disabled={working}>
            {t('results.history.undo')}
          </button>
        </div>
      )}
      <div className="results-actions">
        <button type="button" className="button button--secondary" onClick={() => void save()} disabled={working || !credentials}>
          {t('results.history.saveNow')}
        </button>
      </div>
      {problem && (
        <p className="callout callout--error" role="alert">
          {t('results.history.failedAction')}
        </p>
      )}
      {list.kind === 'loading' && (
        <p className="results-note" role="status">
          {t('results.history.loading')}
        </p>
      )}
      {list.kind === 'failed' && (
        <p className="callout callout--error" role="alert">
          {t('results.history.failed')}
        </p>
      )}
      {list.kind === 'ready' && list.snapshots.length === 0 && <p className="results-note">{t('results.history.none')}</p>}
      {list.kind === 'ready' && list.snapshots.length > 0 && (
        <ol className="history__list ui-list" aria-label={t('results.history.listLabel')}>
          {list.snapshots.map((snapshot) => {
            const time = formatClock(snapshot.createdAt, i18n.language)
            return (
              <li key={snapshot.id} className="history__item ui-toolbar">
                <div className="history__what">
                  <p className="history__time">
                    <strong>{time}</strong>{' '}
                    <span className="history__reason">{t(`results.history.reason.${snapshot.reason}`, { defaultValue: snapshot.reason })}</span>
                  </p>
                  <p className="history__counts">{countsOf(snapshot, t)}</p>
                </div>
                <div className="history__buttons">
                  <button
                    type="button"
                    className="button button--ghost results-button--small"
                    onClick={() => setPreviewId(snapshot.id)}
                    aria-label={t('results.history.previewOne', { time })}
                  >
                    {t('results.history.preview')}
                  </button>
                  <RestoreButton time={time} disabled={working} onRestore={() => void restore(snapshot)} />
                </div>
              </li>
            )
          })}
        </ol>
      )}
      <SnapshotPreview
        snapshot={list.kind === 'ready' ? (list.snapshots.find((snapshot) => snapshot.id === previewId) ?? null) : null}
        working={working}
        onRestore={(snapshot) => {
          setPreviewId(null)
          void restore(snapshot)
        }}
        onClose={() => setPreviewId(null)}
      />
    </div>
  )
}

/**
 * The room's last restore while it may be undone: recent (`useRecentRestore`) and not itself an
 * undo. Read from the control document, so a reload or a second facilitator's laptop offers it too.
 */
function useUndoableRestore(): { snapshotAt: number; undoSnapshotId: number } | null {
  const restore = useRecentRestore()
  if (!restore || restore.undo || restore.undoSnapshotId === undefined) return null
  return { snapshotAt: restore.snapshotAt, undoSnapshotId: restore.undoSnapshotId }
}

/**
 * What a snapshot held, for choosing among them: the wheels' consequences and the takeaways only
 * once there are some (the snapshots of the end differ in them; the early ones would only list
 * zeros).
 */
function countsOf(snapshot: HistorySnapshotInfo, t: TFunction): string {
  return [
    t('results.counts.signals', { count: snapshot.signals }),
    t('results.counts.trends', { count: snapshot.trends }),
    snapshot.wheelNodes ? t('results.counts.wheelNodes', { count: snapshot.wheelNodes }) : null,
    t('results.counts.stories', { count: snapshot.stories }),
    t('results.counts.words', { count: snapshot.words }),
    snapshot.takeaways ? t('results.counts.takeaways', { count: snapshot.takeaways }) : null,
  ]
    .filter((part) => part !== null)
    .join(' · ')
}

/** "Restore", asking once; in the list and in the preview, where the choice is made looking at the board. */
function RestoreButton({ time, disabled, onRestore }: { time: string; disabled: boolean; onRestore(): void }) {
  const { t } = useTranslation()
  return (
    <InlineConfirm
      question={t('results.history.confirm', { time })}
      confirmLabel={t('results.history.restore')}
      cancelLabel={t('results.history.keep')}
      onConfirm={onRestore}
      trigger={(open, ref) => (
        <button
          ref={ref}
          type="button"
          className="button button--secondary results-button--small"
          onClick={open}
          disabled={disabled}
          aria-label={t('results.history.restoreOne', { time })}
        >
          {t('results.history.restore')}
        </button>
      )}
    />
  )
}

/** A snapshot's board, read-only, in a dialog, with Restore under it. */
function SnapshotPreview({
  snapshot,
  working,
  onRestore,
  onClose,
}: {
  snapshot: HistorySnapshotInfo | null
  working: boolean
  onRestore(snapshot: HistorySnapshotInfo): void
  onClose(): void
}) {
  const { t, i18n } = useTranslation()
  const { state } = useReplayFrames(snapshot !== null)
  const frame = state.kind === 'ready' ? state.frames.find((f) => f.id === snapshot?.id) : undefined
  return (
    <Dialog
      open={snapshot !== null}
      onClose={onClose}
      title={t('results.history.previewTitle')}
      description={t('results.history.previewDescription')}
      size="large"
    >
      {state.kind === 'loading' && (
        <p className="results-note" role="status">
          {t('results.history.loading')}
        </p>
      )}
      {state.kind === 'failed' && <p className="callout callout--error">{t('results.history.failed')}</p>}
      {frame && <ReplayBoard frame={frame} />}
      {snapshot && (
        <div className="results-actions history__preview-actions">
          <RestoreButton time={formatClock(snapshot.createdAt, i18n.language)} disabled={working} onRestore={() => onRestore(snapshot)} />
        </div>
      )}
    </Dialog>
  )
}
