/**
 * Danish words as matching reads them (DESIGN: "Matching"; decision 014): folding the way Meilisearch folds,
 * the words that say nothing, stems, words made from verbs and compounds, and the share of words two texts
 * have in common. Pure. The one Danish folding function, `foldDanish`, lives here; the database's folding
 * (app/services/sql-filters.server.ts) is tested against it.
 */
import { stemmer as danishStem } from '@orama/stemmers/danish';

/**
 * Lower case without accents, the way Meilisearch folds Danish: æ→ae, ø→o, å→a; the old spelling "aa" is
 * read as å, so "Århus" and "Aarhus" meet.
 */
export function foldDanish(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/aa/g, 'a');
}

/**
 * Small words and words every job text has; they say nothing about whether the work fits. Folded. Words the
 * stemmer would take for another are here too: "var" for "varer", "bare" for "baren", "måske" for "maskine".
 */
const STOPWORDS = new Set(
  (
    'alle alt altid andet andre anden bare blev blive bliver dem den denne der deres det dette dig din dine disse ' +
    'eller end efter fra flere for gerne godt gore have havde hele her hos hun hvad hvis hvor hvordan ikke ' +
    'ind jeg job jobbet jobs kan kunne lave lidt lige maske meget med men mig min mine mit mod mange noget nogle ' +
    'nar ogsa over siden sig sin sine skal skulle som sadan tiden til under var ved vil ville vaere vaeret ' +
    'arbejde arbejder arbejdes arbejdet opgave opgaven opgaver opgaverne stilling stillingen timer timerne ' +
    'uge ugen ugens helst komme kommer starte tage tager varetage varetager ' +
    // When, not what: "gerne tidligt om morgenen" is not a wish for a job about mornings, and "ikke om
    // morgenen" would read as one. The hours filter and the demand "early mornings" say when.
    'morgen morgenen morgener formiddag formiddagen formiddage eftermiddag eftermiddagen eftermiddage ' +
    'aften aftenen aftener aftner nat natten naetter tidlig tidligt tidlige sen sent sene dag dagen dage dagtimer ' +
    'weekend weekenden weekender hverdag hverdage hverdagen mandag tirsdag onsdag torsdag fredag lordag sondag ' +
    'mandage tirsdage onsdage torsdage fredage lordage sondage'
  ).split(' '),
);

/** Prefixes shorter than this match too much ("mad" in "madras"); longer ones catch Danish compounds. */
const MIN_PREFIX = 4;
/** The rest of a compound is a word of its own ("lager|hal"); a shorter rest makes another word ("konto|r"). */
const MIN_COMPOUND_REST = 3;
/** What is left when an ending comes off must be this long to be a verb: "pak|ning", not "r|ing". */
const MIN_VERB = 3;

/**
 * Endings of words made from a verb, as the stemmer leaves them: nouns ("pakning", "pakkeri" ← pakke;
 * "rengøring" ← rengøre; "kørsel", "kørslen" ← køre) and the past tense ("pakkede" ← pakke). The stemmer
 * keeps them, so "pakning" would not meet "pakke". Both "-ning" and "-ing" are tried: "pak|ning", "tegn|ing".
 */
const VERB_ENDINGS = ['ning', 'ing', 'eri', 'sel', 'sl', 'ed'];

/**
 * Words that begin like a shorter word without being made from it: "postevand" is tap water, not post, and
 * "plante" no plan. Only a dictionary tells them from compounds, so the few that job texts use are listed. Folded.
 */
const FALSE_COMPOUNDS = ['postevand', 'plant'];

export type Term = {
  /** As written, in lower case, for explanations. */
  word: string;
  /** Folded. */
  key: string;
  /** Snowball's stem, with æ, ø and å: "pakker" → pak. */
  stem: string;
  /** The word, its stem and any verb it is made from, with æ, ø and å: "kørslen" → kørslen, kørsl, kør. */
  forms: readonly string[];
  /** The forms of four letters or more, folded, so "rengoring" meets "rengøre"; short ones keep "lag" from "låg". */
  foldedForms: readonly string[];
  /** The word and its stem (not a guessed verb) of four letters or more, folded: what may start a compound. */
  heads: readonly string[];
};

