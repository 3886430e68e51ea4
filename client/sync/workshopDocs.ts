/**
 * The open workshop's documents and connections, for components that call shared/doc commands
 * (`addSignal(doc, …)`) or read presence. Snapshots for rendering come from the store instead.
 */
import { createContext, useContext } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { DocConnection } from './docConnection.ts'

export interface WorkshopDocs {
  board: Y.Doc | null
  control: Y.Doc | null
  boardConnection: DocConnection | null
  controlConnection: DocConnection | null
  /**
   * The board's presence. Defaults to `boardConnection.provider.awareness`; tests pass a bare
   * `new Awareness(doc)` here instead of a connection.
   */
  boardAwareness?: Awareness | null
}

const EMPTY: WorkshopDocs = { board: null, control: null, boardConnection: null, controlConnection: null }

export const WorkshopDocsContext = createContext<WorkshopDocs>(EMPTY)

export function useWorkshopDocs(): WorkshopDocs {
  return useContext(WorkshopDocsContext)
}
