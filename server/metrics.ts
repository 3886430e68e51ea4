import { LoopWatch } from './loopWatch.ts'

/**
 * Counters for `GET /metrics`, in Prometheus' text format. Plain numbers in one object: the hot
 * path increments a field, and rendering happens only when someone scrapes.
 */
export class Metrics {
  connections = 0
  rooms = 0
  messagesIn = 0
  messagesOut = 0
  bytesIn = 0
  bytesOut = 0
  readonly rejected = new Map<string, number>()
  storeWrites = 0
  storeWriteSeconds = 0
  storeWriteMaxSeconds = 0
  storeFailures = 0
  /** How long the event loop was blocked at worst: what every message's bounded cost is about. */
  readonly loop = new LoopWatch()

  /** Longest event-loop delay since start, in milliseconds. */
  get loopDelayMaxMs(): number {
    return this.loop.maxDelayMs
  }

  reject(reason: string): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1)
  }

  rejectedTotal(): number {
    let total = 0
    for (const count of this.rejected.values()) total += count
    return total
  }

  recordStoreWrite(seconds: number): void {
    this.storeWrites++
    this.storeWriteSeconds += seconds
    if (seconds > this.storeWriteMaxSeconds) this.storeWriteMaxSeconds = seconds
  }

  render(): string {
    const lines = [
      gauge('s2s_rooms_open', 'Documents loaded in memory', this.rooms),
      gauge('s2s_connections_open', 'Open WebSocket connections', this.connections),
      counter('s2s_messages_in_total', 'WebSocket messages received', this.messagesIn),
      counter('s2s_messages_out_total', 'WebSocket messages sent', this.messagesOut),
      counter('s2s_bytes_in_total', 'Bytes received in WebSocket messages', this.bytesIn),
      counter('s2s_bytes_out_total', 'Bytes sent in WebSocket messages', this.bytesOut),
      '# HELP s2s_rejected_messages_total Messages refused, by reason',
      '# TYPE s2s_rejected_messages_total counter',
      ...[...this.rejected].map(([reason, n]) => `s2s_rejected_messages_total{reason="${reason}"} ${n}`),
      '# HELP s2s_store_write_seconds Time spent writing batches of updates to the store',
      '# TYPE s2s_store_write_seconds summary',
      `s2s_store_write_seconds_sum ${this.storeWriteSeconds}`,
      `s2s_store_write_seconds_count ${this.storeWrites}`,
      gauge('s2s_store_write_max_seconds', 'Slowest store write since start', this.storeWriteMaxSeconds),
      counter('s2s_store_failures_total', 'Store writes that failed', this.storeFailures),
      gauge('s2s_event_loop_delay_max_seconds', 'Longest event-loop delay since start', this.loopDelayMaxMs / 1000),
    ]
    return lines.join('\n') + '\n'
  }
}

function gauge(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`
}

function counter(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}`
}
