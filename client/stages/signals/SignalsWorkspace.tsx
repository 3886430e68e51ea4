import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countByCategory, sortedByOrder } from '../../../shared/doc/index.ts'
import type { Role } from '../../../shared/protocol.ts'
import type { Signal, SignalPatch } from '../../../shared/schema/signal.ts'
import { canContribute } from '../../../shared/permissions.ts'
import { withToolStrings } from '../../i18n/index.ts'
import { useAnnounce } from '../../ui/index.ts'
import { focusableOnce } from '../../ui/focusableOnce.ts'
import { AddSignalForm } from './AddSignalForm.tsx'
import { EmptyWall } from './EmptyWall.tsx'
import { PrivateArea } from './PrivateArea.tsx'
import { usePrivateDraft, type PrivateDraft } from './PrivateDraft.tsx'
import type { CardActions } from './SignalCard.tsx'
import { SignalWall } from './SignalWall.tsx'
import { useFreshIds } from './useFreshIds.ts'
import { useRevealAnnouncement } from './useRevealAnnouncement.ts'
import { useSignalCommands } from './useSignalCommands.ts'
import { useWallData } from './useWallData.ts'
import { WallFilters } from './WallFilters.tsx'
import { NO_FILTER, applyWallFilter, authorOptions, pruneFilter, themeChips, type WallFilterState } from './wallFilter.ts'
import { useViewer } from '../../state/useViewer.ts'
import { useContextStore, useDraftOwner } from '../../state/storeContext.ts'
import { keepUnsavedEdit, latestUnsavedEdit } from './unsavedEdit.ts'

// Seldom needed (an unsaved edit of a card deleted meanwhile): not part of the stage's first download.
const RemovedCardEdit = lazy(() => import('./RemovedCardEdit.tsx').then((m) => ({ default: m.RemovedCardEdit })))
// Only a facilitator has the signal bank and merges duplicates (by dropping a card on another):
// chunks of their own, never on a participant's phone.
const BankArea = lazy(withToolStrings(() => import('./bank/BankArea.tsx').then((m) => ({ default: m.BankArea }))))
const MergeDialog = lazy(() => import('./MergeDialog.tsx').then((m) => ({ default: m.MergeDialog })))

