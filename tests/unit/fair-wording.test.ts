import { describe, expect, it } from 'vitest';
import { findDiscriminatoryWording, wordingMessage, type DiscriminationGround } from '../../app/domain/fair-wording';

const grounds = (text: string) => [...new Set(findDiscriminatoryWording(text).map((hit) => hit.ground))];
const words = (text: string) => findDiscriminatoryWording(text).map((hit) => hit.text);

/** What an employer might write about the person wanted, and the ground each one touches. */
const REFUSED: [string, DiscriminationGround[]][] = [
  // Age: maximums in digits and in words, comparatives, bands.
  ['Kun ansøgere under 30 år og etnisk danske', ['age', 'ethnicity']],
  ['Vi søger en medarbejder under 30 år til lageret.', ['age']],
  ['Du skal være under tredive år', ['age']],
  ['Du er under femogtyve år', ['age']],
  ['Du er yngre end 30', ['age']],
  ['Du må højst være 40 år gammel', ['age']],
  ['Du må ikke være over 50', ['age']],
  ['Ikke over 50.', ['age']],
  ['Ikke ældre end 45 år', ['age']],
  ['Maks. 40 år', ['age']],
  ['Du er mellem 20 og 35 år', ['age']],
  ['Du er 20-35 år gammel', ['age']],
  ['I alderen 18-25', ['age']],
  ['Alder: 25-40', ['age']],
  ['Aldersgrænse på 30 år', ['age']],
  ['Du skal være mindst 25 år', ['age']],
  ['Ansøgere skal være fyldt 25', ['age']],
  ['Du er i 20\'erne', ['age']],
  ['Vi søger en 25-årig', ['age']],
  ['Du er født efter 1995', ['age']],
  ['Vi søger en ung medarbejder', ['age']],
  ['Du er ung og energisk', ['age']],
  ['Pensionister frabedes', ['age']],
  // Gender, pregnancy.
  ['Rengøringsdame søges', ['gender']],
  ['Frisk køkkenpige', ['gender']],
  ['Kun kvinder kan søge', ['gender']],
  ['Vi søger en mandlig lagermedarbejder', ['gender']],
  ['Mænd foretrækkes', ['gender']],
  ['Vi søger en kvinde til kassen', ['gender']],
  ['Lagerfyr til travl butik', ['gender']],
  ['Erfaren servitrice', ['gender']],
  ['Du må ikke være gravid', ['gender']],
  ['Ingen planer om at få børn de næste år', ['gender']],
  // Ethnicity and origin.
  ['Du skal være etnisk dansk', ['ethnicity']],
  ['Ansøgere af dansk oprindelse', ['ethnicity']],
  ['Du er født i Danmark', ['ethnicity']],
  ['Dansk som modersmål', ['ethnicity']],
  ['Kun danskere', ['ethnicity']],
  ['Ingen udlændinge', ['ethnicity']],
  ['Hvide ansøgere foretrækkes', ['ethnicity']],
  ['Nordisk udseende', ['ethnicity']],
  // Religion and dress.
  ['Ingen tørklæder', ['religion']],
  ['Hovedtørklæde er ikke tilladt', ['religion']],
  ['Du må ikke bære hijab', ['religion']],
  ['Vi ønsker ikke muslimer', ['religion']],
  ['Du skal være kristen', ['religion']],
  ['Ingen religiøse symboler', ['religion']],
  // Handicap and health.
  ['Du er rask og sund', ['disability']],
  ['Du skal være sund og rask', ['disability']],
  ['Ingen handicappede', ['disability']],
  ['Du har ingen kroniske sygdomme', ['disability']],
  ['Du er fuldt arbejdsdygtig', ['disability']],
  ['Du har et godt helbred', ['disability']],
  ['Ingen psykiske lidelser', ['disability']],
  // Orientation and politics.
  ['Du må gerne være heteroseksuel', ['orientation']],
  ['Ingen bøsser', ['orientation']],
  ['Du skal være partimedlem', ['politics']],
  ['Du deler vores politiske holdning og er medlem af et politisk parti', ['politics']],
  ['Kommunister frabedes', ['politics']],
];

