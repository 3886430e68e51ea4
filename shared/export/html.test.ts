import { describe, expect, it } from 'vitest'
import { REPORT_CSP, exportHtml } from './html'
import { bodyHtml } from './htmlBody'
import { matrixHtml } from './htmlSections'
import { buildReport } from './report'
import { toSnapshot } from './snapshot'
import { attr, text } from './htmlText'
import type { Inline } from './storyBody'
import { buildFullWorkshop, hostileText } from './testing/workshops'

const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }
const tagsOf = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''))

describe('HTML export: a self-contained page', () => {
  const html = exportHtml(buildFullWorkshop(), options)

  it('opens with the charset and a strict Content-Security-Policy, and has no scripts or external resources', () => {
    expect(html).toMatch(
      /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">/,
    )
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(/i)
  })

  it('reads in order: cover, contents, stories, trends, unsorted, wheels, takeaways', () => {
    expect(tagsOf(html, 'h1')).toEqual(['Everyday welfare 2040'])
    expect(tagsOf(html, 'h2')).toEqual(['Contents', 'Future stories', 'Trends and driving forces', 'Unsorted signals', 'Futures wheels', 'Takeaways'])
    expect(html.indexOf('id="story-1"')).toBeLessThan(html.indexOf('id="trend-1"'))
    expect(html).toContain('<span class="tag steep steep-technological">Technological</span>')
    expect(html).toContain('<span class="badge key">★ Key driver</span>')
    expect(html).toContain('<strong>The robot</strong> reminds her of her <em>pills</em>.')
  })

  it('gives each assessment as the Assess stage does: the median, and the middle half of the placements as the bar', () => {
    // Ageing at home: impact placed at 7, 8 and 9 of 10; its middle half is 7.5–8.5.
    expect(html).toContain('<span class="meter-value">8/10 <span class="meter-range">(middle half 7.5–8.5)</span></span>')
    expect(html).toContain('<span class="spread" style="left:75%;width:10%"></span>')
    expect(html).not.toMatch(/\/10 ±/)
  })

  it('sets dots of trends placed alike side by side on the grid: each number shows', () => {
    const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }
    const report = buildReport(toSnapshot(buildFullWorkshop()), options)
    const [first, second] = report.trends
    // Two trends the room placed at the same spot.
    const alike = { ...report, trends: [first!, { ...second!, assessment: first!.assessment }] }
    const lefts = [...matrixHtml(alike).matchAll(/class="dot[^"]*" style="left:([^;]+);top:([^"]+)"/g)].map(([, left, top]) => ({ left, top }))
    expect(lefts).toHaveLength(2)
    expect(lefts[0]!.top).toBe(lefts[1]!.top)
    expect(lefts.map(({ left }) => left)).toEqual([
      expect.stringMatching(/^clamp\(0\.8rem, calc\([\d.]+% - 0\.85rem\), calc\(100% - 2\.5rem\)\)$/),
      expect.stringMatching(/^clamp\(2\.5rem, calc\([\d.]+% \+ 0\.85rem\), calc\(100% - 0\.8rem\)\)$/),
    ])
    // Placed apart, each where it was.
    expect(matrixHtml(report)).not.toContain('calc(')
  })

  it('names things as the app does: the grid quarters, dots, and how many agree with a takeaway', () => {
    expect(html).toContain('<span class="q q-tr"><strong>Critical uncertainties</strong><br>high impact, uncertain</span>')
    expect(html).toContain('<span class="q q-tl"><strong>Plan for these</strong><br>high impact, fairly certain</span>')
    expect(html).toMatch(/· \d+ dots?<\/p>/)
    expect(html).not.toMatch(/\d votes?\b/)
    expect(html).toMatch(/<span class="plus">\d+ (person agrees|people agree)<\/span>/)
  })

  it('links out only to http(s), and every internal link lands on an id that exists once', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)
    expect(new Set(ids).size).toBe(ids.length)
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!)
    expect(hrefs.length).toBeGreaterThan(20)
    for (const href of hrefs) {
      if (href.startsWith('#')) expect(ids, href).toContain(href.slice(1))
      else expect(href).toMatch(/^https?:\/\//)
    }
    expect(html).toContain('<a href="https://yle.fi/a/care-robots?x=1&amp;y=(2)" rel="noopener noreferrer">yle.fi</a>')
  })

  it('prints to A4 with a page per story and cards that are never cut', () => {
    expect(html).toMatch(/@page \{ size: A4;/)
    expect(html).toMatch(/\.story \+ \.story \{ break-before: page;/)
    expect(html).toMatch(/\.card \{[^}]*break-inside: avoid/)
    expect(html).toMatch(/a\[data-domain\]::after \{ content: " \(" attr\(data-domain\) "\)"/)
  })

  it('speaks the workshop language', () => {
    const fi = exportHtml(buildFullWorkshop({ language: 'fi' }), { ...options, includeParticipants: false })
    expect(fi).toContain('<html lang="fi">')
    expect(tagsOf(fi, 'h2')).toContain('Tulevaisuustarinat')
    expect(fi).not.toContain('Anna Virtanen')
  })
})

describe('HTML export: hostile text stays text', () => {
  const html = exportHtml(buildFullWorkshop({ text: hostileText() }), options)

  it('escapes every payload into inert text', () => {
    expect(html).not.toMatch(/<(script|img|b)\b/i)
    // The only SVG is the wheel picture this export draws, made of drawing elements alone.
    const pictures = html.match(/<svg\b[^>]*>/g) ?? []
    expect(pictures.length).toBeGreaterThan(0)
    for (const tag of pictures)
      expect(tag).toMatch(/^<svg class="wheel-picture" viewBox="[-\d. ]+" width="\d+" height="\d+" role="img" font-family="[^"<>]*">$/)
    const inside = [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].flatMap(([svg]) => [...svg.matchAll(/<([a-zA-Z]+)/g)].map(([, tag]) => tag))
    expect(new Set(inside)).toEqual(new Set(['svg', 'title', 'ellipse', 'text', 'tspan', 'line', 'g', 'rect', 'circle', 'path']))
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/href="(?!https?:\/\/|#)/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&quot;&gt;&lt;b onmouseover=alert(1)&gt;')
  })

  it('sets a citation apart from the words on both sides, not from punctuation', () => {
    const run = (text: string) => ({ type: 'text' as const, text, bold: false, italic: false })
    const cite = (label: string) => ({ type: 'citation' as const, kind: 'signal' as const, refId: 's1', label, footnote: 1 })
    const paragraph = (...content: Inline[]) => bodyHtml([{ type: 'paragraph', content }], 4, new Set()).replace(/<[^>]+>/g, '|')
    expect(paragraph(run('Heat'), cite(' Cooling centres '), run('came first.'))).toBe('|Heat |Cooling centres|1|| came first.|')
    expect(paragraph(run('As shown'), cite('Cooling centres'), run(', then'))).toBe('|As shown |Cooling centres|1||, then|')
    expect(paragraph(run('See'), cite('Cooling centres'), { ...run('“now”'), bold: true })).toBe('|See |Cooling centres|1|| |“now”||')
    // The space the editor puts after a chip goes where punctuation was typed next.
    expect(paragraph(run('Older people live at'), cite('home'), run(' . And '), cite('Care'), run(' , then'))).toBe(
      '|Older people live at |home|1||. And |Care|1||, then|',
    )
    expect(paragraph(run('See'), cite('Cooling centres'), run(' (2040)'))).toBe('|See |Cooling centres|1|| (2040)|')
  })

  it('escapes text and attributes the same safe way', () => {
    expect(text(`<a href='x' title="y">&`)).toBe('&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;')
    expect(attr('title', '" onload="x')).toBe(' title="&quot; onload=&quot;x"')
  })
})
