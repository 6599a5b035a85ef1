/**
 * Wording that discriminates in a job opening, as the Danish rules forbid it (forskelsbehandlingsloven:
 * race, hudfarve, religion eller tro, politisk anskuelse, seksuel orientering, alder, handicap, national,
 * social eller etnisk oprindelse; ligebehandlingsloven: køn, also pregnancy and leave). A hit is
 * refused at the field when the opening is saved (see `openingInputSchema`), and a saved text is checked
 * again before the opening becomes visible (publish, reopen). Nothing is checked on read.
 *
 * The patterns aim at what an employer writes about the person wanted ("under 30 år", "rengøringsdame",
 * "etnisk dansk", "rask og sund"), not at the work or the people served: "hjælpe ældre borgere", "passe børn
 * under 3 år", "5 års erfaring", "30 timer", "rask til at gå i gang" and "taler dansk" are fine. A sentence
 * that welcomes everyone ("uanset alder, køn og etnisk baggrund") is fine too.
 *
 * Age (decision 022): a maximum age is always refused. A minimum age of at most 18 passes, because the law
 * sets such limits (alcohol sales, night work and dangerous machines for people under 18, arbejdsmiljøloven's
 * rules for young people); a higher minimum ("mindst 25 år") is refused.
 */

export type DiscriminationGround = 'age' | 'gender' | 'ethnicity' | 'religion' | 'disability' | 'orientation' | 'politics';

export type WordingHit = { text: string; start: number; end: number; ground: DiscriminationGround };

/** The ground as a Danish message names it ("på grund af alder"). */
export const GROUND_LABELS: Record<DiscriminationGround, string> = {
  age: 'alder',
  gender: 'køn',
  ethnicity: 'etnisk eller national oprindelse',
  religion: 'religion eller tro',
  disability: 'handicap eller helbred',
  orientation: 'seksuel orientering',
  politics: 'politisk anskuelse',
};

/** What to write instead, one short sentence per ground: the message stands at the field and in the summary. */
const EXPLANATIONS: Record<DiscriminationGround, string> = {
  age: 'Skriv opgaverne og kravene i stedet for en alder; en mindstealder, som loven kræver (fx 18 år for salg af alkohol), er i orden.',
  gender: 'Brug en kønsneutral betegnelse, fx "medarbejder", og spørg ikke til graviditet eller børn.',
  ethnicity: 'Skriv i stedet, hvor godt man skal kunne tale, læse eller skrive dansk i arbejdet.',
  religion: 'Nævn ikke tro eller religiøs påklædning.',
  disability: 'Beskriv i stedet, hvad arbejdet konkret kræver, fx tunge løft.',
  orientation: 'Nævn ikke seksuel orientering.',
  politics: 'Nævn ikke politisk anskuelse eller partimedlemskab.',
};

// Letters as Danish words use them; \b does not know æ, ø and å.
const L = 'a-zæøåéü';
const word = (body: string) => new RegExp(`(?<![${L}])(?:${body})(?![${L}])`, 'giu');

// Numbers as written in digits or in Danish words, up to 99.
const ONES = ['en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni'];
const TEENS: Record<string, number> = { femten: 15, seksten: 16, sytten: 17, atten: 18, nitten: 19 };
const TENS: Record<string, number> = { tyve: 20, tredive: 30, fyrre: 40, fyrretyve: 40, halvtreds: 50, tres: 60, halvfjerds: 70, firs: 80, halvfems: 90 };
const NUMBER = `(?:\\d{1,2}(?!\\d)|(?:(?:${ONES.join('|')}|et)og)?(?:${Object.keys(TENS).join('|')})|${Object.keys(TEENS).join('|')})`;

function numberValue(token: string): number {
  const lower = token.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower in TEENS) return TEENS[lower]!;
  const [, one, tens] = /^(?:([a-z]+)og)?([a-zæøå]+)$/.exec(lower) ?? [];
  const onesValue = one ? (one === 'et' ? 1 : ONES.indexOf(one) + 1) : 0;
  return (TENS[tens ?? ''] ?? 0) + onesValue;
}