/** The stemmer knows æ, ø and å (and reads "aa" as "å"), so it stems the word as written, before folding. */
function termOf(word: string, key: string): Term {
  const spelling = word.replace(/aa/g, 'å');
  const stem = danishStem(spelling);
  const verbs = VERB_ENDINGS.flatMap((ending) => {
    const verb = stem.slice(0, -ending.length);
    return stem.endsWith(ending) && verb.length >= MIN_VERB ? [danishStem(`${verb}e`)] : [];
  });
  const forms = [...new Set([spelling, stem, ...verbs])];
  const long = (form: string) => form.length >= MIN_PREFIX;
  return {
    word,
    key,
    stem,
    forms,
    foldedForms: [...new Set(forms.filter(long).map(foldDanish))],
    heads: [...new Set([spelling, stem].filter(long).map(foldDanish))],
  };
}

/**
 * Words repeat across texts far more than texts repeat (every opening's tasks differ, its words do not), and
 * stemming is the dear part: each word's term is worked out once. Null for a word that says nothing.
 */
const WORD_CACHE_SIZE = 20_000;
const wordCache = new Map<string, Term | null>();

function termOfWord(word: string): Term | null {
  let term = wordCache.get(word);
  if (term === undefined) {
    const key = foldDanish(word);
    term = key.length < 3 || STOPWORDS.has(key) ? null : termOf(word, key);
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    wordCache.set(word, term);
  }
  return term;
}

// Ranking for one opening splits the same job text once per candidate; remembering it keeps that cheap.
const TERM_CACHE_SIZE = 2000;
const termCache = new Map<string, readonly Term[]>();

/** The words that say something, each once: a word whose stem came earlier ("pakker" after "pakke") is left out. */
export function termsOf(text: string): readonly Term[] {
  const cached = termCache.get(text);
  if (cached) return cached;
  const terms: Term[] = [];
  const keys = new Set<string>();
  const stems = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const term = termOfWord(word);
    if (term === null || keys.has(term.key)) continue;
    keys.add(term.key);
    if (stems.has(term.stem)) continue;
    stems.add(term.stem);
    terms.push(term);
  }
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(text, terms);
  return terms;
}

/**
 * One word in two forms ("pakker" and "pakning" share the stem of "pakke"), or one starts a compound of the
 * other ("rengøring" in "rengøringsassistent", "opvasker" in "opvaskemaskine").
 */
function termsMatch(a: Term, b: Term): boolean {
  let known = knownMatches.get(a);
  if (known === undefined) {
    known = new WeakMap();
    knownMatches.set(a, known);
  }
  let result = known.get(b);
  if (result === undefined) {
    result = termsMatchAsWritten(a, b);
    known.set(b, result);
  }
  return result;
}

/**
 * Whether two terms match, remembered per pair: a match compares the same few hundred words again and again
 * (each candidate's wishes against the job's words), and a term is one object per word (termOfWord), so the
 * answer lives as long as the two terms do.
 */
const knownMatches = new WeakMap<Term, WeakMap<Term, boolean>>();

function termsMatchAsWritten(a: Term, b: Term): boolean {
  return (
    a.forms.some((form) => b.forms.includes(form)) ||
    a.foldedForms.some((form) => b.foldedForms.includes(form)) ||
    startsCompound(a, b) ||
    startsCompound(b, a)
  );
}

function startsCompound(part: Term, compound: Term): boolean {
  return part.heads.some(
    (head) =>
      compound.key.length - head.length >= MIN_COMPOUND_REST &&
      compound.key.startsWith(head) &&
      !FALSE_COMPOUNDS.some((word) => head.length < word.length && compound.key.startsWith(word)),
  );
}

export function matchingTerms(terms: readonly Term[], against: readonly Term[]): readonly Term[] {
  return terms.filter((term) => against.some((other) => termsMatch(term, other)));
}

/**
 * Share of words in common, 0..1 (overlap coefficient: matches over the shorter text's words), so a short
 * wish like "rengøring" fully matches a long job text about cleaning.
 */
export function wordOverlap(citizenWords: string, openingWords: string): number {
  const citizenTerms = termsOf(citizenWords);
  const openingTerms = termsOf(openingWords);
  const smaller = Math.min(citizenTerms.length, openingTerms.length);
  if (smaller === 0) return 0;
  return Math.min(1, matchingTerms(citizenTerms, openingTerms).length / smaller);
}
