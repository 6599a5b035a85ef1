/**
 * The words the benchmark data is made of: kinds of small jobs as a Danish jobcentre sees them (rengøring,
 * lager, køkken, butik, pleje, pedel, have …), each with titles, tasks, the citizen's wishes in their own
 * words, competences (also from home and leisure), and the demands and accommodations typical of the work.
 * Codes come from the vocabulary; nothing here is a loose code string.
 */
import type { Accommodation, Demand } from '../../app/domain/vocabulary';

export type JobFamily = {
  key: string;
  /** The companies' industry, as on a company profile. */
  industry: string;
  /** Words in company names ("Nordlys Rengøring ApS"). */
  companyWords: readonly string[];
  titles: readonly string[];
  /** Where or what, appended to a title: "på kontorer", "– plukning og pakning". */
  titleContexts: readonly string[];
  tasks: readonly string[];
  /** Sentences of a description; `{city}` is replaced by the workplace's town. */
  descriptions: readonly string[];
  /** What citizens write about the work they want. */
  wishes: readonly string[];
  competences: readonly string[];
  demands: readonly Demand[];
  accommodations: readonly Accommodation[];
  /** What someone types in the /jobs search box for this work, typos included. */
  queries: readonly string[];
  /** Relative share of openings and wishes. */
  weight: number;
};

