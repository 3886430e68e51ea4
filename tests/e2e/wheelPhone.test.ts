/**
 * The futures wheel on a phone (390×844), with a wheel as a room writes it: 7 first-order
 * consequences and 10 second-order ones, some long, in English and in Finnish (long compounds).
 * Whichever box is selected, no box, selection mark or "+" covers another box or another "+",
 * and every "+" in sight is what a finger at its centre hits, at least 24×24 px. The first view,
 * on the wheel's middle, says how many consequences lie outside it.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addWheelNode, goToStage, joinAsParticipant, createTrend, toggleKeyDriver } from '../../shared/doc/index.ts'
import { onServer, useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { expectConnected, giveName, SLOW } from './support/workshop.ts'
import { stageName } from './support/stages.ts'

const app = useBrowserAndServer()

const PHONE = { width: 390, height: 844 }

const WHEELS = {
  en: {
    trend: 'Care moves home',
    first: [
      'Loneliness drops among people who live alone',
      'Fewer care home places are needed',
      'Homes need adapting for care, from stair lifts to wider doors and safer bathrooms',
      'Family carers carry more',
      'Nurses spend more time travelling between homes than with the people they care for',
      'Care robots',
      'Neighbours check on each other',
    ],
    second: [
      'Fewer visits to the doctor',
      'Care homes close in small towns',
      'Builders learn accessible renovation',
      'Carers burn out and need respite services of their own',
      'Nursing becomes a driving job',
      'Robot maintenance becomes a local trade',
      'Street WhatsApp groups become the first alarm',
      'Relatives move back to their home town',
      'Insurance covers home adaptations',
      'Old people keep their pets longer',
    ],
  },
  fi: {
    trend: 'Hoiva siirtyy koteihin',
    first: [
      'Yksinasuvien yksinäisyys vähenee',
      'Hoivakotipaikkoja tarvitaan vähemmän',
      'Asuntoja on muutettava hoivaa varten porrashisseistä leveämpiin oviin ja turvallisempiin kylpyhuoneisiin',
      'Omaishoitajien kuormitus kasvaa',
      'Kotisairaanhoitajat käyttävät enemmän aikaa matkustamiseen kuin asiakkaisiinsa',
      'Hoivarobotit',
      'Naapurit katsovat toistensa perään',
    ],
    second: [
      'Lääkärikäynnit vähenevät',
      'Pienten kuntien hoivakodit suljetaan',
      'Rakentajat oppivat esteettömän korjausrakentamisen',
      'Omaishoitajat uupuvat ja tarvitsevat omia lomituspalveluita',
      'Sairaanhoitajan työstä tulee ajotyötä',
      'Robottien huollosta tulee paikallinen ammatti',
      'Korttelin WhatsApp-ryhmistä tulee ensimmäinen hälytys',
      'Sukulaiset muuttavat takaisin kotiseudulleen',
      'Vakuutus kattaa asunnonmuutostyöt',
      'Vanhukset pitävät lemmikkinsä pidempään',
    ],
  },
} as const

const OUTSIDE = {
  fi: (count: number) => `${count} seurausta lisää näkymän ulkopuolella: loitonna tai näytä listana`,
  en: (count: number) => `${count} more consequences outside the view: zoom out or use the List`,
}

/** Which parent each second-order consequence follows (index into `first`): uneven, as in a room. */
const SECOND_PARENT = [0, 1, 2, 3, 3, 5, 6, 6, 2, 0]

interface Reading {
  problems: string[]
  boxes: number
  adds: number
  tested: number
}

/**
 * Every drawn box (consequence, trend, a whole-text overlay, the selection mark) and every "+"
 * disc, as the screen shows them: any two that overlap (a "+" on its own box's corner aside), and
 * each "+" inside the diagram's window that a tap at its centre would not reach or that is too small.
 */
