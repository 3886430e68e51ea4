/**
 * Technologies a foresight group meets beyond the everyday ones in `./work.ts` and `./world.ts`:
 * platforms and algorithms, infrastructure, energy and biology, and the risks that come with
 * them. Format: see `./parse.ts`.
 */
export const TECHNOLOGY = `
algorithms | technology | T | algorithms: algorithm*, recommendation engine*, recommender*, personalised feed* | algoritmit: algoritm*, ~algoritm*, suosittelu*, ~suosittelu*, suosittelujärjestel*
platforms | technology | E | platform economy: platform*, big tech, tech giant*, app store*, marketplace*, super app* | alustatalous: alustatalou*, ~alusta*, alustayhtiö*, teknologiajät*, sovelluskaup*
generativeai | technology | T | generative AI: generative ai, chatgpt, large language model*, image generator*, ai-generated, ai art, prompt* | generatiivinen tekoäly: generatiivi*, kielimalli*, ~kielimalli*, kuvageneraat*, tekoälyn tekemä*, kehote*
deepfakes | technology | T | deepfakes: deepfake*, synthetic media, fake video*, voice clon*, manipulated image* | syväväärennökset: syväväären*, ~väärennö*, väärennet*, valevideo*, äänikloon*
iot | technology | T | internet of things: internet of things, iot, sensor*, smart meter*, connected device*, smart device* | esineiden internet: esineiden internet, iot, sensor*, ~sensor*, anturi*, ~anturi*, älymittar*, etäluettav*
digitaltwin | technology | T | digital twin: digital twin*, simulation*, 3d model*, city model* | digitaalinen kaksonen: digikaksos*, digitaalinen kaksonen, digitaalise* kaksose*, simulaatio*, simuloi*, kaupunkimalli*
cloud | technology | T | cloud and data centres: cloud, data centre*, data center*, server farm*, computing power | pilvi ja datakeskukset: pilvipalvel*, ~pilvipalvel*, datakeskus*, ~datakeskus*, konesal*, ~konesal*, laskentateh*
opendata | technology | P | open data: open data, open source, open api*, data sharing, mydata | avoin data: avoin data, avoimen datan, avoin lähdekoodi, avoimen lähdekoodin, datan jakami*, omadata
digitalid | technology | T | digital identity: digital id*, digital identity, e-id, strong authentication, digital wallet*, bank id* | digitaalinen henkilöllisyys: digitaalinen henkilöllisyy*, sähköinen tunnistau*, vahva tunnistau*, tunnistau*, ~tunnistau*, lompakkosovel*, ~lompakko*
egov | technology | P | digital public services: e-government, digital public service*, online service*, e-service*, chatbot advice | digitaaliset julkiset palvelut: sähköinen asiointi, sähköise* palvelu*, verkkoasioin*, ~asioin*, asiointipalvel*, omakanta, suomi.fi, verkkopalvel*
cashless | economy | T | cashless payments: cashless, contactless, mobile payment*, mobilepay, card payment*, cash disappear* | käteisetön maksaminen: käteisetö*, käteinen, käteis*, ~käteis*, lähimaks*, mobiilimaks*, mobilepay, korttimaks*
crypto | economy | T | cryptocurrency: crypto*, bitcoin*, nft*, digital currency, stablecoin*, cbdc | kryptovaluutta: kryptovaluut*, krypto*, ~krypto*, bitcoin*, digitaalinen valuutta, digieuro*
ar | technology | T | augmented reality: augmented reality, ar glasses, smart glasses, mixed reality, metaverse | lisätty todellisuus: lisätty todellisuus, lisätyn todellisuuden, ar-lasi*, älylasi*, ~älylasi*, metaver*
drones | technology | T | drones: drone*, uav*, unmanned aerial*, drone delivery | droonit: droon*, ~droon*, lennok*, ~lennok*, miehittämät*
electriccars | mobility | T | electric vehicles: electric car*, electric vehicle*, ev, evs, charging station*, charger*, tesla* | sähköautot: sähköau*, ~sähköau*, latausase*, ~latausase*, latauspist*, ~latauspist*, täyssähkö*
batteries | energy | T | batteries: batter*, energy storage, lithium, battery storage | akut: akku*, ~akku*, akut, akuista, akkuj*, energiavaras*, ~energiavaras*, litium*
hydrogen | energy | T | hydrogen: hydrogen, green hydrogen, electrolys*, power-to-x, e-fuel* | vety: vety, vedyn, vetyä, ~vety*, vetytalo*, ~vetytalo*, elektrolyy*, sähköpolttoain*
nuclear | energy | T | nuclear power: nuclear, smr*, small modular reactor*, reactor*, olkiluoto, uranium | ydinvoima: ydinvoi*, ~ydinvoi*, ydinvoimal*, pienydinvoi*, ~reaktor*, reaktor*, olkiluo*, uraani*
carboncapture | climate | T | carbon capture: carbon capture, carbon removal, direct air capture, ccs, biochar | hiilidioksidin talteenotto: hiilen talteen*, talteenot*, ~talteenot*, hiilensidon*, ~hiilensidon*, biohiil*, ~biohiil*
syntheticbio | technology | T | synthetic biology: synthetic biology, bioengineer*, precision fermentation, lab-grown, cultured meat, cell-based | synteettinen biologia: synteettinen biolog*, solumaatal*, ~solumaatal*, solulih*, ~solulih*, täsmäfermen*, laboratoriossa kasvat*, laboratoriolih*
geneediting | health | T | gene editing: gene edit*, crispr, gene therap*, genetic test*, dna test* | geenimuokkaus: geenimuok*, ~geenimuok*, geeniterap*, ~geeniterap*, crispr, geenitest*, dna-test*
neurotech | technology | T | neurotechnology: brain-computer*, neurotech*, brain implant*, neuralink, brain chip* | neuroteknologia: neuroteknolog*, aivoimplant*, aivo-tietokone*, aivosiru*
exoskeleton | care | T | assistive technology: exoskeleton*, assistive tech*, lifting aid*, smart aid*, hearing aid* | apuvälineet: apuväli*, ~apuväli*, eksoskelet*, nostoapu*, ~nostoapu*, kuulolait*
smartcity | city | T | smart city: smart city, smart cities, smart lighting, smart traffic, urban sensor* | älykaupunki: älykaupun*, ~älykaupun*, älyvalaistu*, älyliikenne*
semiconductors | technology | E | chips: semiconductor*, microchip*, chip shortage, chip factor*, processors | puolijohteet: puolijohte*, ~puolijohte*, mikrosiru*, ~mikrosiru*, sirupula*, ~siru*
ewaste | nature | N | e-waste: e-waste, electronic waste, old phones, obsolescence, planned obsolescence | elektroniikkajäte: elektroniikkaromu*, elektroniikkajät*, sähköromu*, ~sähköromu*, vanhat puhelimet, suunniteltu vanhenemi*
repair | economy | N | repair: repair*, right to repair, repair café*, mend*, spare part* | korjaaminen: korjaa*, ~korjaa*, korjau*, ~korjau*, korjaamo*, varaos*, ~varaos*
digitalsovereignty | security | P | digital sovereignty: digital sovereignty, tech dependency, data localisation, domestic cloud | digitaalinen omavaraisuus: digitaalinen omavarai*, teknologiariippu*, ~riippuvuu*, kotimainen pilvi, datan sijainti
onlinesafety | security | S | online safety: online safety, grooming, cyberbully*, online hate, hate speech, troll* | verkkoturvallisuus: verkkoturvall*, ~verkkoturvall*, nettikiusaa*, ~nettikiusaa*, vihapuhe*, ~vihapuhe*, trolli*, grooming
streaming | culture | T | streaming: streaming, netflix, spotify, on demand, binge-watch*, podcast app* | suoratoisto: suoratoist*, ~suoratoist*, striimaa*, netflix*, spotify*, areena*, ~areena*
esports | culture | T | esports: esport*, e-sport*, pro gamer*, twitch, gaming tournament* | elektroninen urheilu: elektroninen urheilu, e-urheilu*, ~e-urheil*, twitch*, pelitur*
satellites | technology | T | satellites: satellite*, earth observation, remote sensing, starlink, gps | satelliitit: satelliit*, ~satelliit*, kaukokartoi*, maanhavain*, paikannu*, ~paikannu*, gps
telepresence | work | T | video meetings: video call*, video meeting*, zoom, online meeting*, virtual meeting* | etäkokoukset: etäkokou*, ~etäkokou*, videokokou*, ~videokokou*, verkkokokou*, ~verkkokokou*, zoom*
`
