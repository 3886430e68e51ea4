import * as Y from 'yjs'

/**
 * A catch-up's answer in slices. After the Redis link returns, an instance reads each open room
 * back from the store; the rows are checked and merged in a worker, but the room's own document
 * must still integrate what it lacks on this thread, and integrating is where Yjs' cost lies:
 * hundreds of writers at each of many positions (what the guard admits, row by row) cost
 * hundreds of milliseconds in one piece. Sliced by client, a slice costs its structs times the
 * writers at their positions, which the guard caps, and the event loop runs between slices.
 */

/**
 * At most this many clients in a slice, and this many clock units (characters, map entries) in
 * all unless the slice is one client's alone: one person's long run is cheap however long.
 */
const SLICE_CLIENTS = 4
const SLICE_CLOCKS = 240
/** Slices applied in one event-loop turn before the loop gets a turn of its own. */
const TURN_MS = 20

/**
 * Runs in the load pool's worker: what `doc` holds beyond the state vector `since`, as updates of
 * a few clients each. Clients go highest first, the order Yjs itself integrates them in, so a
 * slice seldom waits for a later one; when one does, Yjs keeps it pending and applies it with the
 * slice it waited for. Each slice carries the delete set (Yjs applies what it can and keeps the
 * rest), so the last one leaves the room exactly as one whole update would.
 */
export function slicesSince(doc: Y.Doc, since: Uint8Array): Uint8Array[] {
  const theirs = Y.decodeStateVector(since)
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc))
  const lacking = [...ours.keys()].filter((client) => ours.get(client)! > (theirs.get(client) ?? 0)).sort((a, b) => b - a)
  if (lacking.length <= SLICE_CLIENTS) return [Y.encodeStateAsUpdate(doc, since)]
  const groups: number[][] = []
  let group: number[] = []
  let clocks = 0
  for (const client of lacking) {
    const more = ours.get(client)! - (theirs.get(client) ?? 0)
    if (group.length > 0 && (group.length === SLICE_CLIENTS || clocks + more > SLICE_CLOCKS)) {
      groups.push(group)
      group = []
      clocks = 0
    }
    group.push(client)
    clocks += more
  }
  groups.push(group)
  return groups.map((clients) => {
    // The other lacking clients counted as known: the slice holds only these clients' structs.
    const known = new Map(theirs)
    for (const client of lacking) if (!clients.includes(client)) known.set(client, ours.get(client)!)
    return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(known))
  })
}

/** Applies the slices in order, letting the event loop run once a turn has taken `TURN_MS`. */
export async function applySlices(doc: Y.Doc, slices: readonly Uint8Array[], origin: unknown): Promise<void> {
  let turnStarted = performance.now()
  for (const slice of slices) {
    if (performance.now() - turnStarted >= TURN_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      turnStarted = performance.now()
    }
    Y.applyUpdate(doc, slice, origin)
  }
}