export const JOB_FAMILIES: readonly JobFamily[] = [
  {
    key: 'rengoering',
    industry: 'Rengøring og ejendomsservice',
    companyWords: ['Rengøring', 'Rengøringsservice', 'Clean Service', 'Skinnende Rent', 'Facility Service'],
    titles: ['Rengøringsassistent', 'Rengøringshjælp', 'Rengøringsmedarbejder', 'Kontorrengøring', 'Morgenrengøring', 'Aftenrengøring'],
    titleContexts: ['på kontorer', 'på en skole', 'i et fitnesscenter', 'i en børnehave', 'på et plejecenter', 'i en idrætshal', 'i trappeopgange', 'på et hotel'],
    tasks: [
      'Støvsuge og vaske gulve',
      'Tørre skriveborde og kontaktflader af',
      'Gøre toiletter og baderum rent',
      'Tømme skraldespande',
      'Fylde papir og sæbe op',
      'Vaske gulve med gulvvaskemaskine',
      'Pudse vinduer i stueplan',
      'Gøre køkken og frokoststue rent',
      'Rengøre klasselokaler',
      'Tørre maskiner og måtter af',
    ],
    descriptions: [
      'Vi gør rent hos en række virksomheder i {city} og søger en rengøringsassistent til nogle timer om ugen.',
      'Du får en fast rute og en kollega med de første gange, så du lærer stederne at kende.',
      'Vi bruger svanemærkede rengøringsmidler og ergonomiske rengøringsvogne.',
      'Rengøringen foregår efter lukketid, så du har lokalerne for dig selv.',
    ],
    wishes: ['rengøring', 'gøre rent', 'rengøring på kontorer', 'et rengøringsjob om formiddagen', 'rengøring på en skole', 'rengøringsarbejde'],
    competences: [
      'Gør rent derhjemme hver uge',
      'Har gjort rent på et hotel',
      'Rengøring i en børnehave',
      'Kender til rengøringsmidler og sikkerhed',
      'Har haft rengøringsjob i to år',
      'Erhvervsrengøring',
    ],
    demands: ['walking', 'chemicals', 'repetitive_work', 'working_alone', 'early_mornings', 'prolonged_standing'],
    accommodations: ['fixed_tasks', 'clear_instructions', 'gradual_start', 'buddy_mentor', 'short_shifts', 'flexible_hours'],
    queries: ['rengøring', 'rengoring', 'rengøringsassistent', 'rengørings job', 'rengøring kontor', 'rengjøring', 'gøre rent'],
    weight: 14,
  },
  {
    key: 'lager',
    industry: 'Lager og logistik',
    companyWords: ['Lager & Logistik', 'Logistik', 'Distribution', 'Fragt & Lager', 'Webshop Lager'],
    titles: ['Lagermedarbejder', 'Lagerhjælper', 'Pakkemedhjælper', 'Plukker', 'Varemodtager', 'Lagerassistent', 'Pakkerimedarbejder'],
    titleContexts: ['– plukning og pakning', 'til webshoppen', 'til varemodtagelsen', 'på et lager', 'om eftermiddagen', 'i pakkeriet'],
    tasks: [
      'Plukke ordrer efter plukkeliste',
      'Pakke og wrappe paller',
      'Modtage varer og sætte dem på plads',
      'Pakke webordrer i kasser',
      'Printe og sætte labels på pakker',
      'Holde orden i gangene',
      'Scanne varer med håndterminal',
      'Tælle lageret op',
      'Stille pakker klar til fragtmanden',
    ],
    descriptions: [
      'Vil du have nogle timer om ugen på et travlt lager i {city}?',
      'Du plukker ordrer til butikker i hele landet, pakker paller og hjælper med varemodtagelsen.',
      'Vi har løftegrej, og du får en fast kollega, som viser dig til rette.',
      'Du kan starte med få timer og tage flere, når du er kommet godt i gang.',
    ],
    wishes: ['lager', 'lagerarbejde', 'pakke varer', 'arbejde på et lager', 'pakkeri', 'lagerjob med faste opgaver'],
    competences: ['Truckcertifikat', 'Har pakket pakker i en webshop', 'Plukning med håndscanner', 'Vant til fysisk arbejde', 'Lagerarbejde i fem år', 'Varemodtagelse'],
    demands: ['heavy_lifting', 'prolonged_standing', 'repetitive_work', 'walking', 'noise', 'cold', 'high_pace', 'early_mornings'],
    accommodations: ['buddy_mentor', 'fixed_tasks', 'clear_instructions', 'extra_breaks', 'gradual_start', 'adapted_workstation'],
    queries: ['lager', 'lagermedarbejder', 'pakkeri', 'lagerarbejde', 'lagr medarbejder', 'pakke', 'truck', 'lager plukning'],
    weight: 13,
  },
  {
    key: 'koekken',
    industry: 'Kantine og catering',
    companyWords: ['Kantine', 'Catering', 'Køkken', 'Café', 'Madhus', 'Frokostordning'],
    titles: ['Køkkenhjælp', 'Køkkenmedhjælper', 'Opvasker', 'Kantinemedhjælper', 'Frokostmedhjælper', 'Cafémedarbejder'],
    titleContexts: ['i weekenden', '– salater og sandwich', 'i kantinen', 'på en café', 'i et storkøkken', 'til frokostbuffeten'],
    tasks: [
      'Tage opvask i opvaskemaskinen',
      'Skære grønt og lave salater',
      'Smøre sandwich efter faste opskrifter',
      'Gøre frokostbuffeten klar',
      'Rydde op og vaske gulv i køkkenet',
      'Sætte service på plads',
      'Modtage og pakke varer ud',
      'Fylde kaffe og the op',
    ],
    descriptions: [
      'Vores køkken i {city} laver frokost til 200 personer hver dag, og vi søger en hjælpende hånd.',
      'Du skærer grønt, laver salater og tager opvasken efter faste opskrifter og rutiner.',
      'Du kan sidde ved arbejdsbordet, når du har brug for det.',
      'Vi er et lille hold, der hjælper hinanden, og tonen er god.',
    ],
    wishes: ['køkken', 'madlavning', 'arbejde i et køkken', 'kantine', 'opvask', 'lave mad', 'køkkenarbejde'],
    competences: ['Laver mad til familien hver dag', 'Har hygiejnebevis', 'Bager gerne', 'Har arbejdet i en kantine', 'Opvask på en restaurant', 'Laver mad til foreningsfester'],
    demands: ['prolonged_standing', 'high_pace', 'noise', 'customer_contact', 'early_mornings', 'repetitive_work'],
    accommodations: ['buddy_mentor', 'clear_instructions', 'sit_stand_option', 'extra_breaks', 'fixed_tasks', 'short_shifts'],
    queries: ['køkken', 'kokken', 'køkkenhjælp', 'opvask', 'opvasker', 'kantine', 'køkken kantine', 'kokkenhjaelp', 'cafe'],
    weight: 12,
  },
  {
    key: 'butik',
    industry: 'Dagligvarehandel',
    companyWords: ['Købmand', 'Supermarked', 'Genbrug', 'Butik', 'Dagligvarer', 'Minimarked'],
    titles: ['Butiksmedhjælper', 'Varepåfylder', 'Butiksassistent', 'Ekspedient', 'Kassemedarbejder', 'Medhjælper i genbrugsbutik'],
    titleContexts: ['om morgenen', 'i weekenden', 'i dagligvarebutikken', 'i genbrugsbutikken', 'til frugt og grønt'],
    tasks: [
      'Fylde varer på hylderne',
      'Tjekke datoer på mælkeprodukter',
      'Betjene kunder ved kassen',
      'Pakke varer ud fra lageret',
      'Holde butikken ryddelig',
      'Sortere og prismærke tøj',
      'Bygge frugt og grønt op',
      'Hjælpe kunder med at finde varer',
    ],
    descriptions: [
      'Vi er en travl butik i {city} og søger en medhjælper til varepåfyldning og kunderne.',
      'Du fylder varer op, tjekker datoer og holder butikken pæn.',
      'Kassen lærer du, hvis du har lyst, men det er ikke et krav.',
      'Du får faste opgaver, og vi har en rolig morgenvagt, før butikken åbner.',
    ],
    wishes: ['butik', 'varepåfyldning', 'arbejde med kunder', 'supermarked', 'genbrugsbutik', 'butiksarbejde', 'ekspedient'],
    competences: ['Har været frivillig i en genbrugsbutik', 'God til at tale med folk', 'Kassearbejde', 'Har fyldt varer op i et supermarked', 'Salg på loppemarkeder'],
    demands: ['customer_contact', 'prolonged_standing', 'repetitive_work', 'walking', 'heavy_lifting', 'early_mornings'],
    accommodations: ['fixed_tasks', 'clear_instructions', 'short_shifts', 'buddy_mentor', 'gradual_start', 'flexible_hours'],
    queries: ['butik', 'butiksassistent', 'ekspedient', 'varepåfylder', 'varepafylder', 'supermarked', 'genbrugsbutik'],
    weight: 11,
  },
  {
    key: 'pleje',
    industry: 'Ældrepleje og dagtilbud',
    companyWords: ['Plejecenter', 'Aktivitetscenter', 'Daghjem', 'Børnehus', 'Bofællesskab'],
    titles: ['Aktivitetsmedhjælper', 'Servicemedarbejder på plejecenter', 'Medhjælper i ældreplejen', 'Pædagogmedhjælper', 'Servicemedarbejder i børnehave', 'Caféhjælper på plejecenter'],
    titleContexts: ['om formiddagen', 'i aktivitetscentret', 'på afdelingen', 'i fællesstuen'],
    tasks: [
      'Dække bord og servere mad for beboerne',
      'Gå ture med beboerne',
      'Hjælpe med aktiviteter som sang og spil',
      'Læse avis højt',
      'Rydde op i fællesstuen',
      'Hjælpe i køkkenet på afdelingen',
      'Lege med børnene på legepladsen',
      'Gøre frugt klar til børnene',
    ],
    descriptions: [
      'På vores plejecenter i {city} er der brug for en ekstra hånd til hverdagens små ting.',
      'Du er sammen med beboerne, dækker bord, går ture og hjælper med aktiviteter.',
      'Plejen står personalet for; du giver tid og selskab.',
      'Vi har en fast kontaktperson, som tager imod dig og følger dig de første uger.',
    ],
    wishes: ['omsorg', 'pleje', 'arbejde med mennesker', 'plejehjem', 'børn', 'hjælpe andre', 'ældrepleje'],
    competences: ['Har passet min mor i flere år', 'Omsorg for familien', 'Frivillig på et plejehjem', 'Har passet børn', 'Besøgsven i Røde Kors', 'Tålmodig og rolig'],
    demands: ['customer_contact', 'walking', 'prolonged_standing', 'early_mornings', 'written_danish'],
    accommodations: ['buddy_mentor', 'gradual_start', 'fixed_tasks', 'extra_breaks', 'quiet_workspace', 'clear_instructions'],
    queries: ['pleje', 'plejecenter', 'plejehjem', 'ældrepleje', 'aeldre', 'pædagogmedhjælper', 'omsorg', 'aktivitet'],
    weight: 9,
  },
  {
    key: 'pedel',
    industry: 'Ejendomsservice',
    companyWords: ['Ejendomsservice', 'Boligforening', 'Ejendomme', 'Vicevært Service', 'Drift & Service'],
    titles: ['Pedelmedhjælper', 'Viceværtmedhjælper', 'Ejendomsservicemedarbejder', 'Servicemedarbejder', 'Gårdmedhjælper'],
    titleContexts: ['i boligforeningen', 'på skolen', 'til udearealerne', 'i afdelingen'],
    tasks: [
      'Feje og rydde op på udearealer',
      'Skifte pærer og lave små reparationer',
      'Tømme affaldscontainere',
      'Slå græs og holde bede',
      'Hjælpe med at flytte møbler',
      'Tjekke legepladser',
      'Rydde sne og salte stier',
    ],
    descriptions: [
      'Boligforeningen i {city} søger en medhjælper til viceværten.',
      'Du holder udearealerne pæne, hjælper med små reparationer og tømmer containere.',
      'Arbejdet er afvekslende, og du arbejder meget udendørs.',
      'Du får arbejdstøj og værktøj, og viceværten viser dig rutinerne.',
    ],
    wishes: ['pedel', 'vicevært', 'praktisk arbejde', 'reparationer', 'ejendomsservice', 'arbejde udendørs med praktiske ting'],
    competences: ['Fikser selv ting derhjemme', 'God med værktøj', 'Har malet og tapetseret', 'Har kørekort', 'Har været pedel på en skole'],
    demands: ['walking', 'heavy_lifting', 'cold', 'heights', 'working_alone', 'early_mornings'],
    accommodations: ['flexible_hours', 'fixed_tasks', 'gradual_start', 'buddy_mentor', 'clear_instructions'],
    queries: ['pedel', 'vicevært', 'vicevaert', 'ejendomsservice', 'pedelmedhjælper', 'gårdmand'],
    weight: 7,
  },
  {
    key: 'have',
    industry: 'Anlægsgartner og havepleje',
    companyWords: ['Have Service', 'Anlæg', 'Havepleje', 'Grønne Områder', 'Planteskole'],
    titles: ['Havemedhjælper', 'Gartnermedhjælper', 'Medhjælper til grønne områder', 'Anlægsgartnermedhjælper', 'Medhjælper i planteskole'],
    titleContexts: ['i sæsonen', 'til parker og kirkegårde', 'til private haver', 'i væksthuset'],
    tasks: ['Luge bede', 'Slå græs', 'Klippe hække', 'Rive blade', 'Plante blomster og buske', 'Køre haveaffald til genbrugspladsen', 'Vande planter i væksthuset', 'Potte planter om'],
    descriptions: [
      'Vi passer haver og grønne områder i og omkring {city}.',
      'Du arbejder udendørs sammen med en fast kollega og lærer at bruge maskinerne.',
      'Opgaverne følger årstiderne: plantning om foråret, græs om sommeren og blade om efteråret.',
      'Vi har også opgaver i væksthuset, hvor du kan arbejde i læ.',
    ],
    wishes: ['havearbejde', 'gartner', 'arbejde udendørs', 'grønne områder', 'planter', 'have og natur'],
    competences: ['Passer sin egen have', 'Har kolonihave', 'Har klippet hæk og slået græs for naboer', 'Kan lide at være ude i al slags vejr', 'Har arbejdet i en planteskole'],
    demands: ['heavy_lifting', 'walking', 'cold', 'noise', 'repetitive_work', 'driving'],
    accommodations: ['buddy_mentor', 'flexible_hours', 'extra_breaks', 'gradual_start', 'fixed_tasks'],
    queries: ['havearbejde', 'gartner', 'have', 'gartnermedhjælper', 'grønne områder', 'havemedhjaelper', 'planteskole'],
    weight: 7,
  },
  {
    key: 'vaskeri',
    industry: 'Vaskeri',
    companyWords: ['Vaskeri', 'Linnedservice', 'Renseri', 'Tekstilservice'],
    titles: ['Vaskerimedarbejder', 'Medhjælper i vaskeri', 'Medarbejder til tøjsortering', 'Linnedmedarbejder'],
    titleContexts: ['på dagholdet', 'i sorteringen', 'ved foldemaskinen'],
    tasks: ['Sortere vasketøj', 'Folde håndklæder og lagner', 'Betjene vaskemaskiner og tørretumblere', 'Pakke rent linned', 'Tælle og registrere tøj'],
    descriptions: [
      'Vores vaskeri i {city} vasker for hoteller og plejecentre.',
      'Du sorterer, folder og pakker linned ved et fast bord.',
      'Opgaverne er de samme hver dag, og der er ro omkring dig.',
    ],
    wishes: ['vaskeri', 'folde tøj', 'roligt arbejde med faste opgaver', 'sortering'],
    competences: ['Vasker og stryger derhjemme', 'Har arbejdet i et vaskeri', 'Syr og lapper tøj', 'God til ensformigt arbejde'],
    demands: ['repetitive_work', 'prolonged_standing', 'noise', 'high_pace', 'chemicals'],
    accommodations: ['fixed_tasks', 'quiet_workspace', 'sit_stand_option', 'extra_breaks', 'adapted_workstation'],
    queries: ['vaskeri', 'vaskerimedarbejder', 'linned', 'tøjsortering', 'vaskri'],
    weight: 4,
  },
  {
    key: 'chauffoer',
    industry: 'Transport og budservice',
    companyWords: ['Budservice', 'Transport', 'Kurér', 'Vognmand', 'Madudbringning'],
    titles: ['Budchauffør', 'Bud', 'Chauffør til madudbringning', 'Kørselsmedhjælper', 'Chauffør til varetur'],
    titleContexts: ['om formiddagen', 'i lokalområdet', 'med varevogn', 'til madordningen'],
    tasks: ['Køre varer ud til kunder', 'Læsse bilen', 'Hente og bringe post', 'Køre mad ud til borgere', 'Planlægge ruten med kollegaen', 'Holde bilen ren'],
    descriptions: [
      'Vi kører varer ud i {city} og omegn og mangler en chauffør til faste ture.',
      'Du kører en varevogn, og ruten er planlagt på forhånd.',
      'Du skal have almindeligt kørekort (B).',
    ],
    wishes: ['chauffør', 'køre bil', 'budbil', 'udbringning', 'kørsel', 'chaufførjob'],
    competences: ['Kørekort kategori B', 'Har kørt for et pizzeria', 'Kender byen godt', 'Har kørt varevogn', 'Har kørt taxa'],
    demands: ['driving', 'heavy_lifting', 'customer_contact', 'early_mornings', 'working_alone'],
    accommodations: ['flexible_hours', 'fixed_tasks', 'short_shifts', 'clear_instructions'],
    queries: ['chauffør', 'chauffor', 'bud', 'budbil', 'kørsel', 'udbringning', 'varevogn'],
    weight: 5,
  },
  {
    key: 'kontor',
    industry: 'Administration',
    companyWords: ['Revision', 'Kontorservice', 'Administration', 'Regnskab', 'Forsikring'],
    titles: ['Kontormedhjælper', 'Kontorassistent', 'Receptionsmedhjælper', 'Medhjælper til scanning og arkiv', 'Administrativ medhjælper'],
    titleContexts: ['i administrationen', 'i receptionen', 'til arkivet', 'et par dage om ugen'],
    tasks: ['Scanne og arkivere papirer', 'Tage telefonen', 'Sortere og omdele post', 'Taste data ind', 'Kopiere og laminere', 'Tage imod gæster'],
    descriptions: [
      'Vores kontor i {city} har brug for hjælp til post, scanning og arkiv.',
      'Du arbejder ved et hæve-sænkebord i et roligt lokale.',
      'Vi lærer dig systemerne, og du har en fast kollega at spørge.',
    ],
    wishes: ['kontor', 'administration', 'arbejde ved computer', 'reception', 'kontorarbejde', 'arkiv'],
    competences: ['God til Word og Excel', 'Har været kasserer i en forening', 'Skriver hurtigt på computer', 'Har arbejdet i en reception', 'Ordenssans'],
    demands: ['prolonged_sitting', 'written_danish', 'customer_contact', 'repetitive_work'],
    accommodations: ['quiet_workspace', 'sit_stand_option', 'flexible_hours', 'adapted_workstation', 'clear_instructions', 'gradual_start'],
    queries: ['kontor', 'kontorassistent', 'administration', 'reception', 'arkiv', 'kontormedhjaelper', 'scanning'],
    weight: 6,
  },
  {
    key: 'bageri',
    industry: 'Bageri og konditori',
    companyWords: ['Bageri', 'Brødhus', 'Konditori', 'Bagerforretning'],
    titles: ['Bagermedhjælper', 'Medhjælper i bageri', 'Bageriekspedient', 'Medhjælper til morgenbagning'],
    titleContexts: ['om morgenen', 'i weekenden', 'i bagerbutikken', 'i bageriet'],
    tasks: ['Forme boller og rundstykker', 'Pakke brød', 'Gøre plader og forme rene', 'Stå i butikken om morgenen', 'Pynte kager', 'Tage imod bestillinger'],
    descriptions: [
      'Bageriet i {city} søger en medhjælper til de tidlige timer.',
      'Du former boller, pakker brød og gør klar til butikken åbner.',
      'Vi starter tidligt, men til gengæld har du fri om eftermiddagen.',
    ],
    wishes: ['bageri', 'bage', 'kager', 'bagerbutik', 'bagerarbejde'],
    competences: ['Bager brød og kager derhjemme', 'Har hygiejnebevis', 'Har bagt til skolefester', 'Har stået i en bagerbutik'],
    demands: ['early_mornings', 'prolonged_standing', 'high_pace', 'customer_contact', 'repetitive_work'],
    accommodations: ['fixed_tasks', 'buddy_mentor', 'short_shifts', 'clear_instructions', 'gradual_start'],
    queries: ['bager', 'bageri', 'bagermedhjælper', 'bagri', 'kager', 'morgenbagning'],
    weight: 4,
  },
  {
    key: 'montage',
    industry: 'Produktion og værksted',
    companyWords: ['Metal', 'Produktion', 'Auto & Bilvask', 'Plast', 'Montage', 'Værksted'],
    titles: ['Montagemedarbejder', 'Produktionsmedarbejder', 'Værkstedsmedhjælper', 'Medhjælper på autoværksted', 'Bilvasker', 'Pakkemedarbejder i produktionen'],
    titleContexts: ['på dagholdet', 'ved samlebåndet', 'i bilvasken', 'på værkstedet'],
    tasks: ['Samle små komponenter', 'Pakke færdige produkter', 'Kvalitetstjekke emner', 'Vaske og klargøre biler', 'Holde orden på værkstedet', 'Betjene en enkel maskine'],
    descriptions: [
      'Vi producerer dele til industrien i {city} og søger en medarbejder til montage.',
      'Du samler og pakker efter en fast vejledning ved dit eget arbejdsbord.',
      'Der er høreværn og sikkerhedssko, og tempoet aftaler vi med dig.',
    ],
    wishes: ['produktion', 'montage', 'værksted', 'biler', 'arbejde med hænderne', 'fabriksarbejde'],
    competences: ['Skruer på cykler og knallerter', 'Har arbejdet på fabrik', 'Gode fingre til småt arbejde', 'Vasker bilen hver uge', 'Har samlet møbler'],
    demands: ['repetitive_work', 'noise', 'prolonged_standing', 'chemicals', 'high_pace'],
    accommodations: ['adapted_workstation', 'sit_stand_option', 'fixed_tasks', 'clear_instructions', 'extra_breaks'],
    queries: ['produktion', 'montage', 'værksted', 'vaerksted', 'bilvask', 'produktionsmedarbejder', 'fabrik'],
    weight: 6,
  },
  {
    key: 'hotel',
    industry: 'Hotel og overnatning',
    companyWords: ['Hotel', 'Kro', 'Vandrerhjem', 'Badehotel', 'Konferencecenter'],
    titles: ['Housekeeping-medarbejder', 'Hotelrengøring', 'Morgenmadsmedarbejder', 'Medhjælper i receptionen', 'Medhjælper på kroen'],
    titleContexts: ['i weekenden', 'om formiddagen', 'til morgenmaden', 'i sommersæsonen'],
    tasks: ['Rede senge og skifte håndklæder', 'Gøre værelser klar til nye gæster', 'Fylde morgenmadsbuffeten op', 'Rydde borde i restauranten', 'Vaske gulve på gangene'],
    descriptions: [
      'Hotellet i {city} søger hjælp til værelser og morgenmad.',
      'Du gør værelserne klar til nye gæster efter en fast tjekliste.',
      'Vi arbejder to og to, så du er aldrig alene med opgaverne.',
    ],
    wishes: ['hotel', 'housekeeping', 'morgenmad', 'hotelarbejde', 'rede senge'],
    competences: ['Har arbejdet på hotel i udlandet', 'Holder orden derhjemme', 'Servering til fester', 'Taler engelsk med gæster'],
    demands: ['prolonged_standing', 'walking', 'repetitive_work', 'high_pace', 'chemicals', 'customer_contact'],
    accommodations: ['buddy_mentor', 'fixed_tasks', 'short_shifts', 'clear_instructions', 'gradual_start'],
    queries: ['hotel', 'housekeeping', 'morgenmad', 'hotelrengøring', 'kro'],
    weight: 4,
  },
  {
    key: 'dyr',
    industry: 'Landbrug og dyrehold',
    companyWords: ['Gård', 'Landbrug', 'Rideskole', 'Dyreklinik', 'Hundepension'],
    titles: ['Staldmedhjælper', 'Landbrugsmedhjælper', 'Medhjælper på rideskole', 'Medhjælper i dyrepension', 'Medhjælper i dyreklinik'],
    titleContexts: ['morgen og aften', 'i weekenden', 'ved hestene', 'i stalden'],
    tasks: ['Fodre dyrene', 'Muge ud i stalden', 'Passe kalvene', 'Gøre bure og løbegårde rene', 'Lufte hunde', 'Strigle heste'],
    descriptions: [
      'På vores gård uden for {city} er der brug for en hjælpende hånd i stalden.',
      'Du fodrer dyrene, muger ud og holder orden.',
      'Arbejdet er fysisk, men du bestemmer selv tempoet.',
    ],
    wishes: ['dyr', 'landbrug', 'stald', 'heste', 'hunde', 'arbejde med dyr'],
    competences: ['Har haft hest i mange år', 'Opvokset på en gård', 'Passer hunde for naboen', 'Har haft høns'],
    demands: ['early_mornings', 'heavy_lifting', 'cold', 'working_alone', 'noise', 'walking'],
    accommodations: ['flexible_hours', 'gradual_start', 'buddy_mentor', 'extra_breaks'],
    queries: ['dyr', 'stald', 'landbrug', 'heste', 'hundepension', 'staldmedhjælper'],
    weight: 3,
  },
  {
    key: 'genbrug',
    industry: 'Affald og genbrug',
    companyWords: ['Genbrugsplads', 'Miljøcenter', 'Affaldsservice', 'Genbrug & Miljø'],
    titles: ['Medarbejder på genbrugsplads', 'Sorteringsmedarbejder', 'Medhjælper i genbrugsværksted', 'Miljømedarbejder'],
    titleContexts: ['på pladsen', 'i sorteringshallen', 'i weekenden'],
    tasks: ['Vise borgere til rette på pladsen', 'Sortere affald i de rigtige containere', 'Holde pladsen ryddelig', 'Istandsætte møbler til genbrug', 'Teste brugte elektronikting'],
    descriptions: [
      'Genbrugspladsen i {city} søger en medhjælper til at guide borgerne.',
      'Du viser vej til de rigtige containere og holder pladsen ryddelig.',
      'Du arbejder udendørs og får varmt arbejdstøj.',
    ],
    wishes: ['genbrug', 'miljø', 'sortering', 'arbejde udendørs', 'genbrugsplads'],
    competences: ['Sorterer affald derhjemme', 'Istandsætter gamle møbler', 'Reparerer cykler', 'God til at hjælpe folk'],
    demands: ['cold', 'heavy_lifting', 'customer_contact', 'walking', 'noise'],
    accommodations: ['buddy_mentor', 'fixed_tasks', 'flexible_hours', 'extra_breaks', 'clear_instructions'],
    queries: ['genbrug', 'genbrugsplads', 'sortering', 'miljø', 'genbrugsværksted'],
    weight: 3,
  },
];

