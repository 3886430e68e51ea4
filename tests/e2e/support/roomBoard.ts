/**
 * A board the size of a real room, generated: 60 signals from 12 people, 8 trends holding most of
 * them, a three-ring futures wheel of 30 consequences and 12 takeaways. Titles vary in length the
 * way people write them (a few words to two lines), so density and clipping are tested honestly.
 * Written over the real protocol with the facilitator's key (which may write every person's records).
 */
import {
  addSignal,
  addSignalToTrend,
  addTakeaway,
  addWheelNode,
  createTrend,
  joinAsParticipant,
  readBoard,
  togglePlusOne,
  type Actor,
} from '../../../shared/doc/index.ts'
import { STEEP_CATEGORIES } from '../../../shared/schema/signal.ts'
import type { WorkshopLinks } from '../../../shared/api.ts'
import { connectClient, synced } from '../../support/clients.ts'
import { waitFor } from '../../support/server.ts'

const PEOPLE = ['Anna', 'Ben', 'Chiara', 'Dmitri', 'Eeva', 'Farid', 'Greta', 'Hannu', 'Ines', 'Jussi', 'Kaisa', 'Leo']

const SUBJECTS = [
  'Care robots',
  'Neighbourhood kitchens',
  'A four-day week',
  'Libraries lending tools',
  'Residents setting the care budget',
  'Remote nurses on video',
  'Shared electric cargo bikes',
  'Grandparents as paid childminders',
  'School meals cooked by pensioners',
  'Municipal heat pumps',
  'Peer support groups online',
  'Pop-up health clinics in malls',
]
const TWISTS = [
  'spread to small towns',
  'keep older people company at home, and most want to keep them after the pilot',
  'replace a service nobody asked to close',
  'appear in the council budget',
  'are run by volunteers',
  'become a hobby for teenagers, who teach their grandparents to use them on weekends',
  'cut waiting times by half',
  'need new kinds of insurance',
]

export const ROOM_TRENDS = [
  'Care moves home',
  'Neighbours become a service',
  'Work shrinks, time grows',
  'Repair instead of replace',
  'Citizens run the budget',
  'Health follows you online',
  'Energy made locally',
  'Generations mix again',
]

export interface RoomBoard {
  signalTitles: string[]
  trendNames: string[]
  wheelTrend: string
  wheelTexts: string[]
  takeawayTexts: string[]
}

/** The generated texts alone (pure, deterministic): tests compare what pages show against them. */
export function roomBoardTexts(): RoomBoard {
  const signalTitles = Array.from(
    { length: 60 },
    (_, i) => `${SUBJECTS[i % SUBJECTS.length]} ${TWISTS[(i * 5 + Math.floor(i / 12)) % TWISTS.length]} (${i + 1})`,
  )
  const wheelTexts = Array.from({ length: 30 }, (_, i) => {
    const ring = i < 4 ? 1 : i < 12 ? 2 : 3
    return (
      ['Fewer people move to care homes', 'Homes are adapted for care', 'Families share the work of caring', 'Care jobs move into homes'][i % 4]! +
      (ring > 1 ? ` — ring ${ring}, ${i}` : '')
    )
  })
  const takeawayTexts = Array.from(
    { length: 12 },
    (_, i) => `${['Pilot', 'Fund', 'Map', 'Ask residents about'][i % 4]} ${SUBJECTS[i]!.toLowerCase()} in two districts (${i + 1})`,
  )
  return { signalTitles, trendNames: ROOM_TRENDS, wheelTrend: ROOM_TRENDS[0]!, wheelTexts, takeawayTexts }
}

/** Writes the generated board into a workshop; resolves once the server has stored all of it. */
export async function seedRoomBoard(wsUrl: string, links: WorkshopLinks): Promise<RoomBoard> {
  const texts = roomBoardTexts()
  // Seeding many people's records through one socket: the facilitator's key may write anyone's.
  const client = connectClient(wsUrl, links.id, 'board', { key: links.keys.facilitator })
  try {
    await synced(client)
    const board = client.doc
    const people: Actor[] = PEOPLE.map((name, i) => {
      const actor = { participantId: `Person${String(i).padStart(2, '0')}PersonPerson0`.slice(0, 22) }
      joinAsParticipant(board, actor, name)
      return actor
    })
    const signalIds = texts.signalTitles.map((title, i) =>
      addSignal(
        board,
        {
          title,
          description: i % 3 === 0 ? 'Seen in a local news story; the pilot runs for a year.' : '',
          category: STEEP_CATEGORIES[i % STEEP_CATEGORIES.length]!,
          sourceUrl: i % 2 ? `https://news${i % 7}.example.org/story-${i}` : '',
        },
        people[i % people.length]!,
      ),
    )
    const trendIds = texts.trendNames.map((name, i) =>
      createTrend(board, { name, narrative: i % 2 ? 'Services follow people into their homes; neighbours share the care.' : '' }, people[i]!),
    )
    // 54 of the 60 signals sorted into trends (6 left unsorted), a few backing two trends.
    signalIds.slice(0, 54).forEach((id, i) => addSignalToTrend(board, id, trendIds[i % trendIds.length]!, people[i % people.length]!))
    for (let i = 0; i < 6; i++) addSignalToTrend(board, signalIds[i * 7]!, trendIds[(i + 3) % trendIds.length]!, people[i]!)

    // A three-ring wheel of 30 consequences: 4 first-order, 8 second, 18 third.
    const wheelTrendId = trendIds[0]!
    const first = texts.wheelTexts
      .slice(0, 4)
      .map((text, i) =>
        addWheelNode(board, { trendId: wheelTrendId, parentId: null, text, valence: (['positive', 'negative', 'mixed', ''] as const)[i]! }, people[i]!)!,
      )
    const second = texts.wheelTexts
      .slice(4, 12)
      .map((text, i) => addWheelNode(board, { trendId: wheelTrendId, parentId: first[i % 4]!, text, valence: i % 2 ? 'negative' : 'positive' }, people[i]!)!)
    texts.wheelTexts
      .slice(12)
      .forEach((text, i) =>
        addWheelNode(board, { trendId: wheelTrendId, parentId: second[i % 8]!, text, valence: i % 3 ? 'mixed' : 'positive' }, people[i % people.length]!),
      )

    texts.takeawayTexts.forEach((text, i) => {
      const id = addTakeaway(
        board,
        {
          text,
          who: i % 2 ? 'The council' : 'Social services',
          when: (['now', 'year', 'fiveYears'] as const)[i % 3]!,
          trendIds: [trendIds[i % trendIds.length]!],
        },
        people[i]!,
      )
      for (let p = 0; p < i % 5; p++) togglePlusOne(board, id, people[p]!)
    })
    await waitFor(() => client.provider.synced && client.provider.wsconnected, 5_000, 'the board to be sent')
    // The server stores before it answers anything else: a fresh reader seeing all of it proves it is stored.
    const reader = connectClient(wsUrl, links.id, 'board', { key: links.keys.participant })
    try {
      await waitFor(
        () => {
          const stored = readBoard(reader.doc)
          return stored.signals.size === 60 && stored.wheelNodes.size === 30 && stored.takeaways.size === 12
        },
        10_000,
        'the seeded board to be stored',
      )
    } finally {
      reader.destroy()
    }
    return texts
  } finally {
    client.destroy()
  }
}
