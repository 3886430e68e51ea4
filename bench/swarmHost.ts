import { Swarm, type Endpoint, type PhaseResult, type Share } from './swarm.ts'

/**
 * A child process holding part of a swarm (see RemoteSwarm): hundreds of stock clients in one
 * process queue behind each other on its one event loop, and that queueing, not the server, then
 * sets the latencies measured.
 */
export type HostRequest =
  | { type: 'connect'; endpoint: Endpoint; count: number; timeoutMs: number }
  | { type: 'run'; rate: number; durationMs: number; senders: number; share: Share }
  | { type: 'destroy' }
export type HostReport = { type: 'connected' } | { type: 'failed'; message: string } | { type: 'ran'; result: PhaseResult; cpuMicros: number; drops: number }

let swarm: Swarm | undefined
const report = (message: HostReport) => process.send?.(message)

process.on('message', (request: HostRequest) => {
  if (request.type === 'connect') {
    Swarm.connect(request.endpoint, request.count, request.timeoutMs).then(
      (connected) => {
        swarm = connected
        report({ type: 'connected' })
      },
      (error: unknown) => report({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
  } else if (request.type === 'run') {
    const before = process.cpuUsage()
    void swarm!.run(request.rate, request.durationMs, request.senders, request.share).then((result) => {
      const cpu = process.cpuUsage(before)
      report({ type: 'ran', result, cpuMicros: cpu.user + cpu.system, drops: swarm!.drops })
    })
  } else {
    swarm?.destroy()
    process.exit(0)
  }
})
// The parent died or let go of us: never linger holding sockets.
process.on('disconnect', () => process.exit(0))
