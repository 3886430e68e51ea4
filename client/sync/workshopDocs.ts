/**
 * The open workshop's documents and connections, for components that call shared/doc commands
 * (`addSignal(doc, …)`) or read presence. Snapshots for rendering come from the store instead.
 */
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { DocConnection } from './docConnection.ts'

export interface WorkshopDocs {
  board: Y.Doc | null
  control: Y.Doc | null
  boardConnection: DocConnection | null
  controlConnection: DocConnection | null
}

const EMPTY: WorkshopDocs = { board: null, control: null, boardConnection: null, controlConnection: null }

export const WorkshopDocsContext = createContext<WorkshopDocs>(EMPTY)

export function useWorkshopDocs(): WorkshopDocs {
  return useContext(WorkshopDocsContext)
}