/** About the work, the hours, the people served or the workplace: nothing to refuse. */
const PASSED: string[] = [
  '5 års erfaring med lager',
  'Du har mindst 2 års erfaring',
  '30 timer om ugen',
  'Opvask og rengøring i 8-10 timer om ugen',
  'Du er rask til at gå i gang',
  'Du skal være mindst 18 år, fordi du skal sælge alkohol',
  'Du skal være fyldt 18 år (natarbejde)',
  'Du må ikke være under 18',
  'Over 18 år på grund af salg af øl',
  'Vi har eksisteret i over 30 år',
  'Firmaet er over 30 år gammelt',
  'Kontrakt på 1-2 år',
  'Du passer børn under 3 år',
  'Hjælp ældre borgere med indkøb',
  'Vi hjælper unge mennesker i gang',
  'Løft under 20 kg',
  'Op til 30 timer',
  'Vi er over 20 ansatte',
  'Du taler og forstår dansk',
  'Du kan forstå en mundtlig instruktion på dansk',
  'Dansk på modersmålsniveau er en fordel',
  'Vi er 40 mand på lageret, og vores formand viser dig rundt.',
  'Tillidsmanden er med til introduktionen',
  'Service af oliefyr og gasfyr',
  'Du skal fyre op i pizzaovnen',
  'Arbejdet passer til dig med skånehensyn. Du får 30 minutters pause.',
  'Alle opfordres til at søge uanset alder, køn, religion, etnisk baggrund, handicap og seksuel orientering.',
  'Vi tager hensyn til religiøse højtider',
  'Vi er en kristen friskole',
  'Du kan løfte 25 kg og stå op i lange perioder',
  'Kørekort kategori B er et krav',
  'Han/hun skal kunne arbejde selvstændigt',
  'Vi søger en mand eller kvinde til kassen',
  'Vi fejrer vores 25-årige jubilæum',
  'Klik på ikonerne i kassesystemet',
  'Vi ønsker etnisk mangfoldighed',
  'Gerne erfaring med at arbejde med kunder',
];

describe('findDiscriminatoryWording: the table', () => {
  it('holds at least 60 phrases of both kinds', () => {
    expect(REFUSED.length + PASSED.length).toBeGreaterThanOrEqual(60);
  });

  it.each(REFUSED)('refuses %j (%j)', (text, expected) => {
    expect(grounds(text)).toEqual(expected);
  });

  it.each(PASSED)('passes %j', (text) => {
    expect(findDiscriminatoryWording(text)).toEqual([]);
  });
});

describe('findDiscriminatoryWording', () => {
  it('reports positions that mark exactly the words', () => {
    const text = 'Lagerfyr under 25 år søges';
    const hits = findDiscriminatoryWording(text);
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['Lagerfyr', 'under 25 år']);
    expect(words('Kun ansøgere under 30 år og etnisk danske')).toEqual(['under 30 år', 'etnisk danske']);
  });

  it('checks a name field only for phrases, since a single word may be a name', () => {
    expect(findDiscriminatoryWording('Kristen Bøgemand', { properName: true })).toEqual([]);
    expect(findDiscriminatoryWording('Kristen Bøgemand')).not.toEqual([]);
    expect(findDiscriminatoryWording('Per, kun ansøgere under 30 år', { properName: true }).map((hit) => hit.ground)).toEqual(['age']);
  });
});

describe('wordingMessage', () => {
  it('names the words and every ground in Danish', () => {
    const message = wordingMessage(findDiscriminatoryWording('Kun ansøgere under 30 år og etnisk danske'));
    expect(message).toMatch(/^"under 30 år", "etnisk danske" kan være forskelsbehandling på grund af alder og etnisk eller national oprindelse \(forskelsbehandlingsloven\)\. Skriv opgaverne/);
    expect(message).toContain('forskelsbehandlingsloven');
    expect(wordingMessage(findDiscriminatoryWording('Rengøringsdame søges'))).toMatch(/på grund af køn \(ligebehandlingsloven\)/);
    expect(wordingMessage([])).toBeNull();
  });
});
