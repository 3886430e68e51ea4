import { memo, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrivateCount } from '../../../shared/schema/session.ts'
import { usePersonColor } from '../../identity/useMyColor.ts'
import { PersonChip } from '../../ui/index.ts'

interface PrivatePaceProps {
  counts: Readonly<Record<string, PrivateCount>>
  /** This person's own count is shown as their cards, not as face-down tiles. */
  selfId: string | null
  /** Hide "Anna:" and show the tiles only (the projector while names stay hidden). */
  anonymous?: boolean
}

/** At most this many tiles per person: a stack, not a second wall. */
const MAX_TILES = 6

export interface PaceRow {
  participantId: string
  name: string
  count: number
}

/** Other people's private counts, busiest first, those with no cards left out. */
export function paceRows(counts: Readonly<Record<string, PrivateCount>>, selfId: string | null): PaceRow[] {
  return Object.entries(counts)
    .filter(([participantId, entry]) => participantId !== selfId && entry.count > 0)
    .map(([participantId, entry]) => ({ participantId, name: entry.name, count: entry.count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}

/**
 * While the group writes privately, everyone sees the pace, not the content (as in Parabol):
 * each person's cards as face-down tiles with "Anna: 3 cards". The counts come from the server,
 * which reads the drafts; the cards themselves never leave their author's draft until the reveal.
 */
export const PrivatePace = memo(function PrivatePace({ counts, selfId, anonymous = false }: PrivatePaceProps) {
  const { t } = useTranslation()
  const id = useId()
  const rows = useMemo(() => paceRows(counts, selfId), [counts, selfId])
  const total = rows.reduce((sum, row) => sum + row.count, 0)

  return (
    <section className="private-pace ui-stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="private-pace__heading">
        {selfId === null ? t('signals.private.paceAll', { count: total }) : t('signals.private.paceOthers', { count: total })}
      </h3>
      {rows.length === 0 ? (
        <p className="private-pace__none">{t('signals.private.nobodyYet')}</p>
      ) : (
        <ul className="private-pace__list ui-list">
          {rows.map((row) => (
            <li key={row.participantId} className="private-pace__person">
              <span className="private-pace__tiles" aria-hidden="true">
                {Array.from({ length: Math.min(row.count, MAX_TILES) }, (_, i) => (
                  <span key={i} className="face-down-tile" />
                ))}
              </span>
              <span className="private-pace__who ui-stack">
                {!anonymous && <PaceChip participantId={row.participantId} name={row.name} />}
                <span className="private-pace__count">{t('signals.private.cards', { count: row.count })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})

/** The person's presence colour, as their cards and the people list show it. */
function PaceChip({ participantId, name }: { participantId: string; name: string }) {
  return <PersonChip name={name} color={usePersonColor(participantId)} size="small" />
}
