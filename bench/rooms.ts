import type { ServerChild } from './child.ts'
import { percentile } from './report.ts'
import { Swarm, type Endpoint } from './swarm.ts'

/**
 * Many small workshops on one server: ROOM_COUNT rooms of ROOM_CLIENTS stock clients each (a
 * school's classes, a conference's breakout groups), one writer per room at ROOM_RATE updates/s,
 * all rooms at once. Reports fan-out latency (sender to every other client in its room), the
 * server's CPU per delivery and its memory with every room open.
 */
export const ROOM_COUNT = Number(process.env.BENCH_ROOM_COUNT ?? 100)
export const ROOM_CLIENTS = Number(process.env.BENCH_ROOM_CLIENTS ?? 20)
const ROOM_RATE = 2
const MEASURE_MS = 4_000

export interface RoomsResult {
  p50Ms: number
  p99Ms: number
  /** Deliveries that never arrived, of all expected. */
  missing: number
  cpuMicrosPerDelivery: number
  rssMb: number
  heapMb: number
}

export async function manyRooms(endpoints: readonly Endpoint[], server: ServerChild): Promise<RoomsResult> {
  const swarms: Swarm[] = []
  try {
    // One room at a time: the join storm is a row of its own.
    for (const endpoint of endpoints) swarms.push(await Swarm.connect(endpoint, ROOM_CLIENTS, 120_000))
    // A warm-up round for the JIT of both servers, not measured.
    await Promise.all(swarms.map((swarm) => swarm.run(ROOM_RATE, 1_000, 1)))
    const before = await server.phase('start')
    const results = await Promise.all(swarms.map((swarm) => swarm.run(ROOM_RATE, MEASURE_MS, 1)))
    const after = await server.phase('end')
    const latencies = Float64Array.from(results.flatMap((r) => r.latenciesMs)).sort()
    return {
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      missing: results.reduce((sum, r) => sum + r.missing, 0),
      cpuMicrosPerDelivery: (after.user + after.system - before.user - before.system) / Math.max(1, latencies.length),
      rssMb: after.rss / 2 ** 20,
      heapMb: after.heapUsed / 2 ** 20,
    }
  } finally {
    for (const swarm of swarms) swarm.destroy()
  }
}
