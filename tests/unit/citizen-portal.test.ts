import { describe, expect, it } from 'vitest';
import { explainForCitizen } from '../../app/domain/citizen-explanation';
import { gettingStarted, nextFollowUpDate, ordinaryHoursProgress } from '../../app/domain/citizen-path';
import { citizenWishesSchema } from '../../app/domain/citizen-wishes';
import { passwordProblem } from '../../app/domain/password-rules';
import { ACCOMMODATION_ENTRIES } from '../../app/domain/vocabulary';
import { formatCountIn, formatDateIn, formatDateTimeIn, formatHoursIn, formatKmIn, formatMonthIn, listIn } from '../../app/i18n/format';
import { isLanguage, labelIn } from '../../app/i18n/language';
import { languageCookie, languageOf } from '../../app/i18n/language.server';
import { textsFor } from '../../app/i18n/texts';
import { fieldErrorsOf } from '../../app/ui/form';

const KNOWN_POSTCODES = new Set(['8000', '8210']);
const schema = (language: 'da' | 'en' = 'da') => citizenWishesSchema({ language, postcodeExists: (code) => KNOWN_POSTCODES.has(code) });

const validForm = {
  wishes: 'Rengøring om formiddagen',
  hoursMin: '5',
  hoursMax: '7,5',
  postcode: '8000',
  transportMode: 'bike',
  reachKm: '10',
  neededAccommodations: ['extra_breaks'],
};

/** The first message per field, as the form shows it. */
function errorsOf(result: ReturnType<ReturnType<typeof schema>['safeParse']>): Record<string, string> {
  return result.success ? {} : fieldErrorsOf(result.error) as Record<string, string>;
}

describe('the citizen\'s own wishes', () => {
  it('accepts a Danish decimal comma and keeps the codes chosen', () => {
    const parsed = schema().parse(validForm);
    expect(parsed).toMatchObject({ hoursMin: 5, hoursMax: 7.5, reachKm: 10, neededAccommodations: ['extra_breaks'], wishes: 'Rengøring om formiddagen' });
  });

  it('refuses HTML in the wishes with a Danish message', () => {
    const errors = errorsOf(schema().safeParse({ ...validForm, wishes: 'Køkken <script>alert(1)</script>' }));
    expect(errors.wishes).toBe('Teksten må ikke indeholde HTML-koder. Fjern tegnene < og >.');
  });

  it('says the same in English when the citizen reads English', () => {
    const errors = errorsOf(schema('en').safeParse({ ...validForm, wishes: '<b>kitchen</b>' }));
    expect(errors.wishes).toBe('The text must not contain HTML code. Remove the characters < and >.');
  });

  it('allows a lone "<" that is no markup, such as "< 10 kg"', () => {
    expect(schema().safeParse({ ...validForm, wishes: 'Løft < 10 kg' }).success).toBe(true);
  });

  it('puts a reversed range at the highest hours', () => {
    const errors = errorsOf(schema().safeParse({ ...validForm, hoursMin: '20', hoursMax: '10' }));
    expect(errors.hoursMax).toBe('Det højeste antal timer skal være mindst lige så stort som det mindste.');
  });

  it('accepts 0 and 37 hours and refuses 37,5', () => {
    expect(schema().safeParse({ ...validForm, hoursMin: '0', hoursMax: '37' }).success).toBe(true);
    expect(errorsOf(schema().safeParse({ ...validForm, hoursMax: '37,5' })).hoursMax).toBe('Du kan højst skrive 37 timer om ugen.');
  });

  it('refuses 0 as the most hours, in the citizen\'s language', () => {
    expect(errorsOf(schema().safeParse({ ...validForm, hoursMin: '0', hoursMax: '0' })).hoursMax).toBe(
      'Skriv mindst en halv time som det højeste antal timer om ugen. Et job har altid nogle timer.',
    );
    expect(errorsOf(schema('en').safeParse({ ...validForm, hoursMin: '0', hoursMax: '0' })).hoursMax).toBe(
      'Write at least half an hour as the most hours a week. A job always has some hours.',
    );
  });

  it('asks for a number when the hours are words', () => {
    expect(errorsOf(schema().safeParse({ ...validForm, hoursMin: 'fem' })).hoursMin).toBe('Skriv timerne som et tal, fx 5 eller 7,5.');
  });

  it('refuses a postcode that does not exist and one that is not four digits', () => {
    expect(errorsOf(schema().safeParse({ ...validForm, postcode: '0001' })).postcode).toBe('Postnummeret findes ikke. Tjek, at det er skrevet rigtigt.');
    expect(errorsOf(schema().safeParse({ ...validForm, postcode: '80000' })).postcode).toBe('Skriv et postnummer med 4 cifre, fx 8000.');
  });

  it('keeps the reach between 1 and 100 km', () => {
    expect(schema().safeParse({ ...validForm, reachKm: '1' }).success).toBe(true);
    expect(schema().safeParse({ ...validForm, reachKm: '100' }).success).toBe(true);
    expect(errorsOf(schema().safeParse({ ...validForm, reachKm: '0,5' })).reachKm).toBe('Afstanden skal være mindst 1 km.');
    expect(errorsOf(schema().safeParse({ ...validForm, reachKm: '101' })).reachKm).toBe('Afstanden må højst være 100 km.');
  });

  it('refuses an accommodation that is not in the vocabulary', () => {
    expect(errorsOf(schema().safeParse({ ...validForm, neededAccommodations: ['massage'] }))['neededAccommodations']).toBe('Vælg fra listen.');
  });

  it('has no field for health notes or restrictions, so a forged form cannot set them', () => {
    const parsed = schema().parse({ ...validForm, healthNotes: 'x', restrictions: ['heavy_lifting'] });
    expect(parsed).not.toHaveProperty('healthNotes');
    expect(parsed).not.toHaveProperty('restrictions');
  });
});

