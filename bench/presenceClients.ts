import { connectPresenceClients, cursorMover } from './presence.ts'

/**
 * A child process holding part of the presence bench's clients (bench/presence.ts): 200 or 500
 * stock clients in the bench's one process queued behind each other on its event loop, which
 * delayed their receipt (the reference's and ours alike) more than either server did.
 */
export type PresenceRequest =
  | { type: 'connect'; url: string; room: string; params: Record<string, string>; first: number; count: number; clients: number }
  | { type: 'measure'; on: boolean }
  | { type: 'stop' }
export type PresenceReport = { type: 'connected' } | { type: 'failed'; message: string } | { type: 'measured'; sent: number; cpuMicros: number }

let mover: ReturnType<typeof cursorMover> | undefined
let cpuBefore = process.cpuUsage()
const report = (message: PresenceReport) => process.send?.(message)

process.on('message', (request: PresenceRequest) => {
  if (request.type === 'connect') {
    connectPresenceClients(request.url, request.room, request.params, request.count).then(
      (providers) => {
        mover = cursorMover(providers, request.first, request.clients)
        report({ type: 'connected' })
      },
      (error: unknown) => report({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
  } else if (request.type === 'measure') {
    if (request.on) cpuBefore = process.cpuUsage()
    const sent = mover!.measure(request.on)
    if (request.on) return
    const cpu = process.cpuUsage(cpuBefore)
    report({ type: 'measured', sent, cpuMicros: cpu.user + cpu.system })
  } else {
    mover?.stop()
    process.exit(0)
  }
})
// The parent died or let go of us: never linger holding sockets.
process.on('disconnect', () => process.exit(0))
