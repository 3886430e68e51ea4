import { useMemo } from 'react'
import { sortedByOrder } from '../../../shared/doc/index.ts'
import type { Theme } from '../../../shared/schema/meta.ts'
import type { Participant } from '../../../shared/schema/participant.ts'
import type { PrivateCount } from '../../../shared/schema/session.ts'
import type { Signal } from '../../../shared/schema/signal.ts'
import { selectParticipants, selectThemes } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'

const NO_SIGNALS: readonly Signal[] = Object.freeze([])
const NO_COUNTS: Readonly<Record<string, PrivateCount>> = Object.freeze({})

export interface WallData {
  /** False until the board snapshot exists (then an empty wall really is empty). */
  loaded: boolean
  /** Board signals in wall order; same array until signals change. */
  signals: readonly Signal[]
  themes: readonly Theme[]
  themeLabels: ReadonlyMap<string, string>
  participants: ReadonlyMap<string, Participant>
  privateOn: boolean
  hideNames: boolean
  revealSeq: number
  privateCounts: Readonly<Record<string, PrivateCount>>
  locked: boolean
}

/** Everything the signal wall reads from the store, each through its own narrow selector. */
export function useWallData(): WallData {
  const signalMap = useStore((s) => s.board?.signals ?? null)
  const themes = useStore(selectThemes)
  const participants = useStore(selectParticipants)
  const privateOn = useStore((s) => s.control?.privateMode.on ?? false)
  const hideNames = useStore((s) => s.control?.privateMode.hideNamesAfterReveal ?? false)
  const revealSeq = useStore((s) => s.control?.privateMode.revealSeq ?? 0)
  const privateCounts = useStore((s) => s.control?.privateCounts ?? NO_COUNTS)
  const locked = useStore((s) => s.control?.locked ?? false)

  // sortedByOrder caches per map object: the same signals give the same array.
  const signals = signalMap ? sortedByOrder(signalMap) : NO_SIGNALS
  const themeLabels = useMemo(() => new Map(themes.map((theme) => [theme.id, theme.label])), [themes])
  return { loaded: signalMap !== null, signals, themes, themeLabels, participants, privateOn, hideNames, revealSeq, privateCounts, locked }
}