export const COMPANY_NAME_PREFIXES = [
  'Kattegat', 'Nordlys', 'Aros', 'Marselis', 'Mols', 'Djurs', 'Gudenå', 'Brabrand', 'Viby', 'Risskov', 'Lystrup',
  'Tranbjerg', 'Skødstrup', 'Egå', 'Tilst', 'Hasselager', 'Højbjerg', 'Åbyhøj', 'Silkeborg', 'Randers', 'Horsens',
  'Skanderborg', 'Favrskov', 'Hinnerup', 'Odder', 'Grenaa', 'Viborg', 'Herning', 'Vejle', 'Aalborg', 'Limfjord',
  'Vestjysk', 'Østjysk', 'Midtjysk', 'Søhøjlandets', 'Himmerland', 'Fyns', 'Sjællands', 'Kronborg', 'Bugtens',
  'Bøgeskov', 'Egeskov', 'Lyngbakken', 'Engdal', 'Solsiden', 'Havnens', 'Torvets', 'Nørrebro', 'Frederiks', 'Valby',
] as const;

export const COMPANY_SUFFIXES = ['ApS', 'A/S', 'I/S', '', '', 'v/ ejeren'] as const;

export const STREETS = [
  'Hovedgaden', 'Skolevej', 'Industrivej', 'Nørregade', 'Søndergade', 'Stationsvej', 'Kirkevej', 'Møllevej',
  'Engvej', 'Vestergade', 'Østergade', 'Bakkevej', 'Skovvej', 'Åboulevarden', 'Silkeborgvej', 'Randersvej',
  'Grenåvej', 'Skanderborgvej', 'Viborgvej', 'Havnegade', 'Tværgade', 'Lyngvej', 'Rosenvænget', 'Agerøvej',
] as const;

