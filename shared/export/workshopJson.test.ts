import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, readBoard, readControl, setLastRestore, setPrivateCounts } from '../doc/index'
import { versionMap } from '../doc/migrate'
import { SCHEMA_VERSION_KEY } from '../doc/roots'
import { exportHtml } from './html'
import { importWorkshop, looksTruncated, type ImportErrorCode } from './importWorkshop'
import { exportMarkdown } from './markdown'
import { canonicalWorkshop } from './testing/canonical'
import { buildFullWorkshop } from './testing/workshops'
import { exportWorkshopJson, workshopExport } from './workshopJson'

const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }

describe('the full fixture', () => {
  it('holds every record type the board and control have', () => {
    const { board, control } = buildFullWorkshop()
    const snapshot = readBoard(board)
    for (const [name, records] of Object.entries(snapshot)) {
      if (records instanceof Map) expect(records.size, name).toBeGreaterThan(0)
    }
    expect(new Set([...snapshot.wheelNodes.values()].map((node) => node.ring))).toEqual(new Set([1, 2, 3]))
    expect([...snapshot.signals.values()].some((signal) => signal.sources.length > 0)).toBe(true)
    const session = readControl(control)
    expect(session.keyDrivers).toHaveLength(1)
    expect(session.meta.themes).toHaveLength(2)
  })
})

describe('JSON export and import', () => {
  it('is versioned, carries full states and a readable summary', () => {
    const file = workshopExport(buildFullWorkshop(), options)
    expect(file).toMatchObject({ format: 'signals-to-stories', formatVersion: 1, schemaVersion: SCHEMA_VERSION, exportedAt: '2025-03-12T10:00:00.000Z' })
    expect(file.workshop.title).toBe('Everyday welfare 2040')
    expect(file.documents.board).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(file.summary.counts).toMatchObject({ signals: 5, trends: 3, stories: 2, takeaways: 3, participants: 3, keyDrivers: 1 })
    expect(file.summary.trends).toEqual(['Ageing at home', 'Flexible working time', 'Climate adaptation of services'])
  })

  it('round-trips: export → import → export gives the same content', () => {
    const original = buildFullWorkshop()
    const json = exportWorkshopJson(original, options)
    const result = importWorkshop(json)
    if (!result.ok) throw new Error(result.message)
    const imported = result.workshop
    expect(imported.title).toBe('Everyday welfare 2040')
    expect(canonicalWorkshop(imported)).toEqual(canonicalWorkshop(original))
    expect(exportMarkdown(imported, options)).toBe(exportMarkdown(original, options))
    expect(exportHtml(imported, options)).toBe(exportHtml(original, options))
    const later = { ...options, generatedAt: new Date('2026-01-01T00:00:00Z') }
    const again = JSON.parse(exportWorkshopJson(imported, later))
    expect({ ...again, exportedAt: 'x' }).toEqual({ ...JSON.parse(json), exportedAt: 'x' })
  })

  it('leaves private-mode counts behind: the drafts they count are not in the file', () => {
    const original = buildFullWorkshop()
    setPrivateCounts(original.control, { 'anna-participant-0001': { name: 'Anna', count: 3 } })
    const result = importWorkshop(exportWorkshopJson(original, options))
    expect(result.ok && readControl(result.workshop.control).privateCounts).toEqual({})
  })

  it('leaves the notice of a restore behind: the history it restored from is not in the file', () => {
    const original = buildFullWorkshop()
    setLastRestore(original.control, { at: 1_000, snapshotAt: 900, undo: true })
    expect(readControl(original.control).lastRestore).not.toBeNull()
    const result = importWorkshop(exportWorkshopJson(original, options))
    expect(result.ok && readControl(result.workshop.control).lastRestore).toBeNull()
  })
})

