import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { createUndoManager } from '../../shared/doc/index.ts'

const UndoManagerContext = createContext<Y.UndoManager | null>(null)
const bypassing = new WeakSet<Y.UndoManager>()

/**
 * Runs a command that the person would not expect Ctrl+Z to take back (recording their name on
 * the board). Commands are synchronous, so the transaction ends inside this call.
 */
export function outsideUndo<T>(manager: Y.UndoManager | null, command: () => T): T {
  if (!manager) return command()
  bypassing.add(manager)
  try {
    return command()
  } finally {
    bypassing.delete(manager)
  }
}

/**
 * One undo history per board document: the person's own changes only (shared/doc tracks
 * `LOCAL_ORIGIN`), so undo never takes back someone else's work. The effect owns the manager
 * and destroys it with the document.
 */
export function UndoProvider({ board, children }: { board: Y.Doc | null; children: ReactNode }) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null)
  useEffect(() => {
    if (!board) return
    const created = createUndoManager(board)
    // Bookkeeping commands (joining the board under one's name) are no undo step of the person.
    created.captureTransaction = () => !bypassing.has(created)
    setManager(created)
    return () => {
      setManager(null)
      created.destroy()
    }
  }, [board])
  return <UndoManagerContext.Provider value={manager}>{children}</UndoManagerContext.Provider>
}

/**
 * The board's undo manager, for a stage that needs to end a capture group by hand
 * (`manager.stopCapturing()` after a drop, so the next edit is its own undo step).
 */
export function useUndoManager(): Y.UndoManager | null {
  return useContext(UndoManagerContext)
}

export interface UndoState {
  canUndo: boolean
  canRedo: boolean
  undo(): boolean
  redo(): boolean
}

const EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const

/** Whether there is something to undo or redo, re-rendering only when that changes. */
export function useUndo(): UndoState {
  const manager = useUndoManager()
  const subscribe = (listener: () => void) => {
    if (!manager) return () => {}
    EVENTS.forEach((event) => manager.on(event, listener))
    return () => EVENTS.forEach((event) => manager.off(event, listener))
  }
  const canUndo = useSyncExternalStore(subscribe, () => manager?.canUndo() ?? false)
  const canRedo = useSyncExternalStore(subscribe, () => manager?.canRedo() ?? false)
  return {
    canUndo,
    canRedo,
    undo: () => manager?.undo() != null,
    redo: () => manager?.redo() != null,
  }
}
