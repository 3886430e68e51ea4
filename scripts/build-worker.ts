import { buildWorkerBundle, WORKER_BUNDLE_DIR } from '../server/sync/load/workerBundle.ts'

/** `npm run build` and `npm install` (prepare): the load pool's worker as plain JavaScript. */
await buildWorkerBundle()
console.log(`load pool worker bundled into ${WORKER_BUNDLE_DIR}`)