describe('importing refuses what it cannot take, naming the problem', () => {
  const good = () => JSON.parse(exportWorkshopJson(buildFullWorkshop(), options)) as Record<string, unknown>
  const refusal = (input: unknown): { code: ImportErrorCode; message: string } => {
    const result = importWorkshop(typeof input === 'string' ? input : JSON.stringify(input))
    if (result.ok) throw new Error('expected a refusal')
    return result
  }
  const stateOf = (build: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc()
    build(doc)
    return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64')
  }

  it('text that is not JSON, empty, or cut short', () => {
    expect(refusal('hello')).toMatchObject({ code: 'notJson', message: expect.stringMatching(/not JSON/) })
    expect(refusal('  ')).toMatchObject({ code: 'notJson', message: 'the file is empty' })
    const json = exportWorkshopJson(buildFullWorkshop(), options)
    expect(refusal(json.slice(0, json.length / 2))).toMatchObject({ code: 'truncated', message: expect.stringMatching(/cut short/) })
    expect(looksTruncated('{"a": "b\\"')).toBe(true)
    expect(looksTruncated('{"a": "}"} x')).toBe(false)
  })

  it('JSON that is not an export, or a broken one', () => {
    expect(refusal([1, 2])).toMatchObject({ code: 'notAnExport' })
    expect(refusal({ format: 'excalidraw' })).toMatchObject({ code: 'notAnExport', message: expect.stringMatching(/"format" is "excalidraw"/) })
    expect(refusal({ ...good(), documents: { board: 'AAAA' } })).toMatchObject({ code: 'invalid', message: expect.stringMatching(/documents\.control/) })
    expect(refusal({ ...good(), formatVersion: 'one' })).toMatchObject({ code: 'invalid', message: expect.stringMatching(/formatVersion/) })
  })

  it('files from a newer version', () => {
    expect(refusal({ ...good(), formatVersion: 2 })).toMatchObject({ code: 'newerVersion', message: expect.stringMatching(/newer version.*file format 2/) })
    expect(refusal({ ...good(), schemaVersion: SCHEMA_VERSION + 1 })).toMatchObject({ code: 'newerVersion', message: expect.stringMatching(/schema/) })
    const file = good()
    const documents = file.documents as Record<string, string>
    const board = new Y.Doc()
    Y.applyUpdate(board, Buffer.from(documents.board!, 'base64'))
    versionMap(board, 'board').set(SCHEMA_VERSION_KEY, SCHEMA_VERSION + 1)
    documents.board = Buffer.from(Y.encodeStateAsUpdate(board)).toString('base64')
    expect(refusal(file)).toMatchObject({ code: 'newerVersion', message: expect.stringMatching(/documents\.board is schema/) })
  })

  it('documents that are not base64, do not decode, are partial or of the wrong kind', () => {
    const file = good()
    const documents = file.documents as Record<string, string>
    expect(refusal({ ...file, documents: { ...documents, board: 'not base64!' } })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/documents\.board is not base64/),
    })
    expect(refusal({ ...file, documents: { ...documents, board: documents.board!.slice(0, -3) } })).toMatchObject({ code: 'invalid' })
    const garbage = Buffer.from([0xff, 0xff, 0xff, 0x0f, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]).toString('base64')
    expect(refusal({ ...file, documents: { ...documents, board: garbage } })).toMatchObject({ code: 'badDocument' })
    expect(refusal({ ...file, documents: { ...documents, board: documents.control } })).toMatchObject({
      code: 'badDocument',
      message: expect.stringMatching(/not a board document/),
    })
    const doc = new Y.Doc()
    doc.getMap('m').set('a', 1)
    const before = Y.encodeStateVector(doc)
    doc.getMap('m').set('b', 2)
    const partial = Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64')
    expect(refusal({ ...file, documents: { ...documents, board: partial } })).toMatchObject({
      code: 'badDocument',
      message: expect.stringMatching(/incomplete/),
    })
    expect(refusal({ ...file, documents: { ...documents, board: stateOf((d) => d.getMap('x').set('y', 1)) } })).toMatchObject({ code: 'badDocument' })
  })
})
