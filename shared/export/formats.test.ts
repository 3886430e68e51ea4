import { describe, expect, it } from 'vitest'
import { exportFilename, isExportFormat } from './formats'

describe('export file names', () => {
  const date = new Date('2025-03-12T23:30:00Z')

  it('are an ASCII slug of the title plus the date', () => {
    expect(exportFilename('Arjen hyvinvointi 2040', date, 'md')).toBe('arjen-hyvinvointi-2040-2025-03-12.md')
    expect(exportFilename('Hyvinvointi ääressä – Åbo/Turku', date, 'pdf')).toBe('hyvinvointi-aaressa-abo-turku-2025-03-12.pdf')
    expect(exportFilename('"; rm -rf / ".html', date, 'html')).toBe('rm-rf-html-2025-03-12.html')
    expect(exportFilename('', date, 'csv')).toBe('workshop-2025-03-12.csv')
    expect(exportFilename('💡🚀', date, 'json')).toBe('workshop-2025-03-12.json')
    expect(exportFilename('x'.repeat(300), date, 'md')).toHaveLength(60 + '-2025-03-12.md'.length)
  })

  it('cut a long title after a whole word (a wheel picture named "…-yksin-asuva-vaest" lost a letter)', () => {
    const title = 'Arjen hyvinvointi Pohjois-Savossa Ikääntyvä ja yksin asuva väestö kasvaa'
    const name = exportFilename(title, date, 'svg')
    expect(name).toBe('arjen-hyvinvointi-pohjois-savossa-ikaantyva-ja-yksin-asuva-2025-03-12.svg')
    const words = 'arjen hyvinvointi pohjois savossa ikaantyva ja yksin asuva vaesto kasvaa'.split(' ')
    for (const word of name.replace(/-2025-03-12\.svg$/, '').split('-')) expect(words, word).toContain(word)
    // A first word longer than the cut is still cut, not dropped.
    expect(exportFilename(`${'sosiaali'.repeat(10)} palvelut`, date, 'md')).toBe(`${'sosiaali'.repeat(10).slice(0, 60)}-2025-03-12.md`)
  })

  it('name a part after the title, each cut to its share: two wheels of a long-titled workshop are two files', () => {
    const title = 'Hyvinvoinnin tulevaisuus Pohjois-Savossa – ennakointityöpaja'
    const care = exportFilename(title, date, 'svg', 'Hoiva siirtyy kotiin ja teknologia avuksi')
    const migration = exportFilename(title, date, 'svg', 'Maahanmuutto turvaa hoivatyövoiman')
    expect(care).toBe('hyvinvoinnin-tulevaisuus-hoiva-siirtyy-kotiin-ja-teknologia-2025-03-12.svg')
    expect(migration).toBe('hyvinvoinnin-tulevaisuus-maahanmuutto-turvaa-hoivatyovoiman-2025-03-12.svg')
    for (const name of [care, migration]) expect(name.length).toBeLessThanOrEqual(60 + '-2025-03-12.svg'.length)
    expect(exportFilename('', date, 'svg', 'Care moves home')).toBe('workshop-care-moves-home-2025-03-12.svg')
  })

  it('know the formats there are', () => {
    expect(['md', 'html', 'pdf', 'csv', 'json'].every(isExportFormat)).toBe(true)
    expect(isExportFormat('docx')).toBe(false)
    expect(isExportFormat(undefined)).toBe(false)
  })
})
