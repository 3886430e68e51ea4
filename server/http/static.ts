import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/**
 * Serves the built SPA. Hashed files under /assets/ are cached for a year; every other path
 * without a file extension that is not a file gets index.html, so /w/<id>/join works on reload.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, relative)
  if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html')
  let info = await stat(file).catch(() => undefined)
  // Only app routes (/w/<id>/join) fall back to index.html; a missing file such as an old
  // /assets/x.js is a 404, never the page under a year-long immutable cache header.
  if (!info?.isFile() && (relative.startsWith('assets/') || extname(relative) !== '')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('not found\n')
    return
  }
  if (!info?.isFile()) {
    file = join(root, 'index.html')
    info = await stat(file).catch(() => undefined)
  }
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('The app is not built. Run npm start.\n')
    return
  }
  const immutable = relative.startsWith('assets/')
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}
