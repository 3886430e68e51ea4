/**
 * Words that say nothing about what a sticky note is about, in English and Finnish. Written for
 * workshop notes rather than taken from a search engine's list: besides grammar words they hold
 * the filler people write on cards ("new", "more", "people", "lisää", "uusi"), which would
 * otherwise link every note to every other.
 */

const ENGLISH = `
a about above after again against all almost also am an and any are aren around as at be because
been before being below between both but by can cannot could did do does doing done down during
each even ever every few for from further get gets getting go goes going got had has have having he
her here hers herself him himself his how i if in into is isn it its itself just less let like
lot lots many may me might more most much must my myself near need needs new no nor not now of off
often on once one only or other others our ours ourselves out over own per quite rather really
same see seen she should since so some something still such than that the their theirs them
themselves then there these they thing things this those though through thus to too toward towards
under until up upon us use used uses using very via was we well were what when where whether
which while who whom whose why will with within without would yet you your yours yourself
yourselves etc eg ie vs lol ok okay kind sort way ways people everyone someone anyone really
maybe perhaps already soon getting becoming become becomes became seems seem year years time
make makes made making want wants say says said show shows lot trend trends signal signals
weak future futures change changes changing new newer
`

const FINNISH = `
aika aina ajan alla alle ehkä ei eikä eivät eli enemmän ennen entistä entä eri esim esimerkiksi
et että hän he heidän heille heitä hyvin ihan ilman itse ja jo joka jolla jolle jolloin jolta
jonka jopa jos joskus jossa josta jota jotka jotta juuri kaikki kaikkea kanssa kautta keskellä
kohti koko kuin kuinka kun kuten kyllä lisää lähes me meidän meille melkein menee mikä miksi
millä minkä minä mitä miten mukaan muiden muita muka mutta myös ne niiden niin nyt näin nämä
noin nuo ole oli olivat olla ollut olleet olut on ovat paljon sama se sekä sen siellä siinä
silti sillä sinä sitten sitä siis suoraan taas tai takia tällä tämä tämän tässä tästä tätä te
teidän tosi tuo tuon täysin uusi uudet uusia uutta vai vaan vain valmiiksi vielä voi voivat
vähän yhä yli ym yms jne kts nykyään tulee tulevat tulossa tuleva tulevaisuus tulevaisuudessa
ihmiset ihmisiä ihmisten moni monet monta yhä entistä koska sekä mm kuitenkin vaikka asia asiat
asioita juttu jutut tapa tavat oikeastaan varmaan ehkäpä pitää pitäisi voisi voisivat
signaali signaalit trendi trendit muutos muutokset yhä kasvaa kasvava lisääntyy lisääntyvät
`

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean))
}

export const STOP_WORDS = {
  en: words(ENGLISH),
  fi: words(FINNISH),
} as const

/** True when the word is a stop word in either language (notes mix them freely). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.en.has(word) || STOP_WORDS.fi.has(word)
}
