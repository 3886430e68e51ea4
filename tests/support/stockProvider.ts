import { WebsocketProvider } from 'y-websocket'

/**
 * y-websocket's own client, as the tests and benchmarks run it by the dozen. In Node each provider
 * listens for the process' 'exit' (to tell the room it left), so more than ten at once printed
 * Node's "possible EventEmitter memory leak" warning about listeners that are no leak. The
 * process' allowance grows by one with each live provider and shrinks again when it is destroyed.
 * The allowance is the process's, for every event: with many providers alive, a leak elsewhere
 * warns that much later.
 */
export class StockProvider extends WebsocketProvider {
  private released = false

  constructor(...args: ConstructorParameters<typeof WebsocketProvider>) {
    super(...args)
    allowExitListeners(+1)
  }

  override destroy(): void {
    super.destroy()
    if (this.released) return
    this.released = true
    allowExitListeners(-1)
  }
}

function allowExitListeners(change: 1 | -1): void {
  const max = process.getMaxListeners()
  // 0 is "no limit": nothing to make room in.
  if (max > 0) process.setMaxListeners(max + change)
}
