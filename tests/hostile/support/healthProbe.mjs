// Runs in its own process: polls /healthz every 50 ms and, when its stdin closes, prints the
// slowest answer. A server whose event loop is blocked cannot hide it from another process.
const url = process.argv[2]
let slowest = 0
let polls = 0
let failures = 0
let stopping = false
process.stdin.on('end', () => (stopping = true))
process.stdin.resume()
while (!stopping) {
  const started = performance.now()
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(20_000) })
    await res.arrayBuffer()
  } catch {
    failures++
  }
  slowest = Math.max(slowest, performance.now() - started)
  polls++
  await new Promise((resolve) => setTimeout(resolve, 50))
}
process.stdout.write(JSON.stringify({ slowestMs: Math.round(slowest), polls, failures }))
