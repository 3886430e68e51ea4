import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { StockProvider } from './support/stockProvider.ts'

describe('StockProvider', () => {
  it('makes room for the exit listener of each live provider, and gives it back when destroyed', () => {
    const before = process.getMaxListeners()
    const providers = Array.from(
      { length: 12 },
      () =>
        new StockProvider('ws://127.0.0.1:9', 'room', new Y.Doc(), {
          connect: false,
          disableBc: true,
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        }),
    )
    // Past the limit Node prints "possible EventEmitter memory leak" for every test run with a dozen clients.
    expect(process.listenerCount('exit')).toBeLessThanOrEqual(process.getMaxListeners())
    for (const provider of providers) provider.destroy()
    providers[0]!.destroy()
    expect(process.getMaxListeners()).toBe(before)
  })
})
