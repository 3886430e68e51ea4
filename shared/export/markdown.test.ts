import { describe, expect, it } from 'vitest'
import { exportMarkdown } from './markdown'
import { inlineMarkdown } from './markdownBody'
import { escapeInline, inlineText, link, paragraphLines } from './markdownText'
import { castVote, readBoard, readControl, updateStory } from '../doc/index'
import { buildFullWorkshop, hostileText, type WorkshopFixture } from './testing/workshops'

const readBoardAndControl = ({ board, control }: WorkshopFixture) => ({ trends: [...readBoard(board).trends.values()], stages: readControl(control).stages })

const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }
const headings = (md: string, level: number) => [...md.matchAll(new RegExp(`^${'#'.repeat(level)} (.+)$`, 'gm'))].map((m) => m[1])

describe('Markdown export: structure', () => {
  const md = exportMarkdown(buildFullWorkshop(), options)

  it('has the cover facts, then stories before trends, then unsorted, wheels and takeaways', () => {
    expect(md.startsWith('# Everyday welfare 2040\n')).toBe(true)
    expect(md).toContain('**Focal question:** What will everyday welfare look like in our town in 2040?')
    expect(md).toContain('**Horizon:** 2040')
    expect(md).toContain('**Date:** 12 March 2025')
    expect(md).toContain('**Participants (3):** Äijälä Cai, Anna Virtanen, Ben Okafor')
    expect(headings(md, 2)).toEqual(['Future stories', 'Trends and driving forces', 'Unsorted signals', 'Futures wheels', 'Takeaways'])
    expect(headings(md, 3)).toEqual([
      '1. A Tuesday in 2040',
      '2. Mika works four days',
      '1. Ageing at home — ★ Key driver',
      '2. Flexible working time',
      '3. Climate adaptation of services',
      'Futures wheel: Ageing at home',
      'Futures wheel: Flexible working time',
      'Now',
      'Within a year',
      'Within five years',
    ])
  })

  it('numbers and lists the trends as the room ranked them: most dots first, ties in the board order', () => {
    const workshop = buildFullWorkshop()
    const { trends, stages } = readBoardAndControl(workshop)
    const climate = trends.find((trend) => trend.name === 'Climate adaptation of services')!
    const assess = stages.find((stage) => stage.kind === 'assess')!
    // Three more people give the third trend a dot each: it now has the most.
    for (const participantId of ['dan-participant-000004', 'eve-participant-000005', 'fay-participant-000006'])
      castVote(workshop.board, { trendId: climate.id, stageId: assess.id }, { participantId }, { votesPerPerson: 3 })
    const md = exportMarkdown(workshop, options)
    const trendsPart = md.slice(md.indexOf('## Trends and driving forces'), md.indexOf('## Unsorted signals'))
    expect(headings(trendsPart, 3)).toEqual(['1. Climate adaptation of services', '2. Ageing at home — ★ Key driver', '3. Flexible working time'])
  })

  it('keeps the story formatting and its persona', () => {
    expect(md).toContain('- **Age:** 78')
    expect(md).toContain('- **Household:** Lives alone; daughter nearby')
    // The editor's heading (its h2) one level under the story's ###: `#####` skipped a level.
    expect(md).toContain('#### Morning')
    expect(md).not.toContain('##### Morning')
    expect(md).toContain('Aino wakes at seven. **The robot** reminds her of her *pills*. Ageing at home[^1]')
    expect(md).toContain('- ***Coffee with the neighbour***')
    expect(md).toMatch(/^1\. Walk\n2\. Lunch\\\n {3}with her daughter$/m)
    expect(md).toContain('> “I still decide my day.” Builders learn care design[^3]')
  })

  it('numbers citations as footnotes that all resolve, reusing a number for a repeated citation', () => {
    const references = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]))
    const definitions = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [m[1], m[2]] as const)
    expect([...references].sort()).toEqual(definitions.map(([n]) => n).sort())
    expect(new Set(definitions.map(([n]) => n)).size).toBe(definitions.length)
    expect(Object.fromEntries(definitions)).toEqual({
      '1': 'Trend: Ageing at home',
      '2': 'Signal: Care robots in elderly homes — [yle.fi](https://yle.fi/a/care-robots?x=1&y=%282%29)',
      '3': 'Consequence (3rd order · Ageing at home): Builders learn care design',
      '4': 'Removed trend: Soon removed',
      '5': 'Trend: Flexible working time',
    })
    expect(md.match(/Ageing at home\[\^1\]/g)).toHaveLength(2)
  })

  it('shows each trend’s narrative, assessment and signals with their sources', () => {
    const ageing = md.slice(md.indexOf('### 1. Ageing at home'), md.indexOf('### 2. Flexible working time'))
    expect(ageing).toContain('**Opportunities:** Independence; new local services.')
    expect(ageing).toContain('**Assessment:** Impact 8/10 (middle half 7.5–8.5) · Uncertainty 3/10 (middle half 2.5–3.5) · 3 placements · 2 dots')
    expect(ageing).toContain('**Signals behind this trend (2):**')
    expect(ageing).toContain('Source: [yle.fi](https://yle.fi/a/care-robots?x=1&y=%282%29), [hs.fi](https://www.hs.fi/robots)')
    expect(md).toContain('**Assessment:** Not assessed · 0 dots')
  })

  it('lists wheels as nested lists by order and takeaways with who, +1s and links', () => {
    expect(md).toContain(
      '- Fewer care homes *(1st order, mixed)*\n  - Homes adapted for care *(2nd order, positive)*\n    - Builders learn care design *(3rd order, positive)*',
    )
    expect(md).toContain('**Who:** Social services · **2 people agree** · Linked to: Story: A Tuesday in 2040; Trend: Ageing at home')
  })

  it('names a story without a title after its persona, as the app does, in its heading and where takeaways link it', () => {
    for (const [language, name] of [
      ['en', 'Aino’s day'],
      ['fi', 'Aino – yksi päivä'],
    ] as const) {
      const workshop = buildFullWorkshop({ language })
      const story = [...readBoard(workshop.board).stories.values()].find((s) => s.title === 'A Tuesday in 2040')!
      updateStory(workshop.board, story.id, { title: '' })
      const untitled = exportMarkdown(workshop, options)
      expect(headings(untitled, 3)[0]).toBe(`1. ${name}`)
      expect(untitled).toContain(`: ${name}; `)
    }
  })

  it('follows the workshop language and can leave the names out', () => {
    const fi = exportMarkdown(buildFullWorkshop({ language: 'fi' }), { ...options, includeParticipants: false })
    expect(headings(fi, 2)).toEqual(['Tulevaisuustarinat', 'Trendit ja muutosvoimat', 'Lajittelemattomat signaalit', 'Tulevaisuuspyörät', 'Johtopäätökset'])
    expect(fi).toContain('**Päivämäärä:** 12.3.2025')
    expect(fi).toContain('Vaikutus 8/10')
    expect(fi).not.toMatch(/Anna Virtanen|Ben Okafor|Osallistujat/)
  })
})

