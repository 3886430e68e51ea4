/**
 * The store a component reads, from React context (zustand's store-in-context pattern). It
 * defaults to the app's one store, so the app needs no provider; a test puts a `StoreContext`
 * provider around each person to render two people at once, each with their own store and
 * documents ("the facilitator closes voting and everyone sees the result").
 */
import { createContext, useContext, useMemo } from 'react'
import type { DraftOwner } from '../sync/browserStorage.ts'
import { useStore, type AppState, type AppStore } from './store.ts'

export const StoreContext = createContext<AppStore>(useStore)

/** Reads the store in context through a narrow selector, like `useStore(selector)`. */
export function useContextStore<T>(selector: (state: AppState) => T): T {
  return useContext(StoreContext)(selector)
}

/** The store in context itself, for reading the latest state inside an event handler. */
export function useContextStoreApi(): AppStore {
  return useContext(StoreContext)
}

/** This person in this workshop, once both are known (stable while they stay the same). */
export function useDraftOwner(): DraftOwner | null {
  const workshopId = useContextStore((s) => s.session?.workshopId ?? null)
  const participantId = useContextStore((s) => s.participant?.id ?? null)
  return useMemo(() => (workshopId && participantId ? { workshopId, participantId } : null), [workshopId, participantId])
}
