/**
 * Concepts about the wider world: megatrends, geopolitics, media, values, science and the
 * technologies a foresight group keeps meeting. Format: see `./parse.ts`.
 */
export const WORLD = `
urbanisation | megatrend | S | urbanisation: urbanisation, urbanization, urbanising, moving to cities, city growth, migration to cities | kaupungistuminen: kaupungistu*, muutto kaupunkeihin, muuttoliike*, ~muuttoliik*, keskittymi*
depopulation | megatrend | S | shrinking regions: depopulat*, shrinking town*, shrinking region*, emptying village*, population decline | väestökato: väestökat*, ~väestökat*, autioitu*, tyhjene*, väheneväväest*, muuttotappio*
demography | megatrend | S | population: population*, demograph*, census, age structure, dependency ratio | väestö: väestö*, ~väestö*, ikärakente*, huoltosuhte*, ~huoltosuhte*
globalisation | megatrend | E | globalisation: globalisation, globalization, global trade, supply chain*, offshoring, reshoring, import*, export* | globalisaatio: globalisaa*, maailmankaup*, toimitusketj*, ~toimitusketj*, tuonti*, vienti*, ~vienti*, ulkoista*
geopolitics | megatrend | P | geopolitics: geopolit*, russia*, china*, nato, eu, european union, sanction*, tension* | geopolitiikka: geopolit*, venäj*, kiina*, nato*, euroop* unioni*, eu, pakott*, jännite*
war | security | P | war: invasion, ukraine*, refugee crisis, military, army, conscript* | sota: sota, sodan, sotaa, sodat, ukrain*, armeij*, asevelvol*, ~asevelvol*, puolustusvoim*
media | culture | S | media: media, news, newspaper*, journalis*, social media, tiktok, instagram, youtube, influencer*, podcast* | media: media*, ~media*, uutis*, ~uutis*, sanomalehti*, toimittaj*, some, sosiaalinen media, somessa, tiktok*, instagram*, youtube*, vaikuttaj*, ~vaikuttaj*, podcast*
values | culture | S | values: values, meaning, purpose, spiritual*, religio*, church*, faith | arvot: arvot, arvoja, arvojen, merkityks*, ~merkityks*, tarkoitu*, henkisyy*, uskonto*, uskonno*, kirkko*, ~kirkko*, seurakun*
individualism | culture | S | individualism: individual*, personalis*, personaliz*, self-expression, identity, identities | yksilöllisyys: yksilö*, ~yksilö*, yksilölli*, personoi*, räätälö*, identiteet*, ~identiteet*
timeuse | wellbeing | S | time use: time use, busy, rush*, slow living, downshift*, free time | ajankäyttö: ajankäyt*, ~ajankäyt*, kiire*, ~kiire*, hidas elämä, downshift*, kohtuull*
sleep | health | S | sleep: sleep*, insomnia, rest, tired*, fatigue | uni: uni, unen, unta, unet*, ~unet*, nukku*, ~nukku*, uneto*, väsymy*, väsy*, ~väsy*, lepo*, levo*
nutrition | health | S | nutrition: nutrition*, obesity, overweight, sugar*, healthy eating, vitamin* | ravitsemus: ravitse*, ~ravitse*, lihavuu*, ylipaino*, sokeri*, ~sokeri*, terveellin*, vitamiin*
substances | health | S | substance use: alcohol*, drinking, smoking, vaping, vape*, nicotine, cannabis, drug use, addiction*, gambling | päihteet: päihte*, ~päihte*, alkoho*, juomi*, tupako*, tupakoi*, vapetta*, nikotiini*, kannabi*, huume*, ~huume*, riippuvuu*, ~riippuvuu*, rahapel*, ~rahapel*
patients | health | S | patient: patient*, client*, customer*, service user* | potilas: potila*, ~potila*, asiaka*, ~asiaka*, asiakka*, ~asiakka*
selfcare | health | S | self-care: self-care, self care, self-monitor*, self-test*, symptom checker*, self-service | omahoito: omahoi*, ~omahoi*, omahoid*, itsehoi*, oirearvi*, ~oirearvi*, itsepalvelu*, omaseuran*
genomics | health | T | genomics: genom*, genetic*, gene*, dna, personalised medicine, precision medicine, biobank* | genomiikka: genom*, geeni*, ~geeni*, perimä*, ~perimä*, yksilöllistetty lääketiede, biopank*, ~biopank*
biotech | technology | T | biotechnology: biotech*, synthetic biology, crispr, bioeconomy, bio-based | bioteknologia: biotek*, bioteknolog*, synteettinen biologia, biotalou*, ~biotalou*, biopohj*, ~biopohj*
blockchain | technology | T | blockchain: blockchain*, crypto*, bitcoin*, nft*, token* | lohkoketju: lohkoketju*, ~lohkoketju*, krypto*, ~krypto*, bitcoin*, nft*
quantum | technology | T | quantum computing: quantum*, supercomput* | kvanttilaskenta: kvantti*, ~kvantti*, supertieto*
printing | technology | T | 3D printing: 3d print*, 3d-print*, additive manufactur*, printed house*, printed food | 3d-tulostus: 3d-tulost*, 3d tulost*, tulostettu*, ~tulostettu*, tulosta*
connectivity | technology | T | connectivity: 5g, broadband, fibre, fiber, wifi, wi-fi, connection*, network* | yhteydet: 5g, laajakaist*, ~laajakaist*, valokuitu*, ~valokuitu*, wifi*, yhteyd*, ~yhteyd*, yhteys, ~yhteys, verkkoyhtey*
space | technology | T | space: space, satellite*, rocket*, orbit*, spacecraft | avaruus: avaruu*, ~avaruu*, satelliit*, ~satelliit*, raketti*, kiertorat*
smarthome | technology | T | smart home: smart home*, smart speaker*, voice assistant*, home automation, alexa, siri | älykoti: älykoti*, älykodi*, ~älykod*, ~älykoti*, älykaiut*, ääniavusta*, ~ääniavusta*, kotiautomaat*
gaming | culture | T | games: game*, gaming, esport*, e-sport*, console*, gamif* | pelit: pelit, pelejä, pelaami*, pelaaj*, ~pelaaj*, e-urheil*, konsoli*, pelillist*
tourism | economy | E | tourism: touris*, tourist*, visitor*, holiday*, vacation*, travel* industry, hotel*, airbnb | matkailu: matkail*, ~matkail*, turisti*, ~turisti*, lomail*, loma, lomat, loma*, ~loma*, hotelli*, ~hotelli*, airbnb*
retail | economy | E | retail: retail*, store*, shop, shops, shopping centre*, mall*, high street* | kauppa: kauppa, kaupat, kaupan, kaupoi*, kauppakeskus*, ~kauppakeskus*, myymälä*, ~myymälä*, lähikaup*, ~lähikaup*
fashion | economy | N | fashion: fashion, clothes, clothing, garment*, textile*, wardrobe* | vaatteet: muoti*, ~muoti*, vaate*, ~vaate*, vaatte*, ~vaatte*, tekstiili*, ~tekstiili*, vaatekaap*
pets | wellbeing | S | pets: pet, pets, dog*, cat, cats, animal companion* | lemmikit: lemmik*, ~lemmik*, koira*, ~koira*, kissa*, ~kissa*
sports | culture | S | sports: sport*, football*, hockey, athlete*, team sport*, club*, sports club* | urheilu: urheilu*, ~urheilu*, jalkapall*, jääkiekk*, ~jääkiekk*, urheilij*, seura*, ~seura*, joukkueurh*
finance | economy | E | finance: finance*, financial, bank*, banking, loan*, invest*, interest rate*, stock*, saving* | rahoitus: rahoitu*, ~rahoitu*, pankki*, ~pankki*, pankei*, laina, lainat, lainan, lainoj*, ~laina, sijoit*, ~sijoit*, korko*, ~korko*, osake*, ~osake*, säästä*, säästö*, ~säästö*
publicfinance | democracy | P | public finances: public spending, public finance*, budget cut*, austerity, cuts, savings targets, deficit* | julkinen talous: julkinen talous, julkisen talouden, leikkau*, ~leikkau*, säästötavoit*, ~säästötavoit*, budjet*, ~budjet*, alijäämä*, ~alijäämä*, kuntatalou*, ~kuntatalou*
entrepreneurship | economy | E | entrepreneurship: entrepreneur*, self-employ*, side hustle*, small business*, sole trader* | yrittäjyys: yrittäjyy*, ~yrittäjyy*, sivubisne*, ~sivubisne*, pienyrit*, ~pienyrit*, toiminim*, ~toiminim*
innovation | technology | T | innovation: innovat*, experiment*, pilot*, prototype*, living lab*, hackathon* | innovaatio: innovaati*, ~innovaati*, kokeil*, ~kokeil*, pilot*, ~pilot*, prototyyp*, hackathon*
research | education | T | research: research*, science, scientist*, study shows, evidence | tutkimus: tutkimu*, ~tutkimu*, tutkimuks*, tutkija*, ~tutkija*, tiede*, tietee*, tieteelli*, näyttö*
careers | work | E | careers: career*, promotion*, job market, recruit*, hiring, cv*, job interview* | ura: ura, uran, uraa, urat, urakeh*, ~urakeh*, rekry*, ~rekry*, rekrytoi*, ~rekrytoi*, työhaastat*, ~työhaastat*, cv*, työnha*, ~työnha*
worklife | work | S | wellbeing at work: wellbeing at work, work wellbeing, workload, work stress, meaningful work, motivation | työhyvinvointi: työhyvinvoin*, ~työhyvinvoin*, työkuorm*, ~työkuorm*, työstressi*, työssä jaksami*, motivaati*, ~motivaati*, työn mielekk*
unions | work | P | labour relations: union*, trade union*, strike*, collective agreement*, minimum wage | työmarkkinat: ay-liike*, ammattiliit*, ~ammattiliit*, lakko*, ~lakko*, työehtosop*, ~työehtosop*, minimipalk*, työmarkkin*
leadership | work | S | leadership: leader*, manager*, management, boss*, supervisor*, self-organis* | johtaminen: johta*, ~johta*, johtaj*, ~johtaj*, esihenki*, ~esihenki*, esimie*, itseohjautuv* tiim*
fourgenerations | family | S | generations: generation*, intergenerational, grandchild*, boomer*, millennial* | sukupolvet: sukupolv*, ~sukupolv*, lapsenlap*, ~lapsenlap*, suuret ikäluokat, milleniaali*, boomeri*
singles | family | S | living alone: living alone, single*, one-person household*, single parent* | yksin asuminen: yksin asu*, sinkku*, ~sinkku*, yhden hengen taloud*, yksinhuolt*, ~yksinhuolt*
children | family | S | children's lives: childhood, screen time, play, playing, outdoor play | lapsuus: lapsuu*, ~lapsuu*, ruutuaik*, ~ruutuaik*, leikki*, ~leikki*, ulkoleik*
schoolwellbeing | education | S | school wellbeing: bullying, school absence*, dropout*, drop out, truancy, school refusal | kouluhyvinvointi: kiusaa*, ~kiusaa*, koulupoissaol*, ~koulupoissaol*, poissaol*, ~poissaol*, keskeyttä*, ~keskeyttä*, koulupudok*, ~koulupudok*
teachers | education | S | teachers: teacher*, teaching staff, educator*, tutor* | opettajat: opettaj*, ~opettaj*, ope, opet, opettajat, tuutor*, ohjaaj*, ~ohjaaj*
exams | education | S | assessment in school: exam*, test*, grade*, matriculation, entrance exam* | kokeet: koe, kokee*, ~kokee*, arvosan*, ~arvosan*, ylioppilas*, ~ylioppilas*, pääsykoe*, ~pääsykoe*, pääsykoke*
nature-connection | wellbeing | S | nature and wellbeing: forest bathing, time in nature, green space*, outdoors, outdoor*, hiking | luontoyhteys: metsäkylp*, luontoliik*, ~luontoliik*, viheralue*, ~viheralue*, ulkoil*, ~ulkoil*, retkeil*, ~retkeil*, vaellu*
animals | nature | N | animals: animal welfare, livestock, cow*, pig*, chicken*, fish*, fishing, hunting | eläimet: eläinten hyvinvointi, karja*, ~karja*, lehm*, sika*, ~sika*, kana*, kala*, ~kala*, kalast*, metsäst*
agriculture | food | N | agriculture: agricultur*, farming, crop*, harvest*, soil, fertili*, greenhouse farming, vertical farm* | maatalous: maatalou*, ~maatalou*, sato*, ~sato*, maaperä*, ~maaperä*, lannoit*, ~lannoit*, pystyviljel*, ~pystyviljel*
foodsecurity | food | P | food security: food security, self-sufficien*, food supply, hunger, famine | ruokaturva: ruokaturva*, huoltovarm*, omavarais*, ~omavarais*, nälkä*, ~nälkä*, nälänhä*
construction | housing | E | construction: construction, building, builders, renovat*, refurbish*, timber building*, wooden building* | rakentaminen: rakenta*, ~rakenta*, rakennu*, ~rakennu*, remont*, ~remont*, korjausraken*, puurakent*, ~puurakent*, peruskorja*
planning | city | P | urban planning: planning, zoning, town planning, land use, density, densif*, infill | kaavoitus: kaavoi*, ~kaavoi*, kaava, kaavan, maankäyt*, ~maankäyt*, tiivis*, ~tiivis*, täydennysraken*
safetynet | wellbeing | P | social safety: social work*, child protection, social worker*, outreach | sosiaalityö: sosiaalityö*, ~sosiaalityö*, lastensuojel*, ~lastensuojel*, sosiaalityönteki*, etsivä* nuoriso*, jalkautu*
youthwork | youth | S | youth work: youth work*, youth centre*, youth club*, youth worker*, after-school | nuorisotyö: nuorisotyö*, ~nuorisotyö*, nuorisotal*, ~nuorisotal*, nuorisotila*, ~nuorisotila*, iltapäiväkerh*, kerho*, ~kerho*
eu-regulation | democracy | P | EU regulation: eu directive*, eu law*, ai act, green deal, taxonomy | eu-sääntely: eu-direktiivi*, direktiivi*, ~direktiivi*, vihreän kehityksen ohjelma, taksonomi*
`
