import { useCallback, useSyncExternalStore } from 'react'
import { browserStorage } from '../sync/browserStorage.ts'

/**
 * An on/off choice this device remembers (localStorage: "1" on, "0" off, nothing the default),
 * shared by every component showing it. Where storage is blocked the choice lasts for the page
 * (`chosen`).
 */
const chosen = new Map<string, boolean>()
const listeners = new Set<() => void>()

/** The switch's state now, for code outside a render (a key handler). */
export function readDeviceSwitch(key: string, byDefault: boolean): boolean {
  const mine = chosen.get(key)
  if (mine !== undefined) return mine
  let stored: string | null | undefined
  try {
    stored = browserStorage()?.getItem(key)
  } catch {
    stored = null // storage blocked: the default
  }
  return stored === '1' ? true : stored === '0' ? false : byDefault
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * @example
 * const [muted, setMuted] = useDeviceSwitch('s2s:chime:muted', false)
 */
export function useDeviceSwitch(key: string, byDefault: boolean): [on: boolean, set: (on: boolean) => void] {
  const on = useSyncExternalStore(
    subscribe,
    () => readDeviceSwitch(key, byDefault),
    () => byDefault,
  )
  const set = useCallback(
    (next: boolean) => {
      const storage = browserStorage()
      try {
        if (!storage) throw new Error('no storage')
        storage.setItem(key, next ? '1' : '0')
        chosen.delete(key)
      } catch {
        // Storage full or blocked: the choice lasts for this page only.
        chosen.set(key, next)
      }
      listeners.forEach((listener) => listener())
    },
    [key],
  )
  return [on, set]
}
