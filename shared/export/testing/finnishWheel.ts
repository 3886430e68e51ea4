/**
 * A futures wheel as a Finnish room makes one (the exploratory test of 7 December): a trend in
 * the middle, six first-order consequences, fourteen second-order and nine third-order ones,
 * texts up to about 120 letters, and the long compounds Finnish is written in. Exports cut these
 * texts off ("mielenterveyspalve|lujärjestelmä kuor…"): the wheel picture's tests and the
 * screenshots of the report are made from it.
 */
import * as Y from 'yjs'
import { addWheelNode, createTrend, createWorkshopControl, initBoard, joinAsParticipant, type Actor } from '../../doc/index'
import { getTemplate } from '../../method/templates'
import type { Valence } from '../../schema/index'
import type { WheelSvgNode } from '../wheelSvg'
import type { WorkshopFixture } from './workshops'

interface Consequence {
  readonly text: string
  readonly valence: Valence
  readonly children?: readonly Consequence[]
}

export const FINNISH_WORKSHOP_TITLE = 'Arjen hyvinvointi 2040 Pohjois-Savossa'
export const FINNISH_WHEEL_TREND = 'Ikääntyvä ja yksin asuva väestö kasvaa'

export const FINNISH_WHEEL: readonly Consequence[] = [
  {
    text: 'Yksinäisyys yleistyy ja mielenterveyspalvelujärjestelmä kuormittuu entisestään',
    valence: 'negative',
    children: [
      {
        text: 'Kunnat palkkaavat yhteisökoordinaattoreita torjumaan yksinäisyyttä',
        valence: 'positive',
        children: [{ text: 'Ammattinimike yhteisökoordinaattori vakiintuu ja koulutus alkaa ammattikorkeakouluissa', valence: 'positive' }],
      },
      {
        text: 'Mielenterveyspalveluiden jonot pitenevät ja hoitoon pääsy viivästyy',
        valence: 'negative',
        children: [{ text: 'Järjestöt paikkaavat palveluaukkoja matalan kynnyksen keskusteluavulla', valence: 'mixed' }],
      },
      { text: 'Kohtaamispaikkoja kirjastoihin ja kauppakeskuksiin', valence: 'positive' },
    ],
  },
  {
    text: 'Kotihoidon ja sosiaalipalveluiden kysyntä kasvaa voimakkaasti kaikissa kunnissa',
    valence: 'negative',
    children: [
      {
        text: 'Hoitajapula syvenee erityisesti haja-asutusalueilla',
        valence: 'negative',
        children: [
          { text: 'Rekrytointi ulkomailta kasvaa ja kielikoulutuksen tarve lisääntyy', valence: 'mixed' },
          { text: 'Hoivarobotiikka otetaan käyttöön lääkemuistutuksissa ja nostoissa', valence: 'mixed' },
        ],
      },
      {
        text: 'Asiakastietojärjestelmäuudistus viivästyy ja kustannukset nousevat',
        valence: 'negative',
        children: [{ text: 'Tietosuojavaltuutetun ratkaisut ohjaavat sosiaali- ja terveydenhuollon tiedonvaihtoa', valence: 'mixed' }],
      },
      { text: 'Palvelusetelien käyttö laajenee', valence: 'mixed' },
    ],
  },
  {
    text: 'Naapuriapu ja vapaaehtoistoiminta organisoituvat uudelleen asuinalueittain',
    valence: 'positive',
    children: [
      {
        text: 'Verotuki vapaaehtoistyölle',
        valence: 'positive',
        children: [{ text: 'Vapaaehtoistyön kirjaamiseen tarvitaan yhteinen rekisteri', valence: 'mixed' }],
      },
      { text: 'Taloyhtiöihin syntyy naapuriapurenkaita, joita vetää yhteisökoordinaattori', valence: 'positive' },
    ],
  },
  {
    text: 'Asuntoja muutetaan esteettömiksi ja yhteisöllisiä asumismuotoja syntyy',
    valence: 'positive',
    children: [
      {
        text: 'Asuntorakentamisen normit uudistetaan ikääntyneiden tarpeisiin',
        valence: 'positive',
        children: [
          {
            text: 'Esteettömyysvaatimukset nostavat rakennuskustannuksia lyhyellä aikavälillä, mutta vähentävät laitoshoidon tarvetta pitkällä',
            valence: 'mixed',
          },
        ],
      },
      { text: 'Korjausavustusten kysyntä ylittää määrärahat', valence: 'negative' },
    ],
  },
  {
    text: 'Digitaaliset etäpalvelut korvaavat osan kotikäynneistä',
    valence: 'mixed',
    children: [
      {
        text: 'Digituen tarve kasvaa, ja osa ikääntyneistä jää palveluiden ulkopuolelle',
        valence: 'negative',
        children: [{ text: 'Kirjastot ja kansalaisopistot järjestävät digiopastusta naapurustoissa', valence: 'positive' }],
      },
      { text: 'Etäkuntoutus ja videovälitteinen yhteydenpito arkipäiväistyvät', valence: 'positive' },
    ],
  },
  {
    text: 'Omaishoitajien taakka kasvaa',
    valence: 'negative',
    children: [
      {
        text: 'Omaishoitovapaa lakiin',
        valence: 'positive',
        children: [{ text: 'Työnantajat tarjoavat joustavia omaishoitojärjestelyjä osana henkilöstöpolitiikkaa', valence: 'positive' }],
      },
      { text: 'Työikäiset omaishoitajat vähentävät työaikaansa, mikä näkyy verotuloissa', valence: '' },
    ],
  },
]

/** The wheel as the picture takes it, with ids from its place in the tree ("n1-2"). */
export function finnishWheelNodes(): WheelSvgNode[] {
  const convert = (list: readonly Consequence[], prefix: string): WheelSvgNode[] =>
    list.map((c, i) => ({ id: `${prefix}-${i + 1}`, text: c.text, valence: c.valence, children: convert(c.children ?? [], `${prefix}-${i + 1}`) }))
  return convert(FINNISH_WHEEL, 'n')
}

/** A Finnish workshop whose one trend has the wheel above, made through the board's commands. */
export function buildFinnishWheelWorkshop(): WorkshopFixture {
  const control = new Y.Doc()
  const board = new Y.Doc()
  createWorkshopControl(control, { title: FINNISH_WORKSHOP_TITLE, horizonYear: 2040, language: 'fi' }, getTemplate('signals-to-stories'))
  initBoard(board)
  const aino: Actor = { participantId: 'aino-participant-0001' }
  joinAsParticipant(board, aino, 'Aino Mäkelä')
  addFinnishWheel(board, aino)
  return { board, control }
}

/**
 * Writes the trend and its wheel into `board` as `writer`, through the board's commands (the
 * projector's tests write it into a live room); returns the trend's id.
 */
export function addFinnishWheel(board: Y.Doc, writer: Actor): string {
  const trendId = createTrend(board, { name: FINNISH_WHEEL_TREND }, writer)
  const add = (list: readonly Consequence[], parentId: string | null) => {
    for (const c of list) {
      const id = addWheelNode(board, { trendId, parentId, text: c.text, valence: c.valence }, writer)!
      add(c.children ?? [], id)
    }
  }
  add(FINNISH_WHEEL, null)
  return trendId
}