function readWheel(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const problems: string[] = []
    const viewport = document.querySelector('.wheel-diagram__viewport')!.getBoundingClientRect()
    // The "I'm done" bar covers the window's foot: what lies under it, or half a finger from its
    // edge, is a page scroll away.
    const bars = [...document.querySelectorAll('.ready-bar')].map((bar) => bar.getBoundingClientRect().top)
    const bottom = Math.min(innerHeight, ...bars) - 12
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${el.closest('[aria-label]')?.getAttribute('aria-label')?.slice(0, 50) ?? ''}`
    type Shape = { owner: string; kind: string; rect: DOMRect; label: string }
    const shapes: Shape[] = []
    for (const group of document.querySelectorAll('.wheel-diagram g[data-node-id]')) {
      const owner = group.getAttribute('data-node-id')!
      for (const rect of group.querySelectorAll(':scope > rect'))
        shapes.push({ owner, kind: rect.getAttribute('class') ?? 'rect', rect: rect.getBoundingClientRect(), label: name(group) })
    }
    // A box's whole text drawn over the wheel: its own box grown, so it may not cover another either.
    for (const expanded of document.querySelectorAll('.wheel-diagram .wheel-expanded > rect'))
      shapes.push({ owner: 'expanded', kind: 'expanded', rect: expanded.getBoundingClientRect(), label: 'whole text overlay' })
    const adds = [...document.querySelectorAll<SVGGElement>('.wheel-diagram g.wheel-add')]
    for (const add of adds)
      shapes.push({
        owner: add.dataset.addFor ?? '',
        kind: 'add',
        rect: add.querySelector('.wheel-add__disc')!.getBoundingClientRect(),
        label: add.getAttribute('aria-label') ?? '',
      })
    shapes.forEach((a, i) =>
      shapes.slice(i + 1).forEach((b) => {
        if (a.owner === b.owner && a.owner !== 'expanded') return
        if (hit(a.rect, b.rect)) problems.push(`${a.kind} of “${a.label}” overlaps ${b.kind} of “${b.label}”`)
      }),
    )
    let tested = 0
    for (const add of adds) {
      const target = add.getBoundingClientRect()
      if (target.width < 24 || target.height < 24) problems.push(`“${add.getAttribute('aria-label')}” is ${target.width}×${target.height}`)
      const disc = add.querySelector('.wheel-add__disc')!.getBoundingClientRect()
      const x = disc.left + disc.width / 2
      const y = disc.top + disc.height / 2
      if (x < viewport.left || x > viewport.right || y < viewport.top || y > viewport.bottom || y < 0 || y > bottom || x < 0 || x > innerWidth) continue
      tested++
      const top = document.elementFromPoint(x, y)
      if (!top || top.closest('g.wheel-add') !== add) problems.push(`a tap on “${add.getAttribute('aria-label')}” hits ${top ? name(top) : 'nothing'}`)
    }
    return { problems, boxes: shapes.length - adds.length, adds: adds.length, tested }
  })
}

/** The diagram has stopped moving: the same transform over two frames. */
async function settled(page: Page): Promise<void> {
  const transform = () => page.evaluate(() => document.querySelector('.wheel-diagram__svg > g')?.getAttribute('transform') ?? '')
  let last = ''
  await expect
    .poll(async () => {
      const now = await transform()
      const same = now === last && now !== ''
      last = now
      return same
    }, SLOW)
    .toBe(true)
}

describe.skipIf(browserTestsSkipped)('the futures wheel on a phone', () => {
  for (const language of ['fi', 'en'] as const) {
    it(`${language}: at every selection no box or "+" covers another, and every "+" in sight takes a tap`, { timeout: 180_000 }, async () => {
      const wheel = WHEELS[language]
      const room = await facilitatedWorkshop(app.server, language === 'fi' ? { language: 'fi' } : {})
      const sam = { participantId: 'SamSamSamSamSamSamSam1' }
      joinAsParticipant(room.board.doc, sam, 'Sam')
      const trendId = createTrend(room.board.doc, { name: wheel.trend }, sam)
      toggleKeyDriver(room.control.doc, trendId)
      const valences = ['positive', 'negative', 'mixed', ''] as const
      const firsts = wheel.first.map((text, i) => addWheelNode(room.board.doc, { trendId, parentId: null, text, valence: valences[i % 4] }, sam)!)
      wheel.second.forEach((text, i) =>
        addWheelNode(room.board.doc, { trendId, parentId: firsts[SECOND_PARENT[i]!]!, text, valence: valences[(i + 1) % 4] }, sam),
      )
      goToStage(room.control.doc, room.stageId('wheel'))
      const context = await app.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true })
      try {
        const page = await context.newPage()
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(error.message))
        await page.goto(onServer(room.links.links.participant, app.server))
        await giveName(page, 'Pia')
        await expectConnected(page)
        await page.getByRole('heading', { level: 2, name: stageName('wheel', language), exact: true }).waitFor(SLOW)
        const boxes = page.locator('.wheel-diagram g.wheel-node[data-node-id]')
        await expect.poll(() => boxes.count(), SLOW).toBe(17)
        await settled(page)
        const problems: string[] = []
        const unselected = await readWheel(page)
        problems.push(...unselected.problems.map((p) => `nothing selected: ${p}`))
        await screenshot(page, `wheel-phone/${language}-none`)
        // The first view shows the middle: the boxes it leaves out are said to be there, with the ways to them.
        const outside = page.locator('.wheel-outside')
        const boxesOutside = await boxes.evaluateAll((gs) => {
          const frame = document.querySelector('.wheel-diagram__viewport')!.getBoundingClientRect()
          return gs.filter((g) => {
            const box = g.querySelector('.wheel-node__box')!.getBoundingClientRect()
            return box.right <= frame.left || box.left >= frame.right || box.bottom <= frame.top || box.top >= frame.bottom
          }).length
        })
        expect(boxesOutside).toBeGreaterThan(1)
        expect(await outside.textContent(SLOW)).toBe(OUTSIDE[language](boxesOutside))
        await outside.scrollIntoViewIfNeeded()
        await screenshot(page, `wheel-phone/${language}-outside-note`)
        await page.evaluate(() => window.scrollTo(0, 0))
        const ids = [...(await boxes.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node-id')!))), 'centre']
        let tested = 0
        for (const id of ids) {
          const box = page.locator(`.wheel-diagram g[data-node-id="${id}"]`)
          await box.focus()
          await box.press('Enter')
          await expect.poll(() => box.getAttribute('aria-pressed'), SLOW).toBe('true')
          // The details below the wheel take the keyboard: the box is no longer only peeked at.
          await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.wheel-details')), SLOW).toBe(true)
          await page.evaluate(() => window.scrollTo(0, 0))
          await settled(page)
          const reading = await readWheel(page)
          tested += reading.tested
          problems.push(...reading.problems.map((p) => `${id} selected: ${p}`))
          if (id === ids[2] || id === ids[4]) await screenshot(page, `wheel-phone/${language}-selected-${ids.indexOf(id)}`)
        }
        // With the whole wheel in view, the note is gone.
        await page.getByRole('button', { name: language === 'fi' ? 'Koko pyörä' : 'Fit' }).click()
        await expect.poll(() => outside.count(), SLOW).toBe(0)
        expect(problems).toEqual([])
        // The "+" check above met buttons on screen, not only ones panned away.
        expect(tested).toBeGreaterThan(ids.length * 3)
        expect(unselected.adds).toBe(18)
        expect(errors).toEqual([])
      } finally {
        await context.close()
        room.close()
      }
    })
  }
})
