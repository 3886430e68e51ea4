import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal } from '../doc/commands/signals'
import { createWorkshopControl, setThemes } from '../doc/index'
import { anna, newBoard } from '../doc/testing/fixtures'
import { getTemplate } from '../method/index'
import { exportSignalsCsv } from '../export/csv'
import { parseBankCsv } from './csv'

describe('parseBankCsv', () => {
  it('reads what the CSV export writes, so one workshop seeds the next', () => {
    const board = newBoard()
    const control = new Y.Doc()
    createWorkshopControl(control, { title: 'Scan', language: 'fi' }, getTemplate('signals-to-stories'))
    const [themeId] = setThemes(control, [{ label: 'Hoiva' }]) as [string]
    addSignal(
      board,
      { title: '=Hoivarobotit, "kotona"', description: 'rivi\nkaksi', sourceUrl: 'https://a.example/x', category: 'technological', themeId },
      anna,
    )
    const csv = exportSignalsCsv({ board, control }, { includeParticipants: true, generatedAt: new Date() })
    const result = parseBankCsv(csv)
    expect(result).toEqual({
      ok: true,
      signals: [
        {
          title: '=Hoivarobotit, "kotona"',
          description: 'rivi\nkaksi',
          whyItMatters: '',
          sourceUrl: 'https://a.example/x',
          sources: [],
          theme: 'Hoiva',
          category: 'technological',
        },
      ],
    })
  })

  it('takes semicolons, English or Finnish headers, bare domains and several links', () => {
    const result = parseBankCsv('Otsikko;Lähde;Luokka\nEtätyö;yle.fi/a https://b.example/;Taloudellinen\n')
    expect(result.ok && result.signals[0]).toMatchObject({
      title: 'Etätyö',
      sourceUrl: 'https://yle.fi/a',
      sources: ['https://b.example/'],
      category: 'economic',
    })
  })

  it('refuses a bad file whole, naming each problem by row and column', () => {
    const result = parseBankCsv('Title,Source,Category\nFine,,Social\n,https://x.example,\nThird,javascript:alert(1),Weird\n')
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'titleMissing', row: 3, column: 'Title' },
        { code: 'badLink', row: 4, column: 'Source', value: 'javascript:alert(1)' },
        { code: 'badCategory', row: 4, column: 'Category', value: 'Weird' },
      ],
    })
  })

  it('counts rows as a spreadsheet does, a quoted line break included', () => {
    const result = parseBankCsv('Title,Description\nA,"two\nlines"\n,x\n')
    expect(result.ok ? null : result.problems[0]).toEqual({ code: 'titleMissing', row: 4, column: 'Title' })
  })

  it('says what is wrong with a file that is not a signal list', () => {
    expect(parseBankCsv('')).toEqual({ ok: false, problems: [{ code: 'empty' }] })
    expect(parseBankCsv('Name,Age\nAnna,3\n')).toEqual({ ok: false, problems: [{ code: 'noTitleColumn', row: 1 }] })
    expect(parseBankCsv('Title\n"never closed\n')).toEqual({ ok: false, problems: [{ code: 'unclosedQuote' }] })
  })
})

describe('importing bank signals', () => {
  it('adds them all, marked as from the bank with their links, in one step; or none when one is invalid', async () => {
    const { importSignals } = await import('../doc/commands/signals')
    const { readBoard } = await import('../doc/read')
    const { toSignalInputs } = await import('./toInputs')
    const board = newBoard()
    const parsed = parseBankCsv('Title,Source,Theme\nCare robots,https://a.example/ https://b.example/,Hoiva\nRemote work,,Unknown\n')
    if (!parsed.ok) throw new Error('fixture')
    const { inputs, unknownThemes } = toSignalInputs(parsed.signals, [{ id: 'hoiva-000000000000000', label: 'hoiva', order: 'a0' }])
    expect(unknownThemes).toEqual(['Unknown'])
    const ids = importSignals(board, inputs, anna)
    const cards = ids.map((id) => readBoard(board).signals.get(id)!)
    expect(cards.map((c) => [c.title, c.fromBank, c.sourceUrl, c.sources, c.themeId])).toEqual([
      ['Care robots', true, 'https://a.example/', ['https://b.example/'], 'hoiva-000000000000000'],
      ['Remote work', true, '', [], ''],
    ])
    expect(() => importSignals(board, [{ title: 'fine' }, { title: '' }], anna)).toThrow()
    expect(readBoard(board).signals.size).toBe(2)
  })
})
