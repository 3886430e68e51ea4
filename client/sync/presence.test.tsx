// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { cleanup, render } from '../testing/render.ts'
import type { DocConnection } from './docConnection.ts'
import { parsePresence, usePresence, type PresenceUser } from './presence.ts'

afterEach(cleanup)

/** Just enough of a connection: an awareness and the provider's status events. */
function fakeConnection() {
  const awareness = new Awareness(new Y.Doc())
  const listeners = new Set<(event: { status: string }) => void>()
  const provider = {
    awareness,
    on: (_: 'status', fn: (event: { status: string }) => void) => listeners.add(fn),
    off: (_: 'status', fn: (event: { status: string }) => void) => listeners.delete(fn),
  }
  const emit = (status: string) => listeners.forEach((fn) => fn({ status }))
  return { connection: { provider } as unknown as DocConnection, awareness, emit }
}

function Publisher({ connection, user }: { connection: DocConnection; user: PresenceUser }) {
  usePresence(connection, user)
  return null
}

const anna: PresenceUser = { id: 'anna-000000000000000000', name: 'Anna', color: '#0072B2', role: 'participant', stageId: null }

describe('usePresence', () => {
  it('publishes the user and keeps what else is in the state (an editing marker)', () => {
    const { connection, awareness } = fakeConnection()
    awareness.setLocalStateField('editing', 'card-1')
    render(<Publisher connection={connection} user={anna} />)
    expect(awareness.getLocalState()).toEqual({ editing: 'card-1', user: anna })
    awareness.destroy()
  })

  it('publishes again with a fresh clock when the socket (re)connects, so others see us at once', () => {
    const { connection, awareness, emit } = fakeConnection()
    render(<Publisher connection={connection} user={anna} />)
    const clock = () => awareness.meta.get(awareness.clientID)!.clock
    const before = clock()
    act(() => emit('connecting'))
    expect(clock()).toBe(before)
    act(() => emit('connected'))
    expect(clock()).toBe(before + 1)
    expect(awareness.getLocalState()?.user).toEqual(anna)
    awareness.destroy()
  })
})

describe('parsePresence', () => {
  it('accepts a well-formed presence and rejects screens and malformed ones', () => {
    expect(parsePresence(2, { user: anna, editing: 'x' }, 1)).toMatchObject({ name: 'Anna', editing: 'x', isSelf: false })
    expect(parsePresence(1, { user: anna }, 1)?.isSelf).toBe(true)
    expect(parsePresence(2, { user: { ...anna, role: 'screen' } }, 1)).toBeNull()
    expect(parsePresence(2, { user: { ...anna, color: 'url(x)' } }, 1)).toBeNull()
    expect(parsePresence(2, { user: { ...anna, id: 'a b' } }, 1)).toBeNull()
    expect(parsePresence(2, {}, 1)).toBeNull()
  })
})
