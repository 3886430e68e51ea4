/**
 * A realistic room set up fast from Node over the real protocol, for browser tests that look at
 * every stage as the room would after a full workshop: 60 signals (12 still unsorted), 8 trends
 * with long names, five people who placed the trends and disagree, dots, a key driver, a futures
 * wheel of 30 consequences, two stories and 12 takeaways.
 */
import {
  addSignal,
  addSignalToTrend,
  addTakeaway,
  addWheelNode,
  castVote,
  closeAssessment,
  createStory,
  createTrend,
  goToStage,
  joinAsParticipant,
  placeAssessment,
  readControl,
  toggleKeyDriver,
} from '../../../shared/doc/index.ts'
import type { WorkshopLinks } from '../../../shared/api.ts'
import type { StageKind } from '../../../shared/schema/stage.ts'
import { STEEP_CATEGORIES } from '../../../shared/schema/signal.ts'
import { seeded } from '../../../shared/doc/testing/prng.ts'
import { connectClient, synced, type TestClient } from '../../support/clients.ts'
import { createWorkshop } from '../../support/server.ts'

export const ROOM_WORKSHOP = {
  title: 'Everyday welfare 2040',
  focalQuestion: 'What will everyday welfare look like in our town in 2040, for the people who live here and those who care for them?',
  horizonYear: 2040,
}

export const ROOM_TRENDS = [
  'Care moves home',
  'Neighbours share what they have',
  'Communities of care',
  'Work fits around family life',
  'Residents decide the welfare budget',
  'Loneliness becomes a public health priority',
  'Local food and repair economies',
  'Digital services for every age',
] as const

/**
 * Where each of five people put each trend (impact, uncertainty): they agree on some, not on
 * others. The fourth lands exactly where the second does, in the middle (where a tap puts a
 * trend): two results sharing a median, as rooms often have.
 */
const PLACEMENTS: readonly (readonly [number, number])[][] = [
  [
    [0.85, 0.2],
    [0.8, 0.3],
    [0.9, 0.25],
    [0.82, 0.22],
    [0.88, 0.28],
  ],
  [
    [0.3, 0.2],
    [0.8, 0.8],
    [0.5, 0.5],
    [0.2, 0.9],
    [0.6, 0.4],
  ],
  [
    [0.7, 0.7],
    [0.72, 0.68],
    [0.75, 0.72],
    [0.7, 0.66],
    [0.73, 0.7],
  ],
  [
    [0.5, 0.5],
    [0.5, 0.5],
    [0.42, 0.58],
    [0.58, 0.44],
    [0.5, 0.5],
  ],
  [
    [0.2, 0.3],
    [0.25, 0.35],
    [0.22, 0.28],
    [0.3, 0.32],
    [0.18, 0.3],
  ],
  [
    [0.78, 0.75],
    [0.8, 0.7],
    [0.76, 0.78],
    [0.74, 0.72],
    [0.79, 0.74],
  ],
  [
    [0.6, 0.3],
    [0.62, 0.35],
    [0.58, 0.28],
    [0.65, 0.3],
    [0.6, 0.32],
  ],
  [
    [0.5, 0.8],
    [0.55, 0.85],
    [0.48, 0.82],
    [0.52, 0.78],
    [0.5, 0.8],
  ],
]
const VOTES: readonly number[][] = [
  [0, 0, 2],
  [0, 2, 5],
  [2, 2, 0],
  [5, 0, 6],
  [0, 2, 7],
]

const WHEEL_TEXTS = [
  'Loneliness drops among people who live alone',
  'Fewer care home places are needed',
  'Homes need adapting for care',
  'Family carers carry more',
  'Nurses spend more time travelling',
]

export interface SeededRoom {
  links: WorkshopLinks
  trendIds: string[]
  go(stage: StageKind): void
  closeVoting(): void
  done(): void
}

