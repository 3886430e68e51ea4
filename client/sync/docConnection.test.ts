import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BOARD_RENEWED_REASON, CloseCode, MessageType, syncProtocols, versionProtocol } from '../../shared/protocol.ts'
import { LOCAL_ORIGIN } from '../../shared/doc/origin.ts'
import { connectDoc, OFFLINE_AFTER_ATTEMPTS, STALE_AFTER_MS, type DocConnection } from './docConnection.ts'
import { SMALLEST_PIECE_STRUCTS } from './updatePieces.ts'
import { MAX_BACKOFF_MS } from './backoff.ts'
import { nudge } from './wake.ts'
import { FakeWebSocket } from './testing/fakeWebSocket.ts'

const WORKSHOP = 'AbCdEfGhIjKlMnOpQrStUv'
const KEY = 'k'.repeat(32)

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}
const saved = (stateVector: Uint8Array) => frame(MessageType.saved, (e) => encoding.writeVarUint8Array(e, stateVector))
const notice = (json: string) => frame(MessageType.notice, (e) => encoding.writeVarString(e, json))
const denied = (reason: string) => frame(MessageType.auth, (e) => authProtocol.writePermissionDenied(e, reason))

class FakeNetwork extends EventTarget {
  navigator = { onLine: true }
}

let doc: Y.Doc
let network: FakeNetwork
let connection: DocConnection

const localEdit = (value: number) => doc.transact(() => doc.getMap('m').set(`k${value}`, value), LOCAL_ORIGIN)

beforeEach(() => {
  vi.useFakeTimers()
  // y-websocket's resync timer reads the global WebSocket.OPEN (Node 20 has no global WebSocket).
  vi.stubGlobal('WebSocket', FakeWebSocket)
  FakeWebSocket.instances = []
  doc = new Y.Doc()
  network = new FakeNetwork()
  connection = connectDoc({
    doc,
    workshopId: WORKSHOP,
    docName: 'board',
    key: KEY,
    origin: 'https://example.test',
    WebSocketImpl: FakeWebSocket as unknown as typeof WebSocket,
    network: network as unknown as Window,
  })
})

