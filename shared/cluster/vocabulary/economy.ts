/**
 * Concepts about the economy beyond the basics in `./work.ts`: prices and money, industries,
 * the labour market's shifts and new ways of owning and paying. Format: see `./parse.ts`.
 */
export const ECONOMY = `
inflation | economy | E | inflation: inflation, rising prices, price rise*, price increase*, purchasing power, cost increase* | inflaatio: inflaatio*, ~inflaatio*, hinnannou*, ~hinnannou*, hinnat nous*, ostovoim*, ~ostovoim*, kallistu*, ~kallistu*
interestrates | economy | E | interest rates: interest rate*, mortgage*, euribor, central bank*, loan payment* | korot: korko*, ~korko*, korot, koron, asuntolain*, ~asuntolain*, euribor*, keskuspank*, lainanlyhen*
recession | economy | E | recession: recession, downturn, economic crisis, slowdown, bankrupt*, insolvenc* | taantuma: taantum*, ~taantum*, lama*, ~lama, talouskriisi*, konkurssi*, ~konkurssi*, maksukyvyttöm*
wealth | equality | E | wealth: wealth*, rich, the rich, inheritance*, billionaire*, assets, investor* | varallisuus: varallisuu*, ~varallisuu*, rikkaa*, rikkaus, perintö*, ~perintö*, miljardöö*, sijoittaj*, ~sijoittaj*
investment | economy | E | investing: invest*, stock market, stocks, index fund*, esg, impact invest* | sijoittaminen: sijoitta*, ~sijoitta*, sijoitu*, osake*, ~osake*, rahasto*, ~rahasto*, pörssi, pörssiss*, vastuullinen sijoit*
wages | work | E | wages: wage*, salar*, pay rise*, low pay, minimum wage, income*, earnings | palkat: palkka*, ~palkka*, palkko*, palka*, ~palkka, minimipalk*, tulot, tuloja, tulojen, ansio*, ~ansio*
labourmarket | work | E | labour market: labour market, labor market, recruitment, recruit*, hiring, job market, vacanc*, talent* | työmarkkinat: työmarkkin*, ~työmarkkin*, rekrytoi*, ~rekrytoi*, rekry*, ~rekry*, työnhak*, ~työnhak*, avoimet työpaikat, osaajapula*, osaaj*, ~osaaj*
labourmigration | migration | E | labour migration: labour migra*, labor migra*, foreign worker*, recruited abroad, international talent, work permit*, seasonal worker* | työperäinen maahanmuutto: työperäi*, ~työperäi*, ulkomaalai* työnteki*, ulkomail*, ~ulkomail*, työlupa*, ~työlupa*, kausityö*, ~kausityö*, ~kausityönteki*
productivity | economy | E | productivity: productiv*, efficien*, output per hour, growth rate* | tuottavuus: tuottavuu*, ~tuottavuu*, tehokkuu*, ~tehokkuu*, tehostami*, talouskasvu*, ~talouskasvu*
greenjobs | work | N | green jobs: green job*, green transition, green industr*, clean tech*, cleantech | vihreät työpaikat: vihreä siirtymä, vihreän siirtymän, vihreä* työpaik*, vihreä teollisuus, cleantech*, puhdas teknologia
forestindustry | economy | N | forest industry: forest industry, pulp, paper mill*, sawmill*, timber, wood product* | metsäteollisuus: metsäteollisuu*, ~metsäteollisuu*, sellu*, ~sellu*, paperitehd*, sahateollisuu*, ^saha, puutuot*, ~puutuot*, puurakent*
mining | economy | N | mining: mining, mines, minerals, critical raw material*, lithium mine*, rare earth* | kaivostoiminta: kaivos*, ~kaivos*, mineraal*, ~mineraal*, kriittiset raaka-aineet, harvinaiset maametallit
industry | economy | E | industry: industr*, manufactur*, factory, factories, production line*, reshoring | teollisuus: teollisuu*, ~teollisuu*, tehda*, ~tehda*, tehta*, ~tehta*, valmista*, tuotantolaito*
silvereconomy | ageing | E | silver economy: silver economy, older consumers, senior market, products for seniors, gerontech* | hopeatalous: hopeatalou*, ikääntyvät kuluttajat, seniorimark*, gerontek*
careeconomy | care | E | care economy: care economy, care market, private care provider*, care company, care companies, outsourced care | hoivatalous: hoivayri*, ~hoivayri*, hoivabisn*, yksityinen hoiva, yksityiset hoivapalvelut, ulkoistettu hoiva, palveluseteli*, ~palveluseteli*
creativeindustries | culture | E | creative industries: creative industr*, creative economy, designers, content creator*, influencer economy | luovat alat: luovat alat, luovien alojen, luova talous, sisällöntuottaj*, ~sisällöntuottaj*, muotoilij*, ~muotoilij*
experienceeconomy | economy | E | experience economy: experience economy, event industr*, concert* | elämystalous: elämys*, ~elämys*, tapahtuma*, ~tapahtuma*, konsert*, ~konsert*
localeconomy | economy | E | local economy: local business*, small business*, local shop*, high street*, main street*, smes | paikallistalous: paikallistalou*, pienyrit*, ~pienyrit*, pk-yri*, lähikaup*, ~lähikaup*, kivijalka*, ~kivijalka*, keskustan kaup*
ecommerce | economy | T | e-commerce: e-commerce, online shop*, online shopping, webshop*, parcel*, home deliver*, click and collect | verkkokauppa: verkkokaup*, ~verkkokaup*, verkko-ost*, nettikaup*, ~nettikaup*, paketti*, ~paketti*, kotiinkulje*, noutopist*
logistics | economy | E | logistics: logistic*, freight, warehouse*, last mile, shipping, trucking, lorr* | logistiikka: logistiik*, ~logistiik*, rahti*, ~rahti*, varasto*, ~varasto*, kuljetu*, ~kuljetu*, rekka*, ~rekka*
subscription | economy | E | subscriptions: subscription*, membership model*, pay monthly, as a service, leasing, rent instead | tilauspalvelut: tilauspalvel*, ~tilauspalvel*, kuukausimaks*, ~kuukausimaks*, palveluna, leasing*
ownership | economy | E | ownership: ownership, owning less, owning, access over ownership, co-ownership, cooperative* | omistaminen: omistami*, ~omistami*, omista*, yhteisomist*, ~yhteisomist*, osuuskun*, ~osuuskun*
householddebt | economy | E | household debt: household debt, consumer credit, payday loan*, buy now pay later, instalment*, credit card* | kotitalouksien velka: kulutuslain*, ~kulutuslain*, pikavip*, ~pikavip*, maksuhäiri*, osamaks*, luottokort*, ~luottokort*
insurance | economy | E | insurance: insurance, insurer*, premium*, uninsurable | vakuutus: vakuutu*, ~vakuutu*, vakuuttaj*, vakuutusmaks*
taxation | democracy | P | taxation: tax, taxes, taxation, tax cut*, tax rise*, carbon tax, tax avoidance | verotus: verotu*, ~verotu*, vero, veron, veroa, verot, ~vero, veroj*, ~veroj*, veronkevenny*, hiilivero*
costcutting | democracy | P | spending cuts: spending cut*, austerity, cutbacks, budget cut*, closing down | leikkaukset: leikkau*, ~leikkau*, säästö*, ~säästö*, säästää, säästet*, karsi*, lakkaut*, ~lakkaut*
pensions | ageing | E | pension system: pension system, pension fund*, pension reform, state pension | eläkejärjestelmä: eläkejärjestel*, eläkerahast*, ~eläkerahast*, eläkeuudistu*, kansaneläk*, takuueläk*
foodprices | food | E | food prices: food price*, grocery bill*, groceries, cost of food, supermarket price* | ruoan hinta: ruoan hin*, ruuan hin*, ruoan hinta, ruokalasku*, ruokaost*, ~ruokaost*, ruokakaup*, ~ruokakaup*, kauppalasku*
electricityprice | energy | E | electricity prices: electricity price*, power price*, energy bill*, spot price*, electricity bill* | sähkön hinta: sähkön hin*, sähkölasku*, ~sähkölasku*, pörssisähk*, ~pörssisähk*, sähkösopimu*, ~sähkösopimu*, sähköyhtiö*
regionaleconomy | city | E | regional economy: regional economy, regional development, growth centre*, regional policy, peripheral region* | aluetalous: aluetalou*, aluekehity*, ~aluekehity*, aluepolitiik*, kasvukeskus*, ~kasvukeskus*, syrjäseu*, ~syrjäseu*, reuna-alue*
`