export async function seedRoom(server: { url: string; wsUrl: string }): Promise<SeededRoom> {
  const links = await createWorkshop(server.url, ROOM_WORKSHOP)
  // Seeding many people's records through one socket: the facilitator's key may write anyone's.
  const board = connectClient(server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
  const control = connectClient(server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
  await synced(board, control)
  const random = seeded(13)
  const people = ['Sam', 'Tuuli', 'Usko', 'Veera', 'Wilma'].map((name, i) => {
    const actor = { participantId: `${name}${'x'.repeat(20 - name.length)}${i}` }
    joinAsParticipant(board.doc, actor, name)
    return actor
  })
  const sam = people[0]!
  const trendIds = ROOM_TRENDS.map((name) => createTrend(board.doc, { name, narrative: `${name}: what it opens and what it asks of us.` }, sam))
  for (let i = 0; i < 60; i++) {
    const id = addSignal(
      board.doc,
      {
        title: `Signal ${i + 1}: ${['a pilot', 'a news item', 'a study', 'a startup'][i % 4]} about ${ROOM_TRENDS[i % 8]!.toLowerCase()}`,
        category: STEEP_CATEGORIES[i % STEEP_CATEGORIES.length]!,
      },
      people[i % 5]!,
    )
    // 48 in trends, the last 12 left for the Unsorted pile.
    if (i < 48) addSignalToTrend(board.doc, id, trendIds[i % 8]!, sam)
  }
  const stages = readControl(control.doc).stages
  const stageId = (kind: StageKind) => stages.find((s) => s.kind === kind)!.id
  PLACEMENTS.forEach((byPerson, t) =>
    byPerson.forEach(([impact, uncertainty], p) => placeAssessment(board.doc, { trendId: trendIds[t]!, impact, uncertainty }, people[p]!)),
  )
  VOTES.forEach((trends, p) =>
    trends.forEach((t) => castVote(board.doc, { trendId: trendIds[t]!, stageId: stageId('assess') }, people[p]!, { votesPerPerson: 3 })),
  )
  toggleKeyDriver(control.doc, trendIds[0]!)
  // A wheel of 30 consequences around the first trend: 5 first-order, 15 second, 10 third.
  const valences = ['positive', 'negative', 'mixed'] as const
  const firsts = WHEEL_TEXTS.map((text, i) => addWheelNode(board.doc, { trendId: trendIds[0]!, parentId: null, text, valence: valences[i % 3] }, people[i]!)!)
  const seconds = firsts.flatMap((parent, i) =>
    [0, 1, 2].map((j) =>
      addWheelNode(
        board.doc,
        { trendId: trendIds[0]!, parentId: parent, text: `${WHEEL_TEXTS[i]!.split(' ')[0]} leads to change ${j + 1}`, valence: valences[random.int(3)] },
        people[j]!,
      )!,
    ),
  )
  seconds
    .slice(0, 10)
    .forEach((parent, i) =>
      addWheelNode(board.doc, { trendId: trendIds[0]!, parentId: parent, text: `Third-order effect ${i + 1}`, valence: valences[i % 3] }, sam),
    )
  createStory(board.doc, { title: 'A Tuesday with Aino', trendIds: [trendIds[0]!, trendIds[2]!], persona: { name: 'Aino', age: 78 } }, sam)
  createStory(board.doc, { title: 'Mika between two jobs', trendIds: [trendIds[3]!], persona: { name: 'Mika', age: 41 } }, people[1]!)
  const when = ['now', 'year', 'fiveYears'] as const
  for (let i = 0; i < 12; i++)
    addTakeaway(
      board.doc,
      {
        text: `Takeaway ${i + 1}: start a pilot on ${ROOM_TRENDS[i % 8]!.toLowerCase()}`,
        who: 'Social services',
        when: when[i % 3],
        trendIds: [trendIds[i % 8]!],
      },
      people[i % 5]!,
    )
  const clients: TestClient[] = [board, control]
  return {
    links,
    trendIds,
    go: (stage) => void goToStage(control.doc, stageId(stage)),
    closeVoting: () => closeAssessment(control.doc, stageId('assess')),
    done: () => clients.forEach((c) => c.destroy()),
  }
}
