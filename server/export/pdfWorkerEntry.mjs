// The PDF thread starts here: as for the load pool's workers, a worker thread needs tsx's hooks
// of its own before it can import the TypeScript.
import { register } from 'tsx/esm/api'

register()
await import('./pdfWorker.ts')
