/**
 * A WebSocket stand-in for provider tests: records what the client sends and lets the test play
 * the server (open, send a frame, close with a code). Each `new` is kept in `instances`.
 */
export class FakeWebSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static instances: FakeWebSocket[] = []

  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  binaryType = 'blob'
  sent: Uint8Array[] = []
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  /** The subprotocols the client offered (the app sends its key as one, never in the URL). */
  readonly protocols: readonly string[]

  constructor(
    readonly url: string,
    protocols?: string | string[],
  ) {
    this.protocols = protocols === undefined ? [] : Array.isArray(protocols) ? protocols : [protocols]
    FakeWebSocket.instances.push(this)
  }

  static get last(): FakeWebSocket {
    const last = FakeWebSocket.instances.at(-1)
    if (!last) throw new Error('no WebSocket was created')
    return last
  }

  send(data: Uint8Array): void {
    this.sent.push(data)
  }

  /** Like a browser: a close the client asks for is reported through `onclose` (if still attached). */
  close(): void {
    if (this.readyState === 3) return
    this.readyState = 3
    this.onclose?.({ code: 1005, reason: '' })
  }

  // --- the test plays the server ---
  serverOpen(): void {
    this.readyState = 1
    this.onopen?.({})
  }

  serverSend(frame: Uint8Array): void {
    this.onmessage?.({ data: frame.slice().buffer })
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3
    this.onclose?.({ code, reason })
  }
}
