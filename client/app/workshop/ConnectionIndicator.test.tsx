// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { useStore } from '../../state/store.ts'
import { INITIAL_SYNC_STATE } from '../../sync/syncState.ts'
import { cleanup, render } from '../../testing/render.ts'
import { ConnectionIndicator, WorkshopConnectionIndicator } from './ConnectionIndicator.tsx'

afterEach(() => {
  cleanup()
  useStore.getState().resetConnection()
})

const status = (container: HTMLElement) => container.querySelector('[role="status"]')

describe('ConnectionIndicator', () => {
  it('offline with 3 changes waiting says so, politely', () => {
    const container = render(<ConnectionIndicator summary={{ kind: 'offline', pending: 3, closeCode: null }} />)
    expect(status(container)?.textContent).toBe('Offline — 3 changes waiting')
    expect(status(container)?.getAttribute('aria-live')).toBe('polite')
  })

  it('uses the singular for one change, and speaks Finnish', () => {
    const one = render(<ConnectionIndicator summary={{ kind: 'offline', pending: 1, closeCode: null }} />)
    expect(status(one)?.textContent).toBe('Offline — 1 change waiting')
    cleanup()
    const fi = render(<ConnectionIndicator summary={{ kind: 'offline', pending: 3, closeCode: null }} />, { language: 'fi' })
    expect(status(fi)?.textContent).toBe('Ei yhteyttä — 3 muutosta odottaa')
  })

  it.each([
    [{ kind: 'connected', pending: 0, closeCode: null }, 'Connected'],
    [{ kind: 'reconnecting', pending: 0, closeCode: null }, 'Reconnecting…'],
    [{ kind: 'held', pending: 3, closeCode: null }, 'Sending shortly — 3 changes waiting'],
    [{ kind: 'unreachable', pending: 2, closeCode: null }, 'Server unreachable — 2 changes waiting'],
    [{ kind: 'notSaved', pending: 2, closeCode: null }, 'Not saved — retrying'],
    [{ kind: 'closed', pending: 0, closeCode: 4403 }, 'No access — check the link'],
  ] as const)('%o reads %s', (summary, text) => {
    expect(status(render(<ConnectionIndicator summary={summary} />))?.textContent).toBe(text)
  })

  it('on a projector, which writes nothing, promises no changes kept on the device', () => {
    const offline = render(<ConnectionIndicator summary={{ kind: 'offline', pending: 0, closeCode: null }} readOnly />)
    expect(status(offline)?.textContent).toBe('Offline — reconnecting when the network is back')
    cleanup()
    const unreachable = render(<ConnectionIndicator summary={{ kind: 'unreachable', pending: 0, closeCode: null }} readOnly />, { language: 'fi' })
    expect(status(unreachable)?.textContent).toBe('Palvelin ei vastaa — yritetään uudelleen')
  })

  it('follows the store: the worst document wins and pending changes add up', () => {
    const container = render(<WorkshopConnectionIndicator />)
    act(() => {
      useStore.getState().setDocSync('board', { ...INITIAL_SYNC_STATE, status: 'offline', pending: 2 })
      useStore.getState().setDocSync('control', { ...INITIAL_SYNC_STATE, status: 'connected', pending: 1 })
    })
    expect(status(container)?.textContent).toBe('Offline — 3 changes waiting')
    // Private cards written offline wait too.
    act(() => useStore.getState().setDocSync('draft', { ...INITIAL_SYNC_STATE, status: 'offline', pending: 2 }))
    expect(status(container)?.textContent).toBe('Offline — 5 changes waiting')
    act(() => useStore.getState().setDocSync('board', { ...INITIAL_SYNC_STATE, status: 'connected', synced: true }))
    expect(status(container)?.textContent).toBe('Connected')
  })
})
