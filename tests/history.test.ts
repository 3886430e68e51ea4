import { afterEach, describe, expect, it } from 'vitest'
import { addSignal, deleteSignal, readBoard } from '../shared/doc/index.ts'
import { randomId } from '../shared/util/ids.ts'
import { connectClient, synced } from './support/clients.ts'
import { createWorkshop, startTestServer, waitFor } from './support/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

interface Snapshot {
  id: number
  reason: string
  signals: number
  trends: number
}

describe('board history', () => {
  it('restores a board emptied by a prankster, live for everyone, and the restore can be undone', async () => {
    const server = await startTestServer({ tuning: { historyIntervalMs: 60_000 } })
    cleanups.push(() => server.close())
    const workshop = await createWorkshop(server.url)
    const auth = { authorization: `Bearer ${workshop.keys.facilitator}` }
    const api = (path: string, method = 'GET') => fetch(`${server.url}/api/workshops/${workshop.id}${path}`, { method, headers: auth })
    const anna = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    const ben = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    cleanups.push(() => anna.destroy(), () => ben.destroy())
    await synced(anna, ben)

    const author = { participantId: randomId() }
    const ids = ['Care robots in elderly homes', 'Four-day week pilots', 'Heat waves in July'].map((title) => addSignal(anna.doc, { title }, author))
    await waitFor(() => readBoard(ben.doc).signals.size === 3)
    const taken = (await (await api('/history', 'POST')).json()) as { id: number }

    for (const id of ids) deleteSignal(ben.doc, id)
    await waitFor(() => readBoard(anna.doc).signals.size === 0)

    const list = (await (await api('/history')).json()) as { snapshots: Snapshot[] }
    expect(list.snapshots.find((s) => s.id === taken.id)).toMatchObject({ reason: 'manual', signals: 3, trends: 0 })

    const restored = await api(`/history/${taken.id}/restore`, 'POST')
    expect(restored.status).toBe(200)
    const { undoSnapshotId } = (await restored.json()) as { undoSnapshotId: number }
    await waitFor(() => readBoard(anna.doc).signals.size === 3, 5_000, 'the restored cards on Anna’s screen')
    await waitFor(() => readBoard(ben.doc).signals.size === 3, 5_000, 'the restored cards on Ben’s screen')
    expect([...readBoard(ben.doc).signals.values()].map((s) => s.title).sort()).toEqual(
      ['Care robots in elderly homes', 'Four-day week pilots', 'Heat waves in July'],
    )

    expect((await api(`/history/${undoSnapshotId}/restore`, 'POST')).status).toBe(200)
    await waitFor(() => readBoard(ben.doc).signals.size === 0, 5_000, 'the restore to be undone')
  })

  it('takes snapshots by itself while the board changes', async () => {
    const server = await startTestServer({ tuning: { historyIntervalMs: 1 } })
    cleanups.push(() => server.close())
    const workshop = await createWorkshop(server.url)
    const client = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    cleanups.push(() => client.destroy())
    await synced(client)
    addSignal(client.doc, { title: 'Youth loneliness apps' }, { participantId: randomId() })
    const list = async () =>
      ((await (await fetch(`${server.url}/api/workshops/${workshop.id}/history`, { headers: { authorization: `Bearer ${workshop.keys.facilitator}` } })).json()) as { snapshots: Snapshot[] }).snapshots
    await waitFor(async () => (await list()).some((s) => s.reason === 'periodic' && s.signals === 1), 5_000, 'a periodic snapshot')
  })

  it('is for facilitators only', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.close())
    const workshop = await createWorkshop(server.url)
    const res = await fetch(`${server.url}/api/workshops/${workshop.id}/history`, { headers: { authorization: `Bearer ${workshop.keys.participant}` } })
    expect(res.status).toBe(403)
    const restore = await fetch(`${server.url}/api/workshops/${workshop.id}/history/1/restore`, { method: 'POST', headers: { authorization: `Bearer ${workshop.keys.participant}` } })
    expect(restore.status).toBe(403)
  })
})
