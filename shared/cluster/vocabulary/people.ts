/**
 * Concepts about people's lives: care, health, ageing, families, young people, wellbeing,
 * equality, migration, culture, democracy and safety. Format: see `./parse.ts`.
 */
export const PEOPLE = `
care | care | S | care: care, cares, caring, carer*, caregiv*, ~care, nursing, nursed | hoiva: hoiv*, hoit*, hoid*, ~hoiva, ~hoito, ~hoidon, huolenpi*, ~hoitaj*
eldercare | ageing | S | eldercare: eldercare, elderly care, aged care, ~eldercare, care home*, nursing home* | vanhustenhoito: vanhustenhoi*, vanhuspalvel*, hoivako*, palvelutalo*, hoivapalvel*, ~hoivakoti*
homecare | care | S | home care: home care, homecare, home help, home visit*, care at home | kotihoito: kotihoi*, kotihoid*, kotipalvel*, kotikäyn*, kotiin vietävä*
caregiver | care | S | family carer: family carer*, informal care*, unpaid care*, relative care* | omaishoitaja: omaishoi*, omaishoid*, omainen, omaiset, omaisten
careworker | care | E | care worker: care worker*, care staff, nurses, nurse, practical nurse*, carers | hoitaja: hoitaja*, sairaanhoitaj*, lähihoitaj*, hoitohenkilö*, hoivatyönteki*, hoitajapula*
staffshortage | work | E | staff shortage: shortage*, understaff*, short staff*, labour shortage, staffing | henkilöstöpula: pula, ~pula, vajee*, ~vaje, henkilöstöpul*, työvoimapul*, resurssipul*
carerobot | care | T | care robot: care robot*, robot*, robotic*, cobot* | hoivarobotti: robot*, ~robot*, hoivarobot*
telecare | care | T | remote care: telecare, telehealth, telemedicine, remote care, video visit*, remote consultation* | etähoito: etähoi*, etävastaan*, etäkäyn*, videovastaan*, videopuhelu*, etälääkär*
health | health | S | health: health, healthy, healthcare, ~health, wellbeing clinic* | terveys: terve*, ~terve*, terveyd*, ~terveyd*, sote
hospital | health | S | hospital: hospital*, clinic*, emergency room*, wards, gp, doctor*, physician* | sairaala: sairaal*, ~sairaal*, päivystys*, päivysty*, terveyskeskus*, lääkär*, ~lääkär*, vastaanot*
mentalhealth | health | S | mental health: mental health, mental, anxiety, depression, burnout, stress*, therapy, therapist*, psycholog* | mielenterveys: mielenterv*, mieli, mielen, ahdist*, masenn*, uupum*, loppuunpal*, stressi*, terapi*, psykolog*, jaksami*, ~jaksa*
medicine | health | T | medicine: medicine*, medication*, drug*, pharma*, vaccin*, prescription* | lääke: lääke*, lääkkei*, lääkitys*, rokot*, resept*, apteek*
pandemic | health | S | pandemic: pandemic*, epidemic*, covid*, corona*, virus*, infection* | pandemia: pandemi*, epidemi*, korona*, virus*, tartun*, ~tauti*
prevention | health | S | prevention: prevent*, screening*, early intervention*, lifestyle* | ennaltaehkäisy: ennaltaehk*, ennalta, ehkäis*, seulon*, elintap*
exercise | health | S | exercise: exercise*, fitness, sport*, gym*, physical activity, walking | liikunta: liikun*, ~liikun*, urheil*, kuntosal*, ~sali, lenkk*, kävel*
ageing | ageing | S | ageing: ageing, aging, aged, ageing population, older adult*, older people, elderly, elder*, senior*, pensioner*, retire*, grandparent*, old age | ikääntyminen: ikäänty*, ikääntyn*, ~ikäänty*, vanhus*, ~vanhu*, vanhemmat ihmiset, seniori*, ~seniori*, eläkeläi*, eläke*, ~eläke*, isovanhem*, mummo*, mummu*, vaari*, ukki*, vanhuus, iäkkä*
longevity | ageing | S | longevity: longevity, longer lives, live longer, life expectancy, centenarian* | pitkäikäisyys: pitkäikäi*, elinaja*, eliniä*, satavuotia*
dementia | ageing | S | memory disease: dementia, alzheimer*, memory loss, memory disorder* | muistisairaus: muistisair*, dementi*, alzheimer*, muistihäiri*
loneliness | wellbeing | S | loneliness: lonel*, alone, isolation, isolated, social isolation | yksinäisyys: yksinäi*, ~yksinäi*, yksin, eristäy*, eristyn*, syrjäyty*
community | wellbeing | S | community: communit*, neighbour*, neighbor*, volunteer*, mutual aid, local help*, civic | yhteisö: yhteisö*, ~yhteisö*, naapuri*, ~naapuri*, talkoo*, vapaaehtoi*, lähiyhteisö*, kyläyhteis*
wellbeing | wellbeing | S | wellbeing: wellbeing, well-being, wellness, happiness, happy, quality of life, welfare | hyvinvointi: hyvinvoin*, ~hyvinvoin*, onnellisuu*, elämänlaa*, jaksaminen
welfarestate | wellbeing | P | welfare state: welfare state, social security, benefit*, social services, public services, basic income | hyvinvointivaltio: hyvinvointivalt*, sosiaaliturv*, etuu*, ~etuus, sosiaalipalvel*, kela, kelan, perustulo*, toimeentulotu*, julkiset palvelut, hyvinvointialue*
family | family | S | family: famil*, parent*, parenting, mother*, father*, mum, mums, mummy, dad, dads, daddy, child*, kid*, children, baby, babies, toddler* | perhe: perhe*, perhei*, ~perhe*, vanhemp*, äiti*, isä, isät, isi*, lapsi*, lapset, laps*, ~laps*, vauva*, taapero*
childcare | family | S | childcare: childcare, daycare, day care, kindergarten*, nursery, nurseries, preschool* | varhaiskasvatus: varhaiskasv*, päiväkoti*, päiväkod*, ~päiväkod*, ~päiväkoti*, esikoul*, päivähoi*, päivähoid*
birthrate | family | S | birth rate: birth rate*, fertility, fewer babies, fewer children, childless* | syntyvyys: syntyvyy*, syntyvy*, hedelmällisyy*, lapsettomuu*, lapseton*, vähemmän lapsia
youth | youth | S | young people: youth, young, teen*, adolescen*, student*, pupil*, gen z, generation z, kids | nuoret: nuor*, ~nuor*, teini*, opiskelij*, ~opiskelij*, oppila*, z-sukupolv*
equality | equality | S | equality: equal*, inequalit*, fairness, discriminat*, inclusion, inclusive, diversity, gender | tasa-arvo: tasa-arvo*, yhdenverta*, eriarvo*, syrjin*, syrjä*, moninaisuu*, sukupuol*, osallisuu*, osallis*
poverty | equality | E | poverty: poverty, poor, low income, low-income, deprivation, food bank*, debt* | köyhyys: köyhyy*, köyhi*, köyhä*, pienituloi*, ruoka-ap*, leipäjono*, velka*, velkaa, ylivelka*
accessibility | equality | S | accessibility: accessib*, disabilit*, disabled, wheelchair*, barrier-free, impairment* | saavutettavuus: saavutett*, esteettö*, vammai*, pyörätuol*, toimintarajoit*
migration | migration | P | migration: migra*, immigra*, emigra*, refugee*, asylum, newcomer*, foreign-born, integration | maahanmuutto: maahanmu*, muuttaja*, maahanmuuttaj*, pakolai*, turvapaik*, kotoutu*, kotoutta*, ulkomaalai*, ~muuttaj*
multilingual | migration | S | languages: language*, multilingual*, translat*, interpreter*, english-speaking, finnish language | kielet: kieli, kielen, kieltä, kielet, kielten, kielikoul*, kielitai*, ~kielikoul*, ~kielitai*, monikieli*, käänn*, tulkki*, tulka*, suomen kieli
culture | culture | S | culture: cultur*, art, arts, artist*, museum*, library, libraries, music, festival*, theatre* | kulttuuri: kulttuur*, ~kulttuur*, taide*, taitee*, taitei*, museo*, kirjasto*, ~kirjasto*, musiik*, festivaal*, teatter*
leisure | culture | S | leisure: leisure, hobby, hobbies, free time, gaming, games, gamer* | vapaa-aika: vapaa-aika, vapaa-aja*, harrast*, ~harrast*, peli*, pelaa*, ~peli*
democracy | democracy | P | democracy: democra*, vote*, voting, voter*, election*, citizen*, participat*, participatory budget* | demokratia: demokrat*, äänest*, vaali*, ~vaali*, kansalai*, osallistu*, osallistava*, kuntalai*
trust | democracy | P | trust: trust*, distrust, misinformation, disinformation, fake news, polarisation, polarization | luottamus: luotta*, luottam*, epäluot*, disinformaa*, valeuuti*, polarisaa*, ~uutis*
localgov | democracy | P | municipality: municipal*, local government, council*, city hall, town hall, public sector | kunta: kunta, kunnat, kunnan, kunti*, kunnal*, ~kunta, kaupunginvaltuust*, julkinen sektori, julkisen sektorin
regulation | democracy | P | regulation: regulat*, law, laws, legislation, policy, policies, ban, bans, banned, banning, rules, tax, taxes, taxation, subsid* | sääntely: säänte*, säädö*, laki, lain, lakia, lakeja, laeissa, lainsäädä*, kiell*, vero*, ~vero*, tuki*, tuet
security | security | P | security: secur*, safety, safe, crime*, police, war, wars, warfare, defence, defense, conflict*, crisis, preparedness | turvallisuus: turvall*, turva*, ~turva*, rikol*, polii*, sota*, puolustu*, konflikt*, kriisi*, ~kriisi*, varautu*, huoltovarm*
cyber | security | T | cybersecurity: cyber*, hack*, data breach*, ransomware, scam*, phishing, fraud* | kyberturva: kyber*, hakker*, tietomurt*, huijau*, huijar*, tietojenkalast*, petos*
privacy | security | P | privacy: privacy, personal data, surveillance, gdpr, tracking | yksityisyys: yksityisyy*, henkilötie*, valvon*, seuranta*
volunteering | wellbeing | S | volunteering: volunteer*, charity, charities, ngo*, third sector | vapaaehtoistyö: vapaaehtoi*, järjestö*, ~järjestö*, hyväntekeväi*, kolmas sektori
`