afterEach(() => {
  connection.destroy()
  doc.destroy()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('connectDoc', () => {
  it('connects to the sync URL with the extension flag, the key as a subprotocol and never in the URL', () => {
    const url = new URL(FakeWebSocket.last.url)
    expect(url.origin + url.pathname).toBe(`wss://example.test/sync/${WORKSHOP}/board`)
    expect(url.searchParams.get('key')).toBeNull()
    expect(FakeWebSocket.last.url).not.toContain(KEY)
    expect(FakeWebSocket.last.protocols).toEqual(syncProtocols(KEY))
    expect(url.searchParams.get('ext')).toBe('1')
    expect(connection.getState().status).toBe('connecting')
  })

  it('counts local changes until the server says they are stored', () => {
    FakeWebSocket.last.serverOpen()
    expect(connection.getState().status).toBe('connected')

    localEdit(1)
    localEdit(2)
    const afterTwo = Y.encodeStateVector(doc)
    localEdit(3)
    doc.transact(() => doc.getMap('m').set('remote', true), 'someone else')
    expect(connection.getState().pending).toBe(3)

    FakeWebSocket.last.serverSend(saved(afterTwo))
    expect(connection.getState().pending).toBe(1)
    FakeWebSocket.last.serverSend(saved(Y.encodeStateVector(doc)))
    expect(connection.getState().pending).toBe(0)
  })

  it('counts a sentence typed into one text as one change, as a person would, and the next card as another', () => {
    FakeWebSocket.last.serverOpen()
    const text = doc.getText('story')
    const sentence = 'Aino wakes up early.'
    for (const [at, letter] of [...sentence].entries()) doc.transact(() => text.insert(at, letter), LOCAL_ORIGIN)
    expect(connection.getState().pending).toBe(1)
    const halfTyped = Y.encodeStateVector(doc)
    doc.transact(() => text.insert(sentence.length, ' She'), LOCAL_ORIGIN)
    localEdit(1)
    expect(connection.getState().pending).toBe(2)
    // Stored up to the middle of the sentence: the sentence still waits, whole.
    FakeWebSocket.last.serverSend(saved(halfTyped))
    expect(connection.getState().pending).toBe(2)
    FakeWebSocket.last.serverSend(saved(Y.encodeStateVector(doc)))
    expect(connection.getState().pending).toBe(0)
  })

  it('sends its own presence changes, never echoes of other people’s', () => {
    const socket = FakeWebSocket.last
    socket.serverOpen()
    const someone = new awarenessProtocol.Awareness(new Y.Doc())
    someone.setLocalState({ user: { name: 'Aino' }, cursor: 1 })
    const sentPresence = () => socket.sent.filter((message) => decoding.readVarUint(decoding.createDecoder(message)) === MessageType.awareness).length
    const before = sentPresence()

    socket.serverSend(frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(someone, [someone.clientID]))))
    expect(connection.provider.awareness.getStates().get(someone.clientID)).toMatchObject({ cursor: 1 })
    expect(sentPresence()).toBe(before)

    connection.provider.awareness.setLocalState({ user: { name: 'Me' } })
    expect(sentPresence()).toBe(before + 1)
    someone.destroy()
  })

  it('knows a close that holds its changes back (4529) from a lost connection', () => {
    FakeWebSocket.last.serverOpen()
    localEdit(1)
    FakeWebSocket.last.serverClose(CloseCode.slowDown)
    expect(connection.getState()).toMatchObject({ status: 'reconnecting', heldBack: true })
    vi.advanceTimersByTime(20_000)
    FakeWebSocket.last.serverClose(1006)
    expect(connection.getState()).toMatchObject({ status: 'reconnecting', heldBack: false })
  })

  it('goes reconnecting, then unreachable after repeated failures while the browser has a network, keeping the count', () => {
    FakeWebSocket.last.serverOpen()
    localEdit(1)
    FakeWebSocket.last.serverClose(1006)
    expect(connection.getState()).toMatchObject({ status: 'reconnecting', pending: 1, synced: false })

    for (let attempt = 2; attempt <= OFFLINE_AFTER_ATTEMPTS; attempt++) {
      vi.advanceTimersByTime(20_000)
      FakeWebSocket.last.serverClose(1006)
    }
    expect(connection.getState()).toMatchObject({ status: 'unreachable', pending: 1 })

    vi.advanceTimersByTime(20_000)
    FakeWebSocket.last.serverOpen()
    expect(connection.getState().status).toBe('connected')
  })

  it('says offline at once when the browser does, and retries when it is back', () => {
    FakeWebSocket.last.serverOpen()
    FakeWebSocket.last.serverClose(1006)
    network.navigator.onLine = false
    network.dispatchEvent(new Event('offline'))
    expect(connection.getState().status).toBe('offline')

    const before = FakeWebSocket.instances.length
    network.navigator.onLine = true
    network.dispatchEvent(new Event('online'))
    expect(FakeWebSocket.instances.length).toBe(before + 1)
    expect(connection.getState().status).toBe('reconnecting')
  })

  it('re-checks an open socket when the browser says offline', () => {
    FakeWebSocket.last.serverOpen()
    const socket = FakeWebSocket.last
    network.navigator.onLine = false
    network.dispatchEvent(new Event('offline'))
    expect(connection.getState().status).toBe('offline')
    expect(socket.readyState).toBe(socket.CLOSED)

    // it was a false alarm: the retry connects and says so
    network.navigator.onLine = true
    vi.advanceTimersByTime(10_000)
    FakeWebSocket.last.serverOpen()
    expect(FakeWebSocket.last).not.toBe(socket)
    expect(connection.getState().status).toBe('connected')
  })

  it('jitters the backoff within the exponential bound', () => {
    FakeWebSocket.last.serverOpen()
    const provider = connection.provider
    for (let i = 0; i < 6; i++) {
      FakeWebSocket.last.serverClose(1006)
      const attempt = provider.wsUnsuccessfulReconnects
      const bound = Math.min(2 ** attempt * 100, 10_000)
      expect(provider.maxBackoffTime).toBeLessThanOrEqual(bound)
      expect(provider.maxBackoffTime).toBeGreaterThanOrEqual(Math.min(bound / 2, bound))
      vi.advanceTimersByTime(bound)
    }
  })

  it('4503 means not saved and retrying; the next saved message clears it', () => {
    FakeWebSocket.last.serverOpen()
    localEdit(1)
    FakeWebSocket.last.serverClose(4503, 'changes could not be saved; retrying')
    expect(connection.getState()).toMatchObject({ status: 'reconnecting', notSaved: true, pending: 1 })
    // a slow close waits longer before the first retry
    expect(connection.provider.maxBackoffTime).toBeGreaterThanOrEqual(1_600)

    vi.advanceTimersByTime(10_000)
    FakeWebSocket.last.serverOpen()
    FakeWebSocket.last.serverSend(saved(Y.encodeStateVector(doc)))
    expect(connection.getState()).toMatchObject({ status: 'connected', notSaved: false, pending: 0 })
  })

  it('a close for costly updates (4529) waits a few seconds, then comes back with the changes it had', () => {
    FakeWebSocket.last.serverOpen()
    localEdit(1)
    const before = FakeWebSocket.instances.length
    FakeWebSocket.last.serverClose(CloseCode.slowDown, 'updates cost too much work; slow down')
    expect(connection.getState()).toMatchObject({ status: 'reconnecting', pending: 1 })
    expect(connection.provider.maxBackoffTime).toBeGreaterThanOrEqual(1_600)
    vi.advanceTimersByTime(1_500)
    expect(FakeWebSocket.instances.length).toBe(before)
    vi.advanceTimersByTime(10_000)
    expect(FakeWebSocket.instances.length).toBe(before + 1)
  })

  it('"your changes are waiting" holds until everything that waited is saved', () => {
    FakeWebSocket.last.serverOpen()
    localEdit(1)
    const afterOne = Y.encodeStateVector(doc)
    localEdit(2)
    FakeWebSocket.last.serverSend(notice(JSON.stringify({ code: 'writingPaused', message: 'more changes than a person makes; they wait' })))
    FakeWebSocket.last.serverClose(CloseCode.slowDown, 'more changes than a person makes; retry shortly')
    expect(connection.getState()).toMatchObject({ notice: { code: 'writingPaused' }, pending: 2 })

    vi.advanceTimersByTime(10_000)
    FakeWebSocket.last.serverOpen()
    // The first change is stored, the second still waits: so does the note.
    FakeWebSocket.last.serverSend(saved(afterOne))
    expect(connection.getState()).toMatchObject({ notice: { code: 'writingPaused' }, pending: 1 })
    FakeWebSocket.last.serverSend(saved(Y.encodeStateVector(doc)))
    expect(connection.getState()).toMatchObject({ notice: null, pending: 0 })
  })

  it('sends smaller pieces after each wait for the workshop, and whole ones again once everything is saved', () => {
    const socket = FakeWebSocket.last
    socket.serverOpen()
    const workshopBusy = () =>
      socket.serverSend(notice(JSON.stringify({ code: 'workshopBusy', message: 'more changes than this workshop takes in; they wait' })))
    // A change of 300 structs (a value under each of 300 new keys): the pieces it leaves in.
    let made = 0
    const piecesOfOneChange = () => {
      const before = socket.sent.length
      doc.transact(() => {
        for (let i = 0; i < 300; i++) doc.getMap('m').set(`k${made++}`, i)
      }, LOCAL_ORIGIN)
      return socket.sent.slice(before).filter((message) => {
        const decoder = decoding.createDecoder(message)
        return decoding.readVarUint(decoder) === MessageType.sync && decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate
      }).length
    }
    expect(piecesOfOneChange()).toBe(1)
    workshopBusy()
    expect(piecesOfOneChange()).toBe(2)
    workshopBusy()
    expect(piecesOfOneChange()).toBe(3)
    // A wait for the person's own allowance is not the workshop's: no smaller.
    socket.serverSend(notice(JSON.stringify({ code: 'writingPaused', message: 'more changes than a person makes; they wait' })))
    expect(piecesOfOneChange()).toBe(3)
    for (let i = 0; i < 10; i++) workshopBusy()
    expect(piecesOfOneChange()).toBe(300 / SMALLEST_PIECE_STRUCTS)
    socket.serverSend(saved(Y.encodeStateVector(doc)))
    expect(piecesOfOneChange()).toBe(1)
  })

  it('offers the board generation the server named on every later socket, and stops for good on `renewed`', () => {
    const first = FakeWebSocket.last
    first.serverOpen()
    first.serverSend(frame(MessageType.generation, (e) => encoding.writeVarUint(e, 3)))
    // The copy is now generation 3's: after a drop it must not sync into a newer one unannounced.
    first.serverClose(1006)
    vi.advanceTimersByTime(MAX_BACKOFF_MS + 1_000)
    expect(FakeWebSocket.last).not.toBe(first)
    expect(FakeWebSocket.last.protocols).toEqual(syncProtocols(KEY, null, undefined, 3))
    expect(FakeWebSocket.last.protocols).toContain('s2s.gen.3')

    FakeWebSocket.last.serverOpen()
    FakeWebSocket.last.serverClose(CloseCode.renewed, BOARD_RENEWED_REASON)
    expect(connection.getState()).toMatchObject({ status: 'closed', closeCode: CloseCode.renewed })
    const sockets = FakeWebSocket.instances.length
    vi.advanceTimersByTime(MAX_BACKOFF_MS * 3)
    expect(FakeWebSocket.instances.length).toBe(sockets)
  })

  it('44xx closes are permanent until retry()', () => {
    FakeWebSocket.last.serverOpen()
    FakeWebSocket.last.serverClose(4403, 'forbidden')
    expect(connection.getState()).toMatchObject({ status: 'closed', closeCode: 4403 })

    const before = FakeWebSocket.instances.length
    vi.advanceTimersByTime(60_000)
    expect(FakeWebSocket.instances.length).toBe(before)

    connection.retry()
    expect(FakeWebSocket.instances.length).toBe(before + 1)
    expect(connection.getState()).toMatchObject({ status: 'connecting', closeCode: null })
  })

  it('surfaces notices and permission-denied reasons, ignoring malformed notices', () => {
    FakeWebSocket.last.serverOpen()
    FakeWebSocket.last.serverSend(notice('{"code":"nonsense"}'))
    FakeWebSocket.last.serverSend(notice('not json'))
    expect(connection.getState().notice).toBeNull()

    FakeWebSocket.last.serverSend(notice(JSON.stringify({ code: 'storeUnavailable', message: 'changes cannot be saved right now' })))
    expect(connection.getState()).toMatchObject({ notSaved: true, notice: { code: 'storeUnavailable' } })

    // A refusal names its kind in the notice sent before "permission denied"; the server's
    // English reason is for logs, never shown.
    FakeWebSocket.last.serverSend(
      notice(JSON.stringify({ code: 'writeRejected', message: 'a participant may not change the board document now', refusal: 'locked' })),
    )
    FakeWebSocket.last.serverSend(denied('a participant may not change the board document now'))
    expect(connection.getState().denied).toBe('locked')
    // A kind this app does not know reads as the plainest one.
    FakeWebSocket.last.serverSend(notice(JSON.stringify({ code: 'writeRejected', message: '…', refusal: 'somethingNew' })))
    expect(connection.getState().denied).toBe('readOnly')
  })

  it('keeps a refusal shown while the refused change is unsaved, and clears it once everything is stored', () => {
    FakeWebSocket.last.serverOpen()
    const before = Y.encodeStateVector(doc)
    localEdit(1)
    // A server without the notice's kind has refused the change all the same.
    FakeWebSocket.last.serverSend(denied('the stage is locked'))
    // Saved up to before the refused change: it still waits, so the refusal still stands.
    FakeWebSocket.last.serverSend(saved(before))
    expect(connection.getState()).toMatchObject({ denied: 'readOnly', pending: 1 })
    // Unlocked, the server asked again and stored it.
    FakeWebSocket.last.serverSend(saved(Y.encodeStateVector(doc)))
    expect(connection.getState()).toMatchObject({ denied: null, pending: 0 })
  })

  it('notifies subscribers and stops after destroy', () => {
    const listener = vi.fn()
    connection.subscribe(listener)
    FakeWebSocket.last.serverOpen()
    expect(listener).toHaveBeenCalled()
    connection.destroy()
    listener.mockClear()
    localEdit(9)
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('waking up (nudge)', () => {
  const failUntilBackoffIsLong = () => {
    for (let i = 0; i < 8; i++) {
      FakeWebSocket.last.serverClose(1006)
      vi.advanceTimersByTime(connection.provider.maxBackoffTime)
    }
    FakeWebSocket.last.serverClose(1006)
    expect(connection.provider.maxBackoffTime).toBeGreaterThan(1_000)
  }

  it('connects at once instead of waiting out the backoff', () => {
    failUntilBackoffIsLong()
    const before = FakeWebSocket.instances.length
    nudge()
    expect(FakeWebSocket.instances.length).toBe(before + 1)
    FakeWebSocket.last.serverOpen()
    expect(connection.getState().status).toBe('connected')
    // the backoff's own attempt, when it fires, finds the socket open and adds none
    vi.advanceTimersByTime(10_000)
    expect(FakeWebSocket.instances.length).toBe(before + 1)
  })

  it('replaces a socket that went quiet while asleep, and asks a lively one for what it missed', () => {
    FakeWebSocket.last.serverOpen()
    FakeWebSocket.last.serverSend(saved(Y.encodeStateVector(doc)))
    const lively = FakeWebSocket.last
    const sentBefore = lively.sent.length
    nudge()
    expect(lively.readyState).toBe(1)
    expect(lively.sent.slice(sentBefore).map((bytes) => bytes[0])).toEqual([MessageType.sync])

    // (lib0 reads the clock y-websocket stamps messages with before fake timers exist: pass `now`)
    connection.nudge(connection.provider.wsLastMessageReceived + STALE_AFTER_MS + 1)
    expect(lively.readyState).toBe(3)
    vi.advanceTimersByTime(1_000)
    expect(FakeWebSocket.last).not.toBe(lively)
  })

  it('leaves a connection closed for good alone (a stale app waits for its reload)', () => {
    FakeWebSocket.last.serverOpen()
    FakeWebSocket.last.serverClose(CloseCode.staleClient, 'reload')
    expect(connection.getState()).toMatchObject({ status: 'closed', closeCode: CloseCode.staleClient })
    const before = FakeWebSocket.instances.length
    nudge()
    expect(FakeWebSocket.instances.length).toBe(before)
  })

  it("offers the code's protocol and schema versions", () => {
    expect(FakeWebSocket.last.protocols).toContain(versionProtocol())
  })
})
