import { describe, expect, it } from 'vitest'
import { addSignal, goToStage, readBoard, readControl } from '../shared/doc/index.ts'
import { draftDocName } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import { startChildServer } from './support/childServer.ts'
import { synced, upgradeStatus, type TestClient } from './support/clients.ts'
import { useServers } from './support/fixture.ts'
import { parseLogLines, type LogLine } from './support/logLines.ts'
import { parsePrometheus } from './support/prometheus.ts'
import { createWorkshop, mintIdentity, waitFor } from './support/server.ts'

const servers = useServers()

async function childServer() {
  const server = await startChildServer(servers.dataDir(), { LOG_LEVEL: 'info' })
  servers.defer(() => server.stop())
  const open = (workshopId: string, docName: string, params: Record<string, string>): TestClient => servers.client(server.wsUrl, workshopId, docName, params)
  return { server, open, lines: () => parseLogLines(server.output()) }
}

const refusals = (lines: LogLine[], reason: string) => lines.filter((line) => line.reason === reason)

describe('the server log', () => {
  it('says every refusal once, as a structured line with level, workshop and reason, and never a secret', async () => {
    const { server, open, lines } = await childServer()
    const workshop = await createWorkshop(server.url)
    const wrongKey = randomId() + randomId().slice(0, 10)
    expect(await upgradeStatus(`${server.wsUrl}/${workshop.id}/board?key=${wrongKey}`)).toBe(401)
    await waitFor(() => refusals(lines(), 'upgrade_401').length > 0, 10_000, 'the refused key in the log')
    expect(refusals(lines(), 'upgrade_401')).toEqual([
      expect.objectContaining({
        level: 'warn',
        workshop: workshop.id,
        doc: 'board',
        status: 401,
        reason: 'upgrade_401',
        detail: 'wrong key for this workshop',
      }),
    ])

    // A participant (with a server-signed identity) forging a facilitator command, and a screen
    // writing a card: both refused, each said with who and where.
    const identity = await mintIdentity(server.url, workshop.id, workshop.keys.participant)
    const participant = open(workshop.id, 'control', { key: workshop.keys.participant, identity: identity.token })
    const screen = open(workshop.id, 'board', { key: workshop.keys.screen })
    await synced(participant, screen)
    await waitFor(() => readControl(participant.doc).stages.length > 1, 5_000, 'the stages')
    goToStage(participant.doc, readControl(participant.doc).stages[1]!.id)
    addSignal(screen.doc, { title: 'From the projector' }, { participantId: randomId() })
    await waitFor(() => participant.denied.length > 0 && screen.denied.length > 0, 10_000, 'both writes refused')
    await waitFor(() => refusals(lines(), 'write_forbidden').length >= 2, 10_000, 'the refused writes in the log')
    const forbidden = refusals(lines(), 'write_forbidden')
    expect(forbidden).toContainEqual(expect.objectContaining({ level: 'warn', workshop: workshop.id, doc: 'control', role: 'participant' }))
    expect(forbidden).toContainEqual(expect.objectContaining({ level: 'warn', workshop: workshop.id, doc: 'board', role: 'screen' }))

    // A draft opened outside a private round: refused, and its name (the draft's only lock) kept out.
    const draft = draftDocName(randomId())
    expect(await upgradeStatus(`${server.wsUrl}/${workshop.id}/${draft}?key=${workshop.keys.participant}`)).toBe(403)
    await waitFor(() => refusals(lines(), 'upgrade_403').length > 0, 10_000, 'the refused draft in the log')
    expect(refusals(lines(), 'upgrade_403')[0]).toMatchObject({ workshop: workshop.id, doc: 'draft', role: 'participant' })

    const output = server.output()
    for (const secret of [...Object.values(workshop.keys), wrongKey, identity.token, draft]) expect(output).not.toContain(secret)
    // Every line the server wrote is structured.
    expect(output.trim().split('\n').length).toBe(lines().length)
  })

  it('serves /metrics in Prometheus’ format with the process, room, store, fan-out, presence and load series', async () => {
    const { server, open } = await childServer()
    const workshop = await createWorkshop(server.url)
    const writer = open(workshop.id, 'board', { key: workshop.keys.participant })
    const reader = open(workshop.id, 'board', { key: workshop.keys.participant })
    await synced(writer, reader)
    addSignal(writer.doc, { title: 'Counted' }, { participantId: randomId() })
    await waitFor(() => readBoard(reader.doc).signals.size > 0, 5_000, 'the card')
    writer.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    await waitFor(() => reader.provider.awareness.getStates().get(writer.doc.clientID)?.cursor !== undefined, 5_000, 'the cursor')

    const response = await fetch(`${server.url}/metrics`)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const families = parsePrometheus(await response.text())
    const value = (name: string, labels: Record<string, string> = {}) =>
      families
        .get(name.replace(/_(bucket|sum|count)$/, ''))
        ?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value

    for (const [name, type] of [
      ['s2s_rooms_open', 'gauge'],
      ['s2s_connections_open', 'gauge'],
      ['s2s_drafts_open', 'gauge'],
      ['s2s_pending_store_bytes', 'gauge'],
      ['s2s_send_queue_bytes', 'gauge'],
      ['s2s_store_write_seconds', 'histogram'],
      ['s2s_fanout_seconds', 'histogram'],
      ['s2s_room_load_seconds', 'histogram'],
      ['s2s_presence_delay_seconds', 'histogram'],
      ['s2s_rejected_messages_total', 'counter'],
      ['s2s_messages_in_total', 'counter'],
      ['s2s_event_loop_delay_max_seconds', 'gauge'],
      ['nodejs_eventloop_lag_p99_seconds', 'gauge'],
      ['nodejs_heap_size_used_bytes', 'gauge'],
      ['process_resident_memory_bytes', 'gauge'],
    ] as const) {
      expect(families.get(name)?.type, name).toBe(type)
    }
    expect(value('s2s_connections_open')).toBe(2)
    expect(value('s2s_rooms_open')).toBeGreaterThanOrEqual(2)
    expect(value('s2s_store_write_seconds_count')).toBeGreaterThan(0)
    expect(value('s2s_store_write_seconds_bucket', { le: '+Inf' })).toBe(value('s2s_store_write_seconds_count'))
    expect(value('s2s_fanout_seconds_count')).toBeGreaterThan(0)
    expect(value('s2s_room_load_seconds_count')).toBeGreaterThanOrEqual(2)
    // The cursor the reader saw was received and sent: its delay is counted, within the buckets.
    expect(value('s2s_presence_delay_seconds_count')).toBeGreaterThan(0)
    expect(value('s2s_presence_delay_seconds_bucket', { le: '+Inf' })).toBe(value('s2s_presence_delay_seconds_count'))
    expect(value('s2s_messages_in_total')).toBeGreaterThan(0)
  })
})
