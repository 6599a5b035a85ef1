/**
 * Wording that discriminates in a job opening, as the Danish rules forbid it (forskelsbehandlingsloven:
 * race, hudfarve, religion eller tro, politisk anskuelse, seksuel orientering, alder, handicap, national,
 * social eller etnisk oprindelse; ligebehandlingsloven: køn). A hit blocks publishing until the text changes.
 *
 * The patterns aim at what an employer writes about the person wanted ("under 30 år", "rengøringsdame",
 * "etnisk dansk"), not at the work: "hjælpe ældre borgere" or "taler dansk" are fine.
 */

export type DiscriminationGround = 'age' | 'gender' | 'ethnicity' | 'religion' | 'disability' | 'orientation' | 'politics';

export type WordingHit = { text: string; start: number; end: number; ground: DiscriminationGround; explanation: string };

const EXPLANATIONS: Record<DiscriminationGround, string> = {
  age: 'Krav om alder er forskelsbehandling efter forskelsbehandlingsloven. Beskriv i stedet opgaverne og kravene til arbejdet.',
  gender: 'Jobopslag må ikke henvende sig til ét køn (ligebehandlingsloven). Brug en kønsneutral betegnelse, fx "medarbejder" eller "assistent".',
  ethnicity: 'Krav om etnisk eller national oprindelse eller hudfarve er forskelsbehandling. Skriv i stedet, hvilke sprogkundskaber arbejdet kræver.',
  religion: 'Krav om eller mod en religion eller tro er forskelsbehandling efter forskelsbehandlingsloven.',
  disability: 'Et opslag må ikke udelukke personer med handicap eller sygdom. Beskriv i stedet de konkrete krav i arbejdet.',
  orientation: 'Krav om seksuel orientering er forskelsbehandling efter forskelsbehandlingsloven.',
  politics: 'Krav om politisk anskuelse er forskelsbehandling efter forskelsbehandlingsloven.',
};

// Letters as Danish words use them; \b does not know æ, ø and å.
const L = 'a-zæøåéü';
const word = (body: string) => new RegExp(`(?<![${L}])(?:${body})(?![${L}])`, 'giu');

const PATTERNS: { ground: DiscriminationGround; pattern: RegExp }[] = [
  { ground: 'age', pattern: word('(?:under|over|max\\.?|maks\\.?|maksimalt|højst|mindst|ikke over|ikke under)\\s+\\d{1,2}\\s*år') },
  { ground: 'age', pattern: word('(?:mellem\\s+)?\\d{1,2}\\s*(?:[-–]|og|til)\\s*\\d{1,2}\\s*år(?:\\s*gammel|\\s*gamle)?') },
  { ground: 'age', pattern: word('(?:ung|unge|yngre|ældre)\\s+(?:medarbejder|medarbejdere|kollega|person|mand|kvinde|pige|fyr|ansøger|ansøgere)') },
  { ground: 'age', pattern: word('ung og (?:frisk|energisk)|ungt team søger ung|pensionister frabedes|ikke pensionist') },
  { ground: 'gender', pattern: word('kun (?:mænd|kvinder|piger|drenge|damer|herrer)|mandlig|mandlige|kvindelig|kvindelige') },
  { ground: 'gender', pattern: word(`[${L}]*(?:dame|damer|pige|piger|dreng|drenge|fyr|fyre|mand|mænd|kone|koner)`) },
  { ground: 'gender', pattern: word('han eller hun søges|hun skal|han skal') },
  { ground: 'ethnicity', pattern: word('etnisk(?:e)?\\s+\\w+|dansk(?:e)? af oprindelse|dansk oprindelse|født i danmark|kun danskere|danskere søges|hudfarve|hvid(?:e)? ansøger(?:e)?|ikke-vestlig(?:e)?|udlændinge frabedes|indvandrere frabedes|race') },
  { ground: 'religion', pattern: word('kristen|kristne|muslim|muslimer|muslimsk|jøde|jøder|jødisk|religiøs|religiøse|tørklæde|ingen religion') },
  { ground: 'disability', pattern: word('(?:ingen|ikke|uden)\\s+(?:handicap|handicappede|handicappet|sygdom|sygdomme|skavanker|diagnoser)|sund og rask|frisk og rask|fuldt rask|100 ?% rask') },
  { ground: 'orientation', pattern: word('heteroseksuel|homoseksuel|bøsse|bøsser|lesbisk|seksuel orientering') },
  { ground: 'politics', pattern: word('partimedlem|medlem af (?:et|ét) parti|politisk anskuelse') },
];

// Compound words that end like a gendered noun but are about the work, not the person.
const GENDER_FALSE_FRIENDS = new Set(['formand', 'formænd', 'tillidsmand', 'opmand', 'bemand', 'fagmand', 'fagmænd', 'landmand', 'landmænd', 'håndværksmand', 'håndværksmænd', 'sømand', 'postmand']);

function isFalseFriend(ground: DiscriminationGround, text: string): boolean {
  if (ground !== 'gender') return false;
  const lower = text.toLowerCase();
  // The bare trade nouns ("mand" in "40 mand", "fagmand") describe skill or headcount, not a wanted gender.
  return GENDER_FALSE_FRIENDS.has(lower) || lower === 'mand' || lower === 'mænd';
}

/** Every discriminating phrase in the text, in order, without overlaps. */
export function findDiscriminatoryWording(text: string): WordingHit[] {
  const hits: WordingHit[] = [];
  for (const { ground, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      if (isFalseFriend(ground, match[0])) continue;
      hits.push({ text: match[0], start, end: start + match[0].length, ground, explanation: EXPLANATIONS[ground] });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((hit, i) => !hits.slice(0, i).some((earlier) => earlier.end > hit.start));
}

/** The text cut into plain and marked parts, so a form can show the words that block publishing. */
export function markWording(text: string, hits: WordingHit[]): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.start > at) parts.push({ text: text.slice(at, hit.start), marked: false });
    parts.push({ text: text.slice(hit.start, hit.end), marked: true });
    at = hit.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