/** The signals stage for people who write: the add form, their private cards, and the wall. */
export function SignalsWorkspace({ role }: { role: Exclude<Role, 'screen'> }) {
  const { t } = useTranslation()
  const id = useId()
  const announce = useAnnounce()
  const data = useWallData()
  const draft = usePrivateDraft()
  const commands = useSignalCommands()
  const viewer = useViewer(role)
  useRevealAnnouncement(data.privateOn, data.revealSeq, role)

  // Filters are this person's view only; they never reach the document.
  const [filterState, setFilter] = useState<WallFilterState>(NO_FILTER)
  const chips = useMemo(() => themeChips(data.signals, data.themes), [data.signals, data.themes])
  const categoryCounts = useMemo(() => countByCategory(data.signals), [data.signals])
  const authors = useMemo(() => authorOptions(data.signals, data.participants), [data.signals, data.participants])
  const filter = pruneFilter(filterState, data.themes, authors)
  const shown = useMemo(() => applyWallFilter(data.signals, filter, data.themes), [data.signals, filter, data.themes])
  const draftSignals = sortedByOrder(draft.signals)
  const freshIds = useFreshIds(data.signals, data.loaded)

  // A card edit left unsaved by a reload or the stage moving on opens again (`unsavedEdit.ts`).
  const owner = useDraftOwner()
  const [editingId, setEditingId] = useState<string | null>(() => (owner ? latestUnsavedEdit(owner) : null))
  const editingRemoved = useEditedCardRemoved(editingId, data.signals, draft)
  const [mergeDropId, setMergeDropId] = useState<string | null>(null)
  const mergeDrop = mergeDropId === null ? null : (data.signals.find((signal) => signal.id === mergeDropId) ?? null)

  const commandsRef = useRef(commands)
  const ownerRef = useRef(owner)
  useEffect(() => {
    commandsRef.current = commands
    ownerRef.current = owner
  })
  // One stable object: memoised cards never re-render because a callback changed.
  const actions = useMemo<CardActions>(
    () => ({
      edit: setEditingId,
      merge: setMergeDropId,
      remove(signalId, isPrivate) {
        const landing = focusAfterRemoving(signalId)
        commandsRef.current.remove(signalId, isPrivate)
        // Deleted on purpose: an edit of it kept from before is not offered back as "a removed card".
        if (ownerRef.current) keepUnsavedEdit(ownerRef.current, signalId, null)
        announce(t('signals.card.deleted'))
        // The deleted card took the focused button with it: land on a neighbour, not on <body>.
        requestAnimationFrame(() => landing?.focus())
      },
    }),
    [announce, t],
  )
  const save = useCallback((signalId: string, patch: SignalPatch, isPrivate: boolean) => {
    commandsRef.current.update(signalId, patch, isPrivate)
  }, [])
  const closeEditor = useCallback(() => {
    setEditingId((current) => {
      // Back to the card's first button, where the person started.
      if (current) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-signal-id="${current}"] .signal-card__action`)?.focus())
      return null
    })
  }, [])
  const merge = useCallback(
    (keepId: string, dropId: string) => {
      if (commandsRef.current.merge(keepId, dropId)) announce(t('signals.merge.done'))
    },
    [announce, t],
  )

  const wallProps = {
    viewer,
    themes: data.themes,
    themeLabels: data.themeLabels,
    freshIds,
    editingId,
    actions,
    onSave: save,
    onCloseEditor: closeEditor,
    hideAuthors: data.hideNames,
  }
  const canAdd = canContribute(viewer)
  // "Added …" under the form is about a card still there: deleted, it says nothing more.
  const isOnBoard = useCallback(
    (signalId: string) => draft.signals.has(signalId) || data.signals.some((signal) => signal.id === signalId),
    [draft.signals, data.signals],
  )

  return (
    <div className="signals-stage">
      <div className="signals-stage__side">
        {canAdd ? (
          <AddSignalForm commands={commands} themes={data.themes} isOnBoard={isOnBoard} />
        ) : (
          // The facilitator's own lock is explained by the banner above the stage, with how to lift it.
          viewer.locked && viewer.role !== 'facilitator' && <p className="signals-stage__locked ui-note">{t('signals.locked')}</p>
        )}
        {editingRemoved && editingId && (
          <Suspense fallback={null}>
            <RemovedCardEdit key={editingId} signalId={editingId} themes={data.themes} commands={commands} onClose={closeEditor} />
          </Suspense>
        )}
        {viewer.role === 'facilitator' && (
          <Suspense fallback={null}>
            <BankArea themes={data.themes} />
          </Suspense>
        )}
      </div>

      <div className="signals-stage__main ui-stack">
        {data.privateOn && (
          <PrivateArea
            counts={data.privateCounts}
            selfId={viewer.participantId}
            mine={
              draftSignals.length > 0 ? <SignalWall {...wallProps} signals={draftSignals} label={t('signals.private.yourCards')} isPrivate hideAuthors /> : null
            }
          />
        )}

        <section className="wall-section ui-stack" aria-labelledby={`${id}-wall`}>
          <div className="wall-section__header">
            {/* Focus lands here when the last card on the wall is deleted (focusAfterRemoving). */}
            <h2 id={`${id}-wall`} className="wall-section__heading" tabIndex={-1}>
              {t('signals.wall.heading')}
            </h2>
            {data.signals.length > 0 && <span className="wall-section__count">{t('signals.wall.count', { count: data.signals.length })}</span>}
          </div>
          {data.signals.length > 0 && (
            <WallFilters
              filter={filter}
              onChange={setFilter}
              themeChips={chips}
              categoryCounts={categoryCounts}
              authors={authors}
              showAuthors={!data.hideNames}
              shown={shown.length}
              total={data.signals.length}
            />
          )}
          {data.signals.length === 0 ? (
            data.privateOn ? (
              <p className="wall-section__waiting ui-note">{t('signals.wall.waitingForReveal')}</p>
            ) : (
              data.loaded && <EmptyWall />
            )
          ) : shown.length === 0 ? (
            <p className="wall-section__no-match ui-note">{t('signals.wall.noMatch')}</p>
          ) : (
            <SignalWall {...wallProps} signals={shown} label={t('signals.wall.heading')} />
          )}
        </section>
      </div>

      {viewer.role === 'facilitator' && (
        <Suspense fallback={null}>
          <MergeDialog drop={mergeDrop} signals={data.signals} themeLabels={data.themeLabels} onMerge={merge} onClose={() => setMergeDropId(null)} />
        </Suspense>
      )}
    </div>
  )
}

/**
 * Whether the card being edited is gone from the wall and from this person's private cards:
 * deleted or merged away while the edit was unsaved. Known only once the documents it could be
 * in have synced with the server: until then it may just not have arrived yet.
 */
function useEditedCardRemoved(editingId: string | null, signals: readonly Signal[], draft: PrivateDraft): boolean {
  const synced = useContextStore((s) => s.connection.board.synced && (draft.doc === null || s.connection.draft.synced))
  return editingId !== null && synced && !draft.signals.has(editingId) && !signals.some((signal) => signal.id === editingId)
}

/**
 * Where focus lands when a card is deleted: the next card (or the one before), at its first button
 * or on the card itself, else the wall's heading. Never the add form's title at the top: a phone
 * jumped from the middle of a wall of sixty to the top and opened its keyboard, since the cards
 * around one's own are mostly other people's, with no button of theirs to land on.
 */
function focusAfterRemoving(signalId: string): HTMLElement | null {
  const item = document.querySelector(`[data-signal-id="${signalId}"]`)
  for (const neighbour of [item?.nextElementSibling, item?.previousElementSibling]) {
    if (!(neighbour instanceof HTMLElement)) continue
    const button = neighbour.querySelector<HTMLElement>('button')
    if (button) return button
    return focusableOnce(neighbour)
  }
  return document.querySelector<HTMLElement>('.wall-section__heading')
}
