// The load pool's worker threads start here: TypeScript is compiled on the fly in the main
// thread (tsx), and a worker thread needs its own hooks before it can import the TypeScript.
import { register } from 'tsx/esm/api'

register()
await import('./foldWorker.ts')
