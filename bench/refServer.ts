import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import { serveParent } from './ipc.ts'

/**
 * The reference: @y/websocket-server's own server.js, in memory (no YPERSISTENCE), but on the
 * same `ws` 8 as ours instead of the ws 6 it bundles, so only the sync logic differs.
 */
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
const http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('okay'))
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
serveParent('ref', (http.address() as AddressInfo).port, async () => {
  for (const ws of wss.clients) ws.terminate()
  http.closeAllConnections()
  await new Promise((resolve) => http.close(resolve))
})