/** The age-like numbers in a match (15–99): "3 år" is about the work or the children, not the applicant. */
function agesIn(matched: string): number[] {
  return [...matched.matchAll(new RegExp(`(?<![${L}\\d])${NUMBER}(?![${L}\\d])`, 'giu'))].map((m) => numberValue(m[0])).filter((n) => n >= 15 && n <= 99);
}

const AGE_UNIT = `(?:\\s*[-–]?\\s*(?:år|årig|årige))?(?:\\s+(?:gammel|gamle))?`;
// Before an age pattern, these words make it a duration or the people served: "i over 30 år", "kontrakt på 1-2
// år", "har over 30 år på bagen", "passe børn under 3 år", "hjælpe ældre over 65 år".
const DURATION_BEFORE = new RegExp(`(?:^|[^${L}])(?:i|på|for|gennem|efter|om|har|haft|været|inden for)\\s+$`, 'iu');
const SERVED_BEFORE = new RegExp(
  `(?:(?:med|for|til|af|hjælpe|passe)\\s+(?:[${L}]+\\s+)?(?:unge|ældre)|børn|elever|borgere|beboere|kunder|patienter|brugere|gæster)\\s+$`,
  'iu',
);

type Context = { matched: string; before: string; after: string };

/** An age phrase with "år" counts; without it, only where the sentence ends there ("ikke over 50."). */
function aboutAPerson({ matched, before, after }: Context): boolean {
  if (DURATION_BEFORE.test(before) || SERVED_BEFORE.test(before)) return false;
  // "Firmaet er over 30 år gammelt": the neuter is not a person.
  if (/^\s*gammelt/iu.test(after)) return false;
  if (new RegExp(`(?<![${L}])år(?:ig|ige)?(?![${L}])`, 'iu').test(matched)) return true;
  return new RegExp(`^\\s*(?:$|[.,;:!?)]|(?:og|eller)(?![${L}]))`, 'iu').test(after);
}

// "Du må ikke være under 18" is a minimum, not a maximum.
const NEGATED_BEFORE = /ikke\s+(?:være\s+)?$/iu;
const maximumAge = (context: Context) => aboutAPerson(context) && !NEGATED_BEFORE.test(context.before) && agesIn(context.matched).length > 0;
// A minimum of at most 18 is what the law itself sets; above that it is a wish about the person.
const minimumAge = (context: Context) => aboutAPerson(context) && agesIn(context.matched).some((age) => age > 18);

type Pattern = {
  ground: DiscriminationGround;
  pattern: RegExp;
  /** Whether the match is about the person wanted; default yes. */
  keep?: (context: Context) => boolean;
  /** A single word that could be part of a person's name ("Kristen", "Damgaard"): not checked in a name field. */
  singleWord?: boolean;
};

// Compound words that end like a gendered noun but are about the work, not the person.
const GENDER_FALSE_FRIENDS = new Set([
  'formand', 'formænd', 'tillidsmand', 'tillidsmænd', 'opmand', 'bemand', 'fagmand', 'fagmænd', 'landmand', 'landmænd',
  'håndværksmand', 'håndværksmænd', 'sømand', 'postmand', 'tjenestemand', 'tjenestemænd', 'talsmand', 'mellemmand',
  'ombudsmand', 'købmand', 'købmænd', 'vognmand', 'vognmænd', 'gårdmand', 'gårdmænd', 'demand', 'command', 'ikone', 'ikoner', 'madame',
]);
// A "fyr" that heats: "service af oliefyr" is work for a plumber, not a wish for a young man.
const HEATING_FYR = /(?:olie|gas|pille|træpille|flis|halm|koks|kul|bio|fjernvarme|ild|kedel|brænde)fyr(?:e|et|ene)?$/iu;

