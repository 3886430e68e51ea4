import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HostReport, HostRequest } from './swarmHost.ts'
import { Swarm, type Clients, type Endpoint, type PhaseResult } from './swarm.ts'

const here = dirname(fileURLToPath(import.meta.url))

/** Swarms of at least this many clients are split over child processes (BENCH_SPLIT_FROM). */
const SPLIT_FROM = Number(process.env.BENCH_SPLIT_FROM ?? 500)
/** How many child processes a split swarm uses (BENCH_SWARM_PROCESSES). */
const PROCESSES = Number(process.env.BENCH_SWARM_PROCESSES ?? 4)

/** `count` stock clients in one room: in this process, or split over child processes from SPLIT_FROM on. */
export function connectSwarm(endpoint: Endpoint, count: number, timeoutMs = 60_000): Promise<Clients> {
  if (count < SPLIT_FROM || PROCESSES < 2) return Swarm.connect(endpoint, count, timeoutMs)
  return RemoteSwarm.connect(endpoint, count, PROCESSES, timeoutMs)
}

interface Host {
  child: ChildProcess
  count: number
  /** Reports in arrival order: each request is answered once, in order. */
  next(): Promise<HostReport>
}

function startHost(count: number): Host {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'swarmHost.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Typed arrays and large arrays of numbers pass without JSON.
    serialization: 'advanced',
    detached: true,
  })
  const waiting: ((report: HostReport) => void)[] = []
  child.on('message', (report: HostReport) => waiting.shift()?.(report))
  child.once('exit', (code) => {
    for (const resolve of waiting.splice(0)) resolve({ type: 'failed', message: `swarm host exited with ${code}` })
  })
  return { child, count, next: () => new Promise((resolve) => waiting.push(resolve)) }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL')
  } catch {
    // ESRCH: already gone.
  }
}

/**
 * A swarm whose clients live in several child processes (bench/swarmHost.ts), all in one room.
 * The senders are the first host's first clients; every host records the arrivals at its own
 * clients on the machine's shared monotonic clock, so latencies are comparable across processes.
 */
export class RemoteSwarm implements Clients {
  drops = 0
  private nextSeq = 0

  private constructor(private readonly hosts: Host[]) {}

  static async connect(endpoint: Endpoint, count: number, processes: number, timeoutMs: number): Promise<RemoteSwarm> {
    const sizes = Array.from({ length: processes }, (_, i) => Math.floor(count / processes) + (i < count % processes ? 1 : 0)).filter((n) => n > 0)
    const hosts = sizes.map(startHost)
    const swarm = new RemoteSwarm(hosts)
    const answers = await Promise.all(
      hosts.map((host) => {
        const answer = host.next()
        send(host, { type: 'connect', endpoint, count: host.count, timeoutMs })
        return answer
      }),
    )
    const failed = answers.find((answer) => answer.type === 'failed')
    if (failed?.type === 'failed') {
      swarm.destroy()
      throw new Error(failed.message)
    }
    return swarm
  }

  async run(rate: number, durationMs: number, senders: number): Promise<PhaseResult> {
    const firstSeq = this.nextSeq
    const reports = await Promise.all(
      this.hosts.map((host, i) => {
        const answer = host.next()
        const sends = i === 0
        send(host, { type: 'run', rate, durationMs, senders, share: { firstSeq, sends, receiversPerUpdate: sends ? host.count - 1 : host.count } })
        return answer
      }),
    )
    const results: PhaseResult[] = []
    let busiest = 0
    this.drops = 0
    for (const report of reports) {
      if (report.type !== 'ran') throw new Error(report.type === 'failed' ? report.message : 'swarm host answered out of turn')
      results.push(report.result)
      busiest = Math.max(busiest, report.cpuMicros)
      this.drops += report.drops
    }
    this.nextSeq = firstSeq + results[0]!.sent
    return {
      sent: results[0]!.sent,
      latenciesMs: results.flatMap((result) => result.latenciesMs),
      missing: results.reduce((sum, result) => sum + result.missing, 0),
      busiestClientCpuMicros: busiest,
    }
  }

  destroy(): void {
    for (const host of this.hosts) {
      if (host.child.connected) send(host, { type: 'destroy' })
      // A host that does not exit on its own within a second is killed with everything it holds.
      setTimeout(() => killGroup(host.child), 1_000).unref()
    }
  }
}

function send(host: Host, request: HostRequest): void {
  host.child.send(request)
}