describe('the citizen\'s own competences', () => {
  it('one per line, trimmed, empty lines dropped; none is an empty list', () => {
    expect(schema().parse({ ...validForm, competences: '  Opvask \r\n\n Truckcertifikat\n' }).competences).toEqual(['Opvask', 'Truckcertifikat']);
    expect(schema().parse(validForm).competences).toEqual([]);
  });

  it('says which line is too long or holds markup, in the reader\'s language', () => {
    expect(errorsOf(schema().safeParse({ ...validForm, competences: `Opvask\n${'x'.repeat(201)}` }))['competences']).toBe('Linje 2 er for lang. Skriv højst 200 tegn på hver linje.');
    expect(schema().safeParse({ ...validForm, competences: `Opvask\n${'x'.repeat(200)}` }).success).toBe(true);
    expect(errorsOf(schema('en').safeParse({ ...validForm, competences: '<b>Opvask</b>' }))['competences']).toBe('Line 1 contains HTML code or invisible control characters. Type it again as plain text.');
    expect(errorsOf(schema().safeParse({ ...validForm, competences: 'Op\u202Evask' }))['competences']).toMatch(/^Linje 1 indeholder/);
  });

  it('takes at most 30, as the consultant\'s form', () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `Ting ${index + 1}`).join('\n');
    expect(schema().safeParse({ ...validForm, competences: lines(30) }).success).toBe(true);
    expect(errorsOf(schema().safeParse({ ...validForm, competences: lines(31) })).competences).toBe('Skriv højst 30 ting, du kan. Saml nogle af dem på én linje.');
  });

  it('has no field for restrictions or health notes: sent anyway, they are not in what is saved', () => {
    const parsed = schema().parse({ ...validForm, restrictions: ['noise'], healthNotes: 'x' });
    expect(parsed).not.toHaveProperty('restrictions');
    expect(parsed).not.toHaveProperty('healthNotes');
  });
});

describe('Kom i gang', () => {
  const newCitizen = { wishes: '', competences: [], proposals: 0, hasAgreement: false };

  it('shows both steps to a new citizen, neither done', () => {
    expect(gettingStarted(newCitizen)).toEqual([
      { step: 'wishes', done: false },
      { step: 'jobs', done: false },
    ]);
  });

  it('wishes written by the consultant without any competence are not yet the citizen\'s step done', () => {
    expect(gettingStarted({ ...newCitizen, wishes: 'Lager' })?.[0]).toEqual({ step: 'wishes', done: false });
    expect(gettingStarted({ ...newCitizen, wishes: '  ', competences: ['Opvask'] })?.[0]).toEqual({ step: 'wishes', done: false });
    expect(gettingStarted({ ...newCitizen, wishes: 'Lager', competences: ['Opvask'] })?.[0]).toEqual({ step: 'wishes', done: true });
  });

  it('goes away once both steps are taken, or when there is an agreement', () => {
    expect(gettingStarted({ ...newCitizen, wishes: 'Lager', competences: ['Opvask'], proposals: 1 })).toBeNull();
    expect(gettingStarted({ ...newCitizen, hasAgreement: true })).toBeNull();
    expect(gettingStarted({ ...newCitizen, proposals: 1 })).toEqual([
      { step: 'wishes', done: false },
      { step: 'jobs', done: true },
    ]);
  });
});