const PATTERNS: Pattern[] = [
  // Age: a maximum ("under 30 år", "højst være 40 år gammel", "ikke over 50", "yngre end 30", "under tredive år").
  {
    ground: 'age',
    pattern: word(`(?:under|højst|maks(?:imalt|\\.)?|max\\.?|op til|yngre end|ikke\\s+(?:være\\s+)?(?:over|ældre end))\\s+(?:være\\s+)?${NUMBER}${AGE_UNIT}`),
    keep: maximumAge,
  },
  // Age: a minimum above what the law sets ("mindst 25 år", "ældre end 30", "fyldt 25").
  {
    ground: 'age',
    pattern: word(`(?:over|mindst|min\\.?|minimum|ældre end|fyldt|ikke\\s+(?:være\\s+)?(?:under|yngre end))\\s+(?:være\\s+)?${NUMBER}${AGE_UNIT}`),
    keep: minimumAge,
  },
  // Age: a band ("mellem 20 og 35 år", "20-35 år", "i alderen 20-35", "alder: 25-40", "aldersgrænse på 30 år").
  { ground: 'age', pattern: word(`(?:mellem\\s+)?${NUMBER}\\s*(?:[-–]|og|til)\\s*${NUMBER}\\s*(?:år|årige)(?:\\s+(?:gammel|gamle))?`), keep: maximumAge },
  { ground: 'age', pattern: word(`(?:i alderen|alder(?:en)?\\s*:)\\s*(?:fra\\s+)?${NUMBER}(?:\\s*(?:[-–]|til|og)\\s*${NUMBER})?`) },
  { ground: 'age', pattern: word(`aldersgrænse(?:n)?\\s*(?:er|på|:)?\\s*${NUMBER}${AGE_UNIT}`), keep: ({ matched }) => agesIn(matched).some((age) => age > 18) },
  { ground: 'age', pattern: word(`(?:er|være)\\s+(?:først\\s+|sidst\\s+|midt\\s+)?i\\s+(?:de\\s+)?(?:[1-6]0['’]?erne|tyverne|trediverne|fyrrerne|halvtredserne)`) },
  { ground: 'age', pattern: word(`${NUMBER}\\s*[-–]?\\s*årig(?:e)?`), keep: ({ matched, after }) => agesIn(matched).length > 0 && !/^\s*(?:jubilæum|fødselsdag)/iu.test(after) },
  { ground: 'age', pattern: word('født\\s+(?:før|efter|i|senest|tidligst)\\s+(?:19|20)\\d\\d') },
  {
    ground: 'age',
    pattern: word('(?:ung|unge|yngre)\\s+(?:medarbejder|medarbejdere|kollega|person|personer|mennesker|mand|kvinde|pige|piger|fyr|fyre|ansøger|ansøgere)'),
    // "Vi hjælper unge mennesker" is about the people served.
    keep: ({ before }) => !/(?:med|for|til|af|hjælpe|hjælper|passe|undervise|vejlede)\s+$/iu.test(before),
  },
  { ground: 'age', pattern: word('ung(?:e)? og (?:frisk|friske|energisk|energiske|dynamisk|dynamiske|sprudlende)|(?:pensionister|seniorer|ældre) frabedes|ingen (?:pensionister|seniorer)|ikke pensionist|ikke for gammel|for gamle') },

  // Gender, pregnancy and gender identity.
  { ground: 'gender', pattern: word('kun (?:mænd|kvinder|piger|drenge|damer|herrer)|mandlig|mandlige|kvindelig|kvindelige|ekspeditrice|servitrice|sekretærinde') },
  {
    ground: 'gender',
    pattern: word('(?:mænd|kvinder|piger|drenge|damer|herrer|kvinde)\\s+(?:søges|foretrækkes|ønskes)|(?:søger|ønsker)\\s+(?:en\\s+)?(?:kvinde|mand|pige|dreng|dame|herre)'),
    // "Vi søger en mand eller kvinde" asks for either.
    keep: ({ after }) => !/^\s*(?:eller|og|\/)/iu.test(after),
  },
  { ground: 'gender', pattern: word(`[${L}]*(?:dame|damer|pige|piger|dreng|drenge|mand|mænd|kone|koner)`), singleWord: true },
  { ground: 'gender', pattern: word(`[${L}]+fyr|[${L}]+fyre|(?:en|frisk|ung|flink|stærk|sød|sej|glad)\\s+fyr`), singleWord: true, keep: ({ matched }) => !HEATING_FYR.test(matched) },
  // "Han/hun skal" and "han eller hun skal" speak to anyone.
  { ground: 'gender', pattern: word('hun skal|han skal'), keep: ({ before }) => !/(?:\/|eller\s+|og\s+)$/iu.test(before) },
  { ground: 'gender', pattern: word('(?:ikke|ingen)\\s+(?:være\\s+)?gravid(?:e)?|gravide\\s+frabedes|(?:ikke|ingen)\\s+(?:planer|ønske)\\s+om\\s+(?:at\\s+få\\s+)?(?:flere\\s+)?børn|(?:ikke|ingen)\\s+(?:på\\s+)?barsel') },

  // Ethnicity, national origin, skin colour.
  {
    ground: 'ethnicity',
    pattern: word(
      [
        'etnisk(?:e)?\\s+(?:dansk|danske|dansker|danskere|nordisk|nordiske|skandinavisk|skandinaviske|vestlig|vestlige|europæisk|europæiske|hvid|hvide)',
        'ikke-etnisk(?:e)?',
        '(?:af\\s+)?dansk(?:e)?\\s+(?:oprindelse|herkomst|afstamning|udseende)',
        'dansk(?:e)?\\s+af\\s+(?:oprindelse|fødsel)',
        '(?:nordisk|skandinavisk|europæisk|vestligt?)\\s+udseende',
        'født(?:\\s+og\\s+opvokset)?\\s+i\\s+danmark',
        'kun\\s+(?:for\\s+)?danskere|danskere\\s+søges|være\\s+dansker',
        'dansk(?:e)?\\s+(?:som\\s+)?modersmål',
        'hudfarve|(?:mørk|lys)\\s+hud',
        'hvid(?:e)?\\s+(?:ansøger|ansøgere|person|personer|dansker|danskere)',
        'ikke-vestlig(?:e)?',
        '(?:udlændinge|indvandrere|flygtninge|nydanskere)\\s+frabedes|ingen\\s+(?:udlændinge|indvandrere|flygtninge|nydanskere)',
        'race',
      ].join('|'),
    ),
  },

  // Religion or belief, and dress that shows it.
  {
    ground: 'religion',
    pattern: word('kristen|kristne|muslim|muslimer|muslimsk|muslimske|jøde|jøder|jødisk|jødiske|hindu|hinduer|sikh|sikher|buddhist|buddhister|ateist|ateister|religiøs|religiøse|ingen religion'),
    singleWord: true,
    // The workplace's own basis ("en kristen friskole") and welcoming every belief ("religiøse højtider") are not a demand on the person.
    keep: ({ after }) => !/^\s*(?:friskole|skole|børnehave|menighed|kirke|forening|organisation|institution|højtider|helligdage)/iu.test(after),
  },
  { ground: 'religion', pattern: word('(?:hoved)?tørklæde(?:r|t|rne)?|hijab|hijabs|burka|burkaer|niqab|niqaber|kalot|turban|religiøs(?:e)?\\s+(?:symboler|beklædning|hovedbeklædning)') },

  // Handicap and health.
  {
    ground: 'disability',
    pattern: word(
      [
        '(?:ingen|ikke|uden)\\s+(?:handicap|handicappede|handicappet|sygdom|sygdomme|kroniske sygdomme|skavanker|diagnoser|diagnose|gigt|rygproblemer|psykiske\\s+(?:lidelser|problemer|sygdomme))',
        'handicappede\\s+frabedes',
        'sund og rask|rask og sund|frisk og rask|rask og frisk|sund og frisk',
        'fysisk og psykisk (?:rask|sund|stabil)',
        'fuldt (?:rask|arbejdsdygtig|funktionsdygtig)|100 ?% (?:rask|arbejdsdygtig)',
        '(?:godt|sundt|perfekt|fejlfrit)\\s+helbred',
      ].join('|'),
    ),
  },

  { ground: 'orientation', pattern: word('heteroseksuel(?:le)?|homoseksuel(?:le)?|biseksuel(?:le)?|bøsse|bøsser|lesbisk(?:e)?|homoer|seksuel orientering') },
  {
    ground: 'politics',
    pattern: word('partimedlem(?:mer)?|medlem af (?:et|ét|noget) (?:politisk\\s+)?parti|politisk (?:anskuelse|overbevisning|ståsted|holdning|tilhørsforhold)|(?:kommunister|nazister|socialister|venstreorienterede|højreorienterede)(?:\\s+frabedes)?'),
  },
];

