import { describe, expect, it } from 'vitest'
import { addSignal, closeAssessment, deleteSignal, goToStage, readBoard, readControl, requestReveal } from '../shared/doc/index.ts'
import type { ReplayFrame } from '../shared/history/index.ts'
import { randomId } from '../shared/util/ids.ts'
import { connectClient, synced } from './support/clients.ts'
import { createWorkshop, waitFor } from './support/server.ts'
import { STORE_KINDS, useStores } from './support/stores.ts'
import { useServers } from './support/fixture.ts'

const storage = useStores()
const servers = useServers()

interface Snapshot {
  id: number
  reason: string
  signals: number
  trends: number
}

describe.each(STORE_KINDS)('board history in %s', (kind) => {
  it('restores a board emptied by mistake, live for everyone, and the restore can be undone', async () => {
    const server = await servers.server({ ...(await storage(kind)), tuning: { historyIntervalMs: 60_000 } })
    const workshop = await createWorkshop(server.url)
    const auth = { authorization: `Bearer ${workshop.keys.facilitator}` }
    const api = (path: string, method = 'GET') => fetch(`${server.url}/api/workshops/${workshop.id}${path}`, { method, headers: auth })
    const anna = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    // The facilitator's key: a participant may not delete other people's cards (server/sync/authorship.ts).
    const ben = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.facilitator })
    servers.defer(
      () => anna.destroy(),
      () => ben.destroy(),
    )
    await synced(anna, ben)

    const author = { participantId: randomId() }
    const ids = ['Care robots in elderly homes', 'Four-day week pilots', 'Heat waves in July'].map((title) => addSignal(anna.doc, { title }, author))
    await waitFor(() => readBoard(ben.doc).signals.size === 3)
    const taken = (await (await api('/history', 'POST')).json()) as { id: number }

    for (const id of ids) deleteSignal(ben.doc, id)
    await waitFor(() => readBoard(anna.doc).signals.size === 0)

    const list = (await (await api('/history')).json()) as { snapshots: Snapshot[] }
    expect(list.snapshots.find((s) => s.id === taken.id)).toMatchObject({ reason: 'manual', signals: 3, trends: 0, wheelNodes: 0, takeaways: 0 })

    const restored = await api(`/history/${taken.id}/restore`, 'POST')
    expect(restored.status).toBe(200)
    const { undoSnapshotId } = (await restored.json()) as { undoSnapshotId: number }
    await waitFor(() => readBoard(anna.doc).signals.size === 3, 5_000, 'the restored cards on Anna’s screen')
    await waitFor(() => readBoard(ben.doc).signals.size === 3, 5_000, 'the restored cards on Ben’s screen')
    expect([...readBoard(ben.doc).signals.values()].map((s) => s.title).sort()).toEqual([
      'Care robots in elderly homes',
      'Four-day week pilots',
      'Heat waves in July',
    ])

    expect((await api(`/history/${undoSnapshotId}/restore`, 'POST')).status).toBe(200)
    await waitFor(() => readBoard(ben.doc).signals.size === 0, 5_000, 'the restore to be undone')
  })

  it('takes snapshots by itself while the board changes', async () => {
    const server = await servers.server({ ...(await storage(kind)), tuning: { historyIntervalMs: 1 } })
    const workshop = await createWorkshop(server.url)
    const client = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(client)
    addSignal(client.doc, { title: 'Youth loneliness apps' }, { participantId: randomId() })
    const list = async () =>
      (
        (await (
          await fetch(`${server.url}/api/workshops/${workshop.id}/history`, { headers: { authorization: `Bearer ${workshop.keys.facilitator}` } })
        ).json()) as { snapshots: Snapshot[] }
      ).snapshots
    await waitFor(async () => (await list()).some((s) => s.reason === 'periodic' && s.signals === 1), 5_000, 'a periodic snapshot')
  })

  it('keeps the last change before a quiet spell, also when everyone has left: it is in the next periodic snapshot without another change', async () => {
    const server = await servers.server({ ...(await storage(kind)), tuning: { historyIntervalMs: 1_500, roomIdleMs: 50 } })
    const workshop = await createWorkshop(server.url)
    const client = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(client)
    const periodic = async () =>
      (
        (await (
          await fetch(`${server.url}/api/workshops/${workshop.id}/history`, { headers: { authorization: `Bearer ${workshop.keys.facilitator}` } })
        ).json()) as { snapshots: Snapshot[] }
      ).snapshots.filter((s) => s.reason === 'periodic')
    // The workshop's first snapshot; the card comes within its interval, and then nothing more:
    // the last person leaves and the board is unloaded before the interval is up.
    await waitFor(async () => (await periodic()).length > 0, 5_000, 'the first periodic snapshot')
    addSignal(client.doc, { title: 'Youth loneliness apps' }, { participantId: randomId() })
    await waitFor(
      () => {
        // Read only while loaded: on a busy machine a poll can come as the room goes.
        const room = server.registry.loaded(workshop.id, 'board')
        return room !== undefined && readBoard(room.doc).signals.size === 1
      },
      5_000,
      'the card on the server',
    )
    client.destroy()
    await waitFor(() => server.registry.loaded(workshop.id, 'board') === undefined, 5_000, 'the board unloaded')
    await waitFor(async () => (await periodic()).some((s) => s.signals === 1), 10_000, 'a periodic snapshot with the card')
  })

  it('is for facilitators only', async () => {
    const server = await servers.server(await storage(kind))
    const workshop = await createWorkshop(server.url)
    const res = await fetch(`${server.url}/api/workshops/${workshop.id}/history`, { headers: { authorization: `Bearer ${workshop.keys.participant}` } })
    expect(res.status).toBe(403)
    const restore = await fetch(`${server.url}/api/workshops/${workshop.id}/history/1/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.keys.participant}` },
    })
    expect(restore.status).toBe(403)
  })

  it('takes a snapshot at each stage change, reveal and close of voting, which the replay reads back as frames', async () => {
    const server = await servers.server({ ...(await storage(kind)), tuning: { historyIntervalMs: 60 * 60_000 } })
    const workshop = await createWorkshop(server.url)
    const facilitator = connectClient(server.wsUrl, workshop.id, 'control', { key: workshop.keys.facilitator })
    const board = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    servers.defer(
      () => facilitator.destroy(),
      () => board.destroy(),
    )
    await synced(facilitator, board)
    const replay = async (key = workshop.keys.facilitator) =>
      fetch(`${server.url}/api/workshops/${workshop.id}/history/replay`, { headers: { authorization: `Bearer ${key}` } })
    const frames = async () => ((await (await replay()).json()) as { frames: ReplayFrame[] }).frames
    const stageOf = (kind: string) => readControl(facilitator.doc).stages.find((s) => s.kind === kind)!.id

    goToStage(facilitator.doc, stageOf('signals'))
    await waitFor(async () => (await frames()).some((f) => f.reason === 'stageChange' && f.stage?.kind === 'signals'), 8_000, 'a snapshot at the stage change')
    addSignal(board.doc, { title: 'Care robots in elderly homes' }, { participantId: randomId() })
    requestReveal(facilitator.doc)
    await waitFor(
      async () => (await frames()).some((f) => f.reason === 'reveal' && f.signals.some((s) => s.title === 'Care robots in elderly homes')),
      8_000,
      'a snapshot at the reveal',
    )
    closeAssessment(facilitator.doc, stageOf('assess'))
    await waitFor(async () => (await frames()).some((f) => f.reason === 'voteClose'), 8_000, 'a snapshot when voting closes')

    // Three quick moves are one moment, not three snapshots.
    const before = (await frames()).length
    for (const kind of ['trends', 'assess', 'wheel']) goToStage(facilitator.doc, stageOf(kind))
    await waitFor(async () => (await frames()).some((f) => f.stage?.kind === 'wheel'), 8_000, 'the snapshot after the moves')
    expect((await frames()).length).toBe(before + 1)

    // The projector may play it back; a participant's key may not read the history.
    expect((await replay(workshop.keys.screen)).status).toBe(200)
    expect((await replay(workshop.keys.participant)).status).toBe(403)
  })

  it('tells everyone the board was restored, and to what time, without moving the room', async () => {
    const server = await servers.server({ ...(await storage(kind)), tuning: { historyIntervalMs: 60 * 60_000 } })
    const workshop = await createWorkshop(server.url)
    const auth = { authorization: `Bearer ${workshop.keys.facilitator}` }
    const participantControl = connectClient(server.wsUrl, workshop.id, 'control', { key: workshop.keys.participant })
    const facilitator = connectClient(server.wsUrl, workshop.id, 'control', { key: workshop.keys.facilitator })
    servers.defer(
      () => participantControl.destroy(),
      () => facilitator.destroy(),
    )
    await synced(participantControl, facilitator)
    const stages = readControl(facilitator.doc).stages
    goToStage(facilitator.doc, stages[1]!.id)
    await waitFor(() => readControl(participantControl.doc).currentStageId === stages[1]!.id)
    const taken = (await (await fetch(`${server.url}/api/workshops/${workshop.id}/history`, { method: 'POST', headers: auth })).json()) as { id: number }
    const list = (await (await fetch(`${server.url}/api/workshops/${workshop.id}/history`, { headers: auth })).json()) as {
      snapshots: { id: number; createdAt: number }[]
    }
    const snapshotAt = list.snapshots.find((s) => s.id === taken.id)!.createdAt
    goToStage(facilitator.doc, stages[2]!.id)

    const restored = await fetch(`${server.url}/api/workshops/${workshop.id}/history/${taken.id}/restore`, { method: 'POST', headers: auth })
    expect(restored.status).toBe(200)
    await waitFor(() => readControl(participantControl.doc).lastRestore !== null, 5_000, 'the restore notice')
    const { undoSnapshotId } = (await restored.json()) as { undoSnapshotId: number }
    // What it went back to, and the snapshot that undoes it: every facilitator's History offers the undo, after a reload too.
    expect(readControl(participantControl.doc).lastRestore).toMatchObject({ snapshotAt, undo: false, undoSnapshotId, stageId: stages[2]!.id })
    // The board went back; the room stays on the stage it is on.
    expect(readControl(participantControl.doc).currentStageId).toBe(stages[2]!.id)

    await fetch(`${server.url}/api/workshops/${workshop.id}/history/${undoSnapshotId}/restore`, { method: 'POST', headers: auth })
    await waitFor(() => readControl(participantControl.doc).lastRestore?.undo === true, 5_000, 'the undo notice')
    // Going back to that "Before restore" line once more is no undo of the last restore (which
    // was the undo): a restore of its own, which can be undone in turn.
    const again = await fetch(`${server.url}/api/workshops/${workshop.id}/history/${undoSnapshotId}/restore`, { method: 'POST', headers: auth })
    const { undoSnapshotId: undoAgain } = (await again.json()) as { undoSnapshotId: number }
    await waitFor(() => readControl(participantControl.doc).lastRestore?.undoSnapshotId === undoAgain, 5_000, 'the second restore')
    expect(readControl(participantControl.doc).lastRestore).toMatchObject({ undo: false })
  })
})