describe('a chosen password', () => {
  it('needs at least 12 characters', () => {
    expect(passwordProblem('grøn-kaffe!')).toBe('tooShort');
    expect(passwordProblem('grøn-kaffe-2')).toBeNull();
  });

  it('may not be one of the common ones or one character repeated', () => {
    expect(passwordProblem('Adgangskode123')).toBe('common');
    expect(passwordProblem('zzzzzzzzzzzz')).toBe('common');
  });

  it('must be there and at most 200 characters', () => {
    expect(passwordProblem('')).toBe('missing');
    expect(passwordProblem(null)).toBe('missing');
    expect(passwordProblem('a-'.repeat(101))).toBe('tooLong');
  });

  it('has a message in both languages for every problem', () => {
    for (const problem of ['missing', 'tooShort', 'tooLong', 'common'] as const) {
      expect(textsFor('da').password[problem]).toMatch(/\S/);
      expect(textsFor('en').password[problem]).toMatch(/\S/);
    }
  });
});

describe('why a job suits the citizen, said to them', () => {
  const citizen = { wishes: 'Rengøring og køkken', hoursMin: 5, hoursMax: 10, reachKm: 10, restrictions: [], neededAccommodations: ['extra_breaks', 'quiet_workspace'] as const };
  const opening = { title: 'Rengøring af kontorer', tasks: ['Støvsugning'], hoursMin: 8, hoursMax: 15, demands: [], accommodations: ['extra_breaks'] as const };

  it('names the wish, the hours, the distance and what the company offers, in "du"-form', () => {
    const { reasons, mind } = explainForCitizen(
      { ...citizen, neededAccommodations: [...citizen.neededAccommodations] },
      { ...opening, accommodations: [...opening.accommodations] },
      { distanceKm: 3.24, language: 'da' },
    );
    expect(reasons).toEqual(['Du ønsker rengøring', '8–10 t/uge passer til dig (jobbet er på 8–15 t/uge)', '3,2 km fra dig', 'Virksomheden tilbyder ekstra pauser']);
    expect(mind).toEqual(['Virksomheden har ikke skrevet, at den tilbyder roligt arbejdssted. Tal med din jobkonsulent om det.']);
  });

  it('says the same in English', () => {
    const { reasons, mind } = explainForCitizen(
      { ...citizen, neededAccommodations: [...citizen.neededAccommodations] },
      { ...opening, accommodations: [...opening.accommodations] },
      { distanceKm: 3.24, language: 'en' },
    );
    expect(reasons).toEqual(['You wish for rengøring', '8–10 h/week suits you (the job is 8–15 h/week)', '3.2 km from you', 'The company offers extra breaks']);
    expect(mind[0]).toContain('quiet workspace');
  });

  it('says nothing about wishes when none of the words meet the job', () => {
    const { reasons } = explainForCitizen({ ...citizen, wishes: 'Gartner', neededAccommodations: [] }, { ...opening, accommodations: [] }, { distanceKm: 1, language: 'da' });
    expect(reasons.some((reason) => reason.startsWith('Du ønsker'))).toBe(false);
  });

  it('tells the citizen, to them and in their language, when their hours, their reach or a demand no longer fit the job', () => {
    const changed = { ...citizen, hoursMin: 25, hoursMax: 30, reachKm: 3, restrictions: ['heavy_lifting' as const], neededAccommodations: [] };
    const job = { ...opening, demands: ['heavy_lifting' as const], accommodations: [] };
    const danish = explainForCitizen(changed, job, { distanceKm: 3.24, language: 'da' });
    expect(danish.reasons).toEqual(['Du ønsker rengøring']);
    expect(danish.mind).toEqual([
      'Jobbet er på 8–15 t/uge, og du kan arbejde 25–30 t/uge. Tal med din jobkonsulent om det.',
      'Jobbet ligger 3,2 km fra dig, og du kan højst komme 3 km. Tal med din jobkonsulent om det.',
      'Jobbet indebærer tunge løft, som du skal undgå. Tal med din jobkonsulent om det.',
    ]);
    expect(JSON.stringify(danish)).not.toMatch(/borgeren|Mangler/);
    const english = explainForCitizen(changed, job, { distanceKm: 3.24, language: 'en' });
    expect(english.mind[0]).toBe('The job is 8–15 h/week, and you can work 25–30 h/week. Talk to your job consultant about it.');
    expect(english.mind[2]).toBe('The job involves heavy lifting, which you should avoid. Talk to your job consultant about it.');
  });

  it('counts a job at exactly the citizen\'s reach as within it', () => {
    const { reasons, mind } = explainForCitizen({ ...citizen, reachKm: 3.2, neededAccommodations: [] }, { ...opening, accommodations: [] }, { distanceKm: 3.24, language: 'da' });
    expect(reasons).toContain('3,2 km fra dig');
    expect(mind).toEqual([]);
  });
});