describe('Markdown export: hostile text stays text', () => {
  const md = exportMarkdown(buildFullWorkshop({ text: hostileText() }), options)

  it('makes no link but http(s) ones, and no link out of `](`', () => {
    const destinations = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]!)
    expect(destinations.length).toBeGreaterThan(0)
    for (const destination of destinations) expect(destination).toMatch(/^https?:\/\//)
    expect(md).not.toContain('](javascript:')
    expect(md).not.toContain('](data:')
  })

  it('leaves no raw HTML tag, code span or unescaped bracket from user text', () => {
    expect(md).not.toMatch(/(?<!\\)<[a-zA-Z/!?]/)
    expect(md).not.toMatch(/(?<!\\)`/)
    // Every `[` opens either a footnote reference/definition or a source link we made.
    for (const match of md.matchAll(/(?<!\\)\[([^\]]*)\]/g)) expect(match[1]).toMatch(/^\^\d+$|^[a-z0-9.-]+\.[a-z]+$/)
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>')
  })

  it('cannot start a block from inside a title or break a heading', () => {
    for (const line of md.split('\n')) {
      if (/^#{1,6} /.test(line)) expect(line).not.toMatch(/(?<!\\)#$/)
    }
    expect(inlineText('- not a list\n# not a heading')).toBe('\\- not a list \\# not a heading')
    expect(paragraphLines('1. first\n+ second\n\n= third')).toEqual(['1\\. first\\', '\\+ second', '', '\\= third'])
  })
})

describe('Markdown pieces', () => {
  it('escapes inline markup and entities', () => {
    expect(escapeInline('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert(1))')
    expect(escapeInline('a_b *c* `d` ~e~ |f| &amp; AT&T')).toBe('a\\_b \\*c\\* \\`d\\` \\~e\\~ \\|f\\| \\&amp; AT&T')
    expect(escapeInline('plain words, nothing to do.')).toBe('plain words, nothing to do.')
  })

  it('links only http(s) and keeps parentheses inside the destination', () => {
    expect(link({ url: 'https://example.org/a_(b)', domain: 'example.org' })).toBe('[example.org](https://example.org/a_%28b%29)')
    expect(link({ url: 'javascript:alert(1)', domain: 'x' }, 'click')).toBe('click')
  })

  it('opens and closes emphasis around runs so CommonMark reads it', () => {
    const run = (text: string, bold = false, italic = false) => ({ type: 'text' as const, text, bold, italic })
    expect(inlineMarkdown([run('a '), run('bold ', true), run('both', true, true), run(' end')])).toBe('a **bold *both*** end')
    expect(inlineMarkdown([run('it', false, true), run('both', true, true)])).toBe('*it**both***')
    expect(inlineMarkdown([run('x', true), { type: 'break' }, run('- y')])).toBe('**x**\\\n\\- y')
    expect(inlineMarkdown([run('   lead and trail   ', true)])).toBe('**lead and trail**')
  })

  it('sets a citation apart from the words on both sides, not from punctuation', () => {
    const run = (text: string, bold = false) => ({ type: 'text' as const, text, bold, italic: false })
    const cite = (label: string) => ({ type: 'citation' as const, kind: 'signal' as const, refId: 's1', label, footnote: 1 })
    expect(inlineMarkdown([run('Heat'), cite('Cooling centres'), run('came first.')])).toBe('Heat Cooling centres[^1] came first.')
    expect(inlineMarkdown([run('Heat '), cite(' Cooling centres '), run(' came', true)])).toBe('Heat Cooling centres[^1] **came**')
    expect(inlineMarkdown([run('As shown'), cite('Cooling centres'), run(', then')])).toBe('As shown Cooling centres[^1], then')
    // A bracket right after the footnote would make it a link: "[^1](https://…)".
    expect(inlineMarkdown([run('See'), cite('Cooling centres'), run('(https://evil.example)')])).toBe('See Cooling centres[^1] (https://evil.example)')
    expect(inlineMarkdown([run('See'), cite('Cooling\n===\ncentres'), run('“now”')])).toBe('See Cooling === centres[^1] “now”')
    // The space the editor puts after a chip goes where punctuation was typed next.
    expect(inlineMarkdown([run('Older people live at'), cite('home'), run(' . And so')])).toBe('Older people live at home[^1]. And so')
    expect(inlineMarkdown([run('See'), cite('Cooling centres'), run(' (2040)')])).toBe('See Cooling centres[^1] (2040)')
  })
})
