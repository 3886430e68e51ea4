// Runs in its own process: polls /healthz every 50 ms and, when its stdin closes, prints the
// slowest answer and the 99th percentile. A server whose event loop is blocked cannot hide it
// from another process.
const url = process.argv[2]
const latencies = []
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
  latencies.push(performance.now() - started)
  // The watch counts from the first answer: the attack starts once the probe is polling.
  if (latencies.length === 1) process.stdout.write('polling\n')
  await new Promise((resolve) => setTimeout(resolve, 50))
}
latencies.sort((a, b) => a - b)
const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0
process.stdout.write(JSON.stringify({ slowestMs: Math.round(latencies.at(-1) ?? 0), p99Ms: Math.round(p99), polls: latencies.length, failures }))