describe('the citizen\'s path', () => {
  it('the next follow-up is the first planned on or after today', () => {
    expect(nextFollowUpDate(['2027-01-10', '2027-03-01', '2027-02-01'], '2027-02-01')).toBe('2027-02-01');
    expect(nextFollowUpDate(['2027-01-10', '2027-03-01', '2027-02-01'], '2027-02-02')).toBe('2027-03-01');
    expect(nextFollowUpDate(['2027-01-10'], '2027-02-02')).toBeNull();
  });

  it('counts a month as reaching the goal at 30 ordinary hours, not at 29.5', () => {
    const rows = ordinaryHoursProgress([
      { month: '2027-02-01', ordinaryHours: 30 },
      { month: '2027-01-01', ordinaryHours: 29.5 },
      { month: '2027-03-01', ordinaryHours: 45 },
    ]);
    expect(rows.map((row) => [row.month, row.goalReached, row.percentOfGoal])).toEqual([
      ['2027-01-01', false, 98],
      ['2027-02-01', true, 100],
      ['2027-03-01', true, 100],
    ]);
  });
});

describe('the citizen\'s languages', () => {
  it('formats dates, hours and distances in Danish and English', () => {
    expect(formatDateIn('2027-03-01', 'da')).toBe('1. marts 2027');
    expect(formatDateIn('2027-03-01', 'en')).toBe('1 March 2027');
    expect(formatMonthIn('2027-03-01', 'da')).toBe('marts 2027');
    expect(formatMonthIn('2027-03-01', 'en')).toBe('March 2027');
    expect(formatHoursIn({ min: 7.5, max: 10 }, 'da')).toBe('7,5–10 t/uge');
    expect(formatHoursIn({ min: 7.5, max: 10 }, 'en')).toBe('7.5–10 h/week');
    expect(formatKmIn(3.25, 'en')).toBe('3.3 km');
    expect(formatDateTimeIn(new Date('2027-03-01T13:05:00Z'), 'da')).toBe('1. marts 2027 kl. 14.05');
    expect(formatDateTimeIn(new Date('2027-03-01T13:05:00Z'), 'en')).toBe('1 March 2027 at 14:05');
  });

  it('formats counts with the language\'s thousands separator', () => {
    expect(formatCountIn(5000, 'da')).toBe('5.000');
    expect(formatCountIn(5000, 'en')).toBe('5,000');
    expect(formatCountIn(7, 'en')).toBe('7');
  });

  it('lists items with "og" or "and" before the last', () => {
    expect(listIn([], 'da')).toBe('');
    expect(listIn(['mandag'], 'da')).toBe('mandag');
    expect(listIn(['mandag', 'onsdag'], 'da')).toBe('mandag og onsdag');
    expect(listIn(['Monday', 'Wednesday', 'Friday'], 'en')).toBe('Monday, Wednesday and Friday');
  });

  it('reads vocabulary labels in either language', () => {
    expect(labelIn(ACCOMMODATION_ENTRIES, 'extra_breaks', 'da')).toBe('Ekstra pauser');
    expect(labelIn(ACCOMMODATION_ENTRIES, 'extra_breaks', 'en')).toBe('Extra breaks');
  });

  it('knows only Danish and English', () => {
    expect(isLanguage('da')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it('has the same texts in both languages, none of them empty except where Danish uses the parser\'s own', () => {
    const keysOf = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    expect(keysOf(textsFor('en')).sort()).toEqual(keysOf(textsFor('da')).sort());
    const english = textsFor('en');
    expect(english.jobs.filterErrors.q).toMatch(/\S/);
    expect(english.nav.jobs).toBe('Jobs for me');
  });
});

describe('the remembered language', () => {
  const withCookie = (cookie?: string) => new Request('http://localhost/borger', { headers: cookie ? { Cookie: cookie } : {} });

  it('is Danish until the citizen chooses English', () => {
    expect(languageOf(withCookie())).toBe('da');
    expect(languageOf(withCookie('jobbro_session=abc; jobbro_lang=en'))).toBe('en');
    expect(languageOf(withCookie('jobbro_lang=da'))).toBe('da');
  });

  it('ignores a language it does not have', () => {
    expect(languageOf(withCookie('jobbro_lang=de'))).toBe('da');
    expect(languageOf(withCookie('jobbro_lang=<script>'))).toBe('da');
  });

  it('is kept for a year on the whole site', () => {
    const cookie = languageCookie('en');
    expect(cookie).toMatch(/^jobbro_lang=en; /);
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain(`Max-Age=${365 * 24 * 60 * 60}`);
  });
});
