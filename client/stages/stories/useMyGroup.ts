import { useCallback, useMemo, useState } from 'react'
import { useStore } from '../../state/store.ts'
import { preferredGroupId } from './storiesModel.ts'
import { useGroups, useWheelNodes } from './useStoriesData.ts'

const storageKey = (workshopId: string) => `s2s:stories:group:${workshopId}`

function readRemembered(workshopId: string | null): string | null {
  if (!workshopId) return null
  try {
    return localStorage.getItem(storageKey(workshopId))
  } catch {
    return null
  }
}

/**
 * The group this person works with (see `preferredGroupId`), and `remember(groupId)` to call when
 * they open a group's story: the choice is kept on this device for the workshop.
 */
export function useMyGroup(): { myGroupId: string | null; remember(groupId: string | null): void } {
  const workshopId = useStore((s) => s.session?.workshopId ?? null)
  const participantId = useStore((s) => s.participant?.id ?? null)
  const groups = useGroups()
  const wheelNodes = useWheelNodes()
  const [remembered, setRemembered] = useState(() => readRemembered(workshopId))

  const remember = useCallback(
    (groupId: string | null) => {
      if (!groupId || !workshopId) return
      setRemembered(groupId)
      try {
        localStorage.setItem(storageKey(workshopId), groupId)
      } catch {
        // Not remembered past this page; the list order is a convenience only.
      }
    },
    [workshopId],
  )

  const myGroupId = useMemo(() => preferredGroupId({ groups, remembered, wheelNodes, participantId }), [groups, remembered, wheelNodes, participantId])
  return { myGroupId, remember }
}