export const FIRST_NAMES = [
  'Anne', 'Mette', 'Hanne', 'Susanne', 'Lene', 'Kirsten', 'Camilla', 'Louise', 'Maria', 'Pia', 'Tina', 'Helle',
  'Jens', 'Peter', 'Lars', 'Michael', 'Henrik', 'Thomas', 'Søren', 'Jan', 'Niels', 'Rasmus', 'Martin', 'Jesper',
  'Ahmad', 'Fatima', 'Ali', 'Amina', 'Mohammed', 'Layla', 'Olena', 'Oksana', 'Dmytro', 'Yusuf', 'Zainab', 'Hamid',
  'Freja', 'Ida', 'Emma', 'Mathias', 'Frederik', 'Mikkel', 'Sofie', 'Jonas', 'Bente', 'Birgit', 'Ole', 'Preben',
] as const;

export const LAST_NAMES = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen',
  'Møller', 'Mortensen', 'Karimi', 'Hussein', 'Yilmaz', 'Ahmadi', 'Kovalenko', 'Shevchenko', 'Abdi', 'Khan',
  'Dalsgaard', 'Bech', 'Lauesen', 'Brix', 'Kaae', 'Ebbesen', 'Holm', 'Lund', 'Bak', 'Vestergaard', 'Friis',
] as const;

