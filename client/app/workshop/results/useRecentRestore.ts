import { useEffect, useState } from 'react'
import type { LastRestore } from '../../../../shared/schema/session.ts'
import { useStore } from '../../../state/store.ts'
import { serverNow } from '../../../sync/clock.ts'

/**
 * How long a restore is news: its notice shows, and History offers to undo it. Undoing later
 * would throw away what the room did since, for a board it has long moved past.
 */
export const RESTORE_RECENT_MS = 15 * 60_000

/**
 * The room's last restore while it is recent, measured on the server's clock (the restore's time
 * is the server's: a laptop's clock 15 minutes fast never offered the undo); null after that.
 */
export function useRecentRestore(): NonNullable<LastRestore> | null {
  const restore = useStore((s) => s.control?.lastRestore ?? null)
  const [expired, setExpired] = useState<number | null>(null)
  const at = restore?.at ?? null
  useEffect(() => {
    if (at === null) return
    const left = at + RESTORE_RECENT_MS - serverNow()
    if (left <= 0) return setExpired(at)
    const timer = setTimeout(() => setExpired(at), left)
    return () => clearTimeout(timer)
  }, [at])
  return restore && restore.at !== expired ? restore : null
}
