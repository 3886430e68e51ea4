/**
 * Concepts about the living environment beyond the basics in `./planet.ts`: ecosystems, the
 * Baltic and the Arctic, particular hazards of a warming climate, and the ways people and
 * organisations cut their footprint. Format: see `./parse.ts`.
 */
export const ENVIRONMENT = `
biodiversity | nature | N | biodiversity: biodiversity, species loss, extinction*, endangered, habitat*, ecosystem* | luonnon monimuotoisuus: monimuotoisuu*, ~monimuotoisuu*, luontokato*, ~luontokat*, sukupuut*, uhanalai*, ~uhanalai*, elinympärist*, ekosystee*
forests | nature | N | forests: forest*, woods, woodland*, trees, clear-cut*, clearcut*, deforestation | metsät: metsä*, ~metsä*, metsi*, ~metsi*, puut, puita, puiden, avohakkuu*, ~hakkuu*, hakkuu*, metsäkato*
carbonsink | climate | N | carbon sinks: carbon sink*, carbon storage, sequestration, peatland*, bog*, wetland* | hiilinielut: hiilinielu*, ~hiilinielu*, hiilivarast*, suo, suot, soiden, soita, suoalue*, turvemaa*, ~turvemaa*, kosteikk*
peat | energy | N | peat: peat, peat burning, peat production | turve: turve, turpeen, turvetta, ~turve*, turvetuotan*, turpeenpolt*
balticsea | nature | N | Baltic Sea: baltic, algae, algal bloom*, eutrophication, blue-green algae, archipelago | Itämeri: itämer*, ~itämer*, sinilev*, ~sinilev*, levä*, ~levä*, rehevöit*, saaristo*, ~saaristo*
plastics | nature | N | plastics: plastic*, microplastic*, packaging, single-use, bottles | muovit: muovi*, ~muovi*, mikromuov*, pakkau*, ~pakkau*, kertakäyt*, ~kertakäyt*, pullo*, ~pullo*
recycling | nature | N | recycling: recycl*, waste sorting, sorting waste, waste, rubbish, trash, garbage, landfill*, compost* | kierrätys: kierrät*, ~kierrät*, lajittel*, ~lajittel*, jäte*, ~jäte*, jätte*, ~jätte*, roska*, ~roska*, kaatopaik*, kompost*
airquality | nature | N | air quality: air quality, air pollution, smog, particulate*, fine dust, street dust | ilmanlaatu: ilmanlaat*, ~ilmanlaat*, ilmansaaste*, pienhiukka*, ~pienhiukka*, katupöly*, savusumu*
heatwave | climate | N | heatwaves: heatwave*, heat wave*, heat stress, hot summer*, record heat, tropical night* | helle: helle, helteet, helteen, ~helle*, ~helte*, hellejak*, trooppi* yö*, kuumuu*, ~kuumuu*
floods | climate | N | floods: flood*, flooding, heavy rain*, stormwater, storm water, rising sea*, sea level* | tulvat: tulva*, ~tulva*, rankkasa*, ~rankkasa*, hulevesi*, hulevede*, ~hulevesi*, merenpin*, ~merenpin*
drought | climate | N | drought: drought*, dry summer*, water shortage, crop failure* | kuivuus: kuivuu*, ~kuivuu*, kuiva kesä, kuivat kesät, vesipula*, ~vesipula*, sadon menety*, ~satovah*
storms | climate | N | storms: storm*, windstorm*, power cut*, power outage*, blackout* | myrskyt: myrsky*, ~myrsky*, sähkökatko*, ~sähkökatko*, sähköt poikki, ~katko*
wildfires | climate | N | wildfires: wildfire*, forest fire*, bushfire* | maastopalot: maastopalo*, metsäpalo*, ~metsäpalo*, ~maastopalo*
arctic | climate | N | Arctic: arctic, permafrost, ice melt*, melting ice, glacier*, sea ice, lapland | arktinen alue: arkti*, ~arkti*, ikirout*, jäätiköi*, jäätikö*, merijää*, ~merijää*, lappi, lapin, lapissa, ~lappi
invasive | nature | N | invasive species: invasive species, alien species, ticks, tick-borne, lupin*, spanish slug* | vieraslajit: vieraslaj*, ~vieraslaj*, punkki*, ~punkki*, puutiai*, lupiini*, ~lupiini*, espanjansiruetana*, etana*
pollinators | nature | N | pollinators: pollinator*, bees, bee, insect*, butterfl*, wild flower*, meadow* | pölyttäjät: pölyttäj*, ~pölyttäj*, mehiläi*, ~mehiläi*, hyönte*, ~hyönte*, perhos*, ~perhos*, niitty*, ~niitty*
urbannature | city | N | urban nature: urban nature, green space*, urban green, park, parks, green roof*, urban garden*, city tree*, allotment* | kaupunkiluonto: kaupunkiluon*, ~kaupunkiluon*, viheralue*, ~viheralue*, puisto*, ~puisto*, viherkat*, ~viherkat*, kaupunkivilj*, ~kaupunkivilj*, siirtolapuutarh*
rewilding | nature | N | restoration: rewilding, restoration, restore nature, nature restoration, renaturali* | ennallistaminen: ennallista*, ~ennallista*, luonnonhoi*, ~luonnonhoi*, villiinty*
emissions | climate | N | emissions: emission*, carbon footprint, co2, greenhouse gas*, carbon dioxide, carbon neutral*, net zero | päästöt: päästö*, ~päästö*, hiilijalanjälj*, ~hiilijalanjälj*, hiilidioksid*, kasvihuonekaas*, hiilineutra*, ~hiilineutra*
climateanxiety | climate | S | climate anxiety: climate anxiety, eco-anxiety, ecoanxiety, climate grief, climate worry | ilmastoahdistus: ilmastoahdist*, ~ilmastoahdist*, ympäristöahdist*, ilmastohuol*, ekoahdist*
climatemigration | migration | N | climate migration: climate migra*, climate refugee*, environmental displacement | ilmastopakolaisuus: ilmastopakol*, ~ilmastopakol*, ilmastomuutt*, ympäristöpakol*
soil | food | N | soil: soil*, topsoil, erosion, regenerative farming, regenerative agriculture | maaperä: maaperä*, ~maaperä*, multa*, ~multa*, eroosio*, uudistava viljel*, hiiliviljel*
fisheries | food | N | fish: fish*, fisher*, salmon, herring, overfishing, aquaculture, fish farm* | kalastus: kala, kalat, kalaa, kalan, kalastu*, ~kalastu*, lohi, lohen, lohta, silakk*, kalankasvat*, ~kalankasvat*
noise | city | N | noise: noise, noisy, quiet, silence, soundscape* | melu: melu*, ~melu*, hiljaisuu*, ~hiljaisuu*, äänimaisem*
sustainablelifestyle | climate | S | sustainable living: sustainable living, sustainable lifestyle*, eco-friendly, low-carbon, zero waste, green choices | kestävä elämäntapa: kestävä elämänta*, kestävä arki, ekologi*, ~ekologi*, vähähiili*, ~vähähiili*, nollahukka*, ympäristöystävälli*
sustainability | climate | N | sustainability: sustainab*, green, greener, greenwashing, esg report*, responsibility | kestävyys: kestävyy*, ~kestävyy*, kestävä, kestävän, kestävää, vihreä, vihreän, viherpesu*, vastuullisuu*, ~vastuullisuu*
energysaving | energy | N | saving energy: energy saving, save energy, energy efficien*, insulation, lower the temperature, turn down | energiansäästö: energiansääst*, ~energiansääst*, energiatehok*, ~energiatehok*, lämpöeristy*, säästöliek*
heatpump | energy | T | heat pumps: heat pump*, geothermal, ground source heat | lämpöpumput: lämpöpump*, ~lämpöpump*, maalämpö*, ~maalämpö*, ilmalämpöpump*, ilmavesilämpöpump*
energycommunity | energy | S | energy communities: energy communit*, solar cooperative*, shared solar, local energy, prosumer* | energiayhteisöt: energiayhteis*, ~energiayhteis*, aurinkosähköosuu*, paikallinen energia, omavarais*, ~omavarais*
watersupply | nature | N | drinking water: drinking water, tap water, groundwater, water supply, water treatment | juomavesi: juomave*, ~juomave*, pohjave*, ~pohjave*, hanavesi*, hanave*, vesihuol*, ~vesihuol*, vedenpuhdist*
`