// A clause that welcomes everyone names the grounds without asking anything of the person:
// "Alle opfordres til at søge uanset alder, køn, religion og etnisk baggrund."
const WELCOMING_CLAUSE = word('uanset|uden hensyn til|uden skelen til|ligegyldigt');

function welcomingSpans(text: string): [number, number][] {
  return [...text.matchAll(WELCOMING_CLAUSE)].map((match) => {
    const start = match.index ?? 0;
    const rest = text.slice(start).search(/[.!?\n]/);
    return [start, rest < 0 ? text.length : start + rest];
  });
}

function isFalseFriend(ground: DiscriminationGround, text: string): boolean {
  if (ground !== 'gender') return false;
  const lower = text.toLowerCase();
  // The bare trade nouns ("mand" in "40 mand", "fagmand") describe skill or headcount, not a wanted gender.
  return GENDER_FALSE_FRIENDS.has(lower) || lower === 'mand' || lower === 'mænd';
}

/**
 * Every discriminating phrase in the text, in order, without overlaps. A name field (`properName`) is checked
 * only for phrases, since a single word such as "Kristen" or "Bøgemand" may be someone's name.
 */
export function findDiscriminatoryWording(text: string, { properName = false }: { properName?: boolean } = {}): WordingHit[] {
  const hits: WordingHit[] = [];
  const welcoming = welcomingSpans(text);
  for (const { ground, pattern, keep, singleWord } of PATTERNS) {
    if (properName && singleWord) continue;
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (isFalseFriend(ground, match[0])) continue;
      if (keep && !keep({ matched: match[0], before: text.slice(0, start), after: text.slice(end) })) continue;
      if (welcoming.some(([from, to]) => start >= from && end <= to)) continue;
      hits.push({ text: match[0], start, end, ground });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((hit, i) => !hits.slice(0, i).some((earlier) => earlier.end > hit.start));
}

/**
 * The Danish message for a field whose text discriminates, naming the words and the grounds, or null. One
 * message per field, so a company sees every word it must change at once.
 */
export function wordingMessage(hits: WordingHit[]): string | null {
  if (hits.length === 0) return null;
  const grounds = [...new Set(hits.map((hit) => hit.ground))];
  const words = hits.map((hit) => `"${hit.text}"`).join(', ');
  const groundList = grounds.map((ground) => GROUND_LABELS[ground]);
  const named = groundList.length > 1 ? `${groundList.slice(0, -1).join(', ')} og ${groundList.at(-1)}` : groundList[0];
  const law = grounds.every((ground) => ground === 'gender') ? 'ligebehandlingsloven' : grounds.includes('gender') ? 'forskelsbehandlingsloven og ligebehandlingsloven' : 'forskelsbehandlingsloven';
  return `${words} kan være forskelsbehandling på grund af ${named} (${law}). ${grounds.map((ground) => EXPLANATIONS[ground]).join(' ')}`;
}