/** Languages besides Danish that citizens name, with how often. */
export const OTHER_LANGUAGES = ['Engelsk', 'Arabisk', 'Tyrkisk', 'Ukrainsk', 'Somali', 'Farsi', 'Polsk', 'Tigrinya', 'Kurdisk', 'Tysk'] as const;

export const CONTACT_ROLES = ['Daglig leder', 'Driftsleder', 'Køkkenleder', 'Butiksleder', 'Lagerchef', 'Indehaver', 'Afdelingsleder', 'Værkstedsleder', 'HR-konsulent', 'Teamleder'] as const;

/** Free-text health notes as a consultant writes them (sensitive; never indexed). Fictitious. */
export const HEALTH_NOTES = [
  '',
  '',
  'Ondt i lænden ved lange dage. Har brug for at kunne skifte stilling.',
  'Angst i store grupper; bedst med faste kolleger.',
  'Slidgigt i knæene; korte gåture går fint.',
  'Bliver hurtigt træt; skal starte med få timer og bygge op.',
  'Nedsat hørelse på venstre øre.',
  'Stress efter sygemelding i 2023; har brug for ro og tydelige opgaver.',
  'Diabetes; skal kunne holde pauser og spise.',
  'Skulderskade; undgå løft over hovedhøjde.',
] as const;

export const ORDINARY_TERMS = 'Timerne er ordinære og aflønnes efter overenskomst.';
