/**
 * What a screen reader hears during a drag (dnd-kit's live region), in the person's language.
 * Names are read from the latest snapshot at the moment of speaking.
 */
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core'
import type { TFunction } from 'i18next'
import { useStore } from '../../../state/store.ts'
import { carriedFromWhereItIsNow, decideDrop, isCardDrag, isDropTarget, standingOn, type DropTarget } from './dropDecision.ts'

interface Named {
  data: { current?: unknown }
}

export function screenReaderInstructions(t: TFunction): ScreenReaderInstructions {
  return { draggable: t('trends.dnd.instructions') }
}

export function createAnnouncements(t: TFunction): Announcements {
  const names = () => {
    const board = useStore.getState().board
    return {
      card: (signalId: string) => board?.signals.get(signalId)?.title ?? '',
      trend: (trendId: string) => board?.trends.get(trendId)?.name || t('trends.unnamed'),
    }
  }
  // What was picked up, kept for the whole drag: someone else may move the card meanwhile, and
  // dnd-kit then loses its data (the card left the spot it was dragged from).
  let carried: unknown = null
  const dragged = (active: Named) => {
    if (active.data.current !== undefined || !isCardDrag(carried)) return active.data.current ?? carried
    return carriedFromWhereItIsNow(carried, standingOn(useStore.getState().board))
  }
  const cardOf = (active: Named) => {
    const data = dragged(active)
    return isCardDrag(data) ? names().card(data.signalId) : ''
  }
  const describeTarget = (target: DropTarget) => {
    const name = names()
    switch (target.kind) {
      case 'trend':
        return t('trends.dnd.overTrend', { trend: name.trend(target.trendId) })
      case 'unsorted':
        return t('trends.dnd.overUnsorted')
      case 'card':
        return t('trends.dnd.overCard', { card: name.card(target.signalId) })
    }
  }

  return {
    onDragStart: ({ active }) => {
      carried = active.data.current
      return t('trends.dnd.pickedUp', { card: cardOf(active) })
    },
    onDragOver: ({ active, over }) => {
      const target = over?.data.current
      return isDropTarget(target) ? describeTarget(target) : t('trends.dnd.overNothing', { card: cardOf(active) })
    },
    onDragEnd: ({ active, over }) => {
      const command = decideDrop(dragged(active), over?.data.current)
      const name = names()
      switch (command.kind) {
        case 'none':
          return t('trends.dnd.droppedNowhere', { card: cardOf(active) })
        case 'move':
          return command.toTrendId === null
            ? t('trends.announce.movedToUnsorted', { card: name.card(command.signalId) })
            : t('trends.announce.moved', { card: name.card(command.signalId), trend: name.trend(command.toTrendId) })
        case 'createTrend':
          return t('trends.dnd.created', { card: name.card(command.draggedSignalId), other: name.card(command.targetSignalId) })
      }
    },
    onDragCancel: ({ active }) => t('trends.dnd.cancelled', { card: cardOf(active) }),
  }
}
