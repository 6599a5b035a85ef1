import { describe, expect, it } from 'vitest';
import {
  citizenFieldErrors,
  citizenProfileSchema,
  DANISH_LINE_MESSAGE,
  languageLine,
  MAX_COMPETENCES,
  otherLanguages,
  parseLanguageLine,
} from '../../app/domain/citizen-rules';
import { newCitizenFormValues } from '../../app/ui/citizen-form';
import { HTML_MESSAGE } from '../../app/domain/text-rules';

const TODAY = '2027-01-10';
const CONSULTANT = '0b8f3a52-8f1c-4d2e-9c57-3f8c2e7a1b10';
const EMPLOYER = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const PARTNER_COMPANY = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

const schema = citizenProfileSchema({ today: TODAY, postcodeExists: (code) => ['8000', '8200', '8210'].includes(code) });

const validForm = {
  name: '  Jonas Kristensen ',
  email: '',
  phone: '',
  postcode: '8210',
  transportMode: 'bike',
  reachKm: '7,5',
  benefitStatus: 'cash_benefit_activity_ready',
  flexjobVisitationUntil: '',
  hoursMin: '5',
  hoursMax: '12',
  wishes: 'Rengøring eller køkken, helst om formiddagen.',
  competences: 'Gør rent derhjemme\n\nMadlavning\n',
  languages: 'engelsk: godt\nArabisk: modersmål',
  danishLevel: 'fluent',
  restrictions: ['night_work'],
  neededAccommodations: 'gradual_start',
  healthNotes: 'Angst i perioder.',
  consentToShare: 'on',
  phase: 'towards_job',
  nextAction: 'Samtale om ønsker',
  nextActionDate: '2027-01-20',
  excludedEmployerId: '',
  excludedPartnerCompanyId: '',
  consultantId: CONSULTANT,
};

function errorsOf(form: Record<string, unknown>, parse = schema) {
  const result = parse.safeParse(form);
  return result.success ? {} : citizenFieldErrors(result.error);
}

describe('citizenProfileSchema', () => {
  it('accepts a valid form and shapes it for the service', () => {
    const citizen = schema.parse(validForm);
    expect(citizen).toMatchObject({
      name: 'Jonas Kristensen',
      email: null,
      phone: null,
      reachKm: 7.5,
      hoursMin: 5,
      hoursMax: 12,
      competences: ['Gør rent derhjemme', 'Madlavning'],
      languages: [
        { language: 'Engelsk', level: 'good' },
        { language: 'Arabisk', level: 'native' },
      ],
      drivingLicence: false,
      consentToShare: true,
      restrictions: ['night_work'],
      neededAccommodations: ['gradual_start'],
      flexjobVisitationUntil: null,
      nextActionDate: '2027-01-20',
      excludedCompanies: [],
    });
  });

  it('accepts the hours at the edges: 0 and 37, and a range of one value', () => {
    expect(schema.safeParse({ ...validForm, hoursMin: '0', hoursMax: '37' }).success).toBe(true);
    expect(schema.safeParse({ ...validForm, hoursMin: '7,5', hoursMax: '7,5' }).success).toBe(true);
  });

  it('refuses hours outside 0–37 with a Danish message at the field', () => {
    expect(errorsOf({ ...validForm, hoursMin: '-1' }).hoursMin).toBe('Timetallet kan ikke være negativt.');
    expect(errorsOf({ ...validForm, hoursMax: '37,5' }).hoursMax).toBe('Højst 37 timer om ugen.');
    expect(errorsOf({ ...validForm, hoursMax: 'mange' }).hoursMax).toMatch(/skal være et tal/);
    expect(errorsOf({ ...validForm, hoursMin: '' }).hoursMin).toBe('Skriv det mindste antal timer.');
  });

  it('refuses a minimum above the maximum, at the maximum', () => {
    expect(errorsOf({ ...validForm, hoursMin: '20', hoursMax: '10' })).toEqual({
      hoursMax: 'Det største antal timer skal være mindst lige så stort som det mindste.',
    });
  });

  it('refuses 0 as the most hours: no job has 0 hours', () => {
    expect(errorsOf({ ...validForm, hoursMin: '0', hoursMax: '0' })).toEqual({
      hoursMax: 'Skriv mindst en halv time som det største antal timer om ugen: ingen job har 0 timer.',
    });
    expect(schema.safeParse({ ...validForm, hoursMin: '0', hoursMax: '0,5' }).success).toBe(true);
  });

  it('refuses a reach outside 1–100 km', () => {
    expect(errorsOf({ ...validForm, reachKm: '0,5' }).reachKm).toBe('Afstanden skal være mindst 1 km.');
    expect(errorsOf({ ...validForm, reachKm: '101' }).reachKm).toBe('Afstanden må højst være 100 km.');
    expect(schema.safeParse({ ...validForm, reachKm: '1' }).success).toBe(true);
    expect(schema.safeParse({ ...validForm, reachKm: '100' }).success).toBe(true);
  });

  it('refuses unknown codes from the vocabulary', () => {
    const errors = errorsOf({
      ...validForm,
      transportMode: 'rocket',
      benefitStatus: 'lottery',
      phase: 'done',
      restrictions: ['night_work', 'dragons'],
      neededAccommodations: ['hammock'],
      danishLevel: 'perfect',
    });
    expect(errors).toEqual({
      transportMode: 'Vælg, hvordan borgeren kommer på arbejde.',
      benefitStatus: 'Vælg borgerens forsørgelse.',
      phase: 'Vælg, hvor borgeren er i forløbet.',
      restrictions: 'Ukendt krav. Vælg fra listen.',
      neededAccommodations: 'Ukendt hensyn. Vælg fra listen.',
      danishLevel: 'Vælg, hvor godt borgeren taler dansk.',
    });
  });

  it('refuses HTML in every free-text field', () => {
    for (const field of ['name', 'wishes', 'healthNotes', 'nextAction']) {
      expect(errorsOf({ ...validForm, [field]: 'Hej <script>alert(1)</script>' })[field]).toBe(HTML_MESSAGE);
    }
    expect(errorsOf({ ...validForm, competences: 'Rengøring\n<b>Fed</b>' }).competences).toBe(`Linje 2: ${HTML_MESSAGE}`);
  });

  it('limits the length of the texts', () => {
    expect(errorsOf({ ...validForm, wishes: 'a'.repeat(1001) }).wishes).toBe('Ønskerne må højst være 1.000 tegn.');
    expect(schema.safeParse({ ...validForm, wishes: 'a'.repeat(1000) }).success).toBe(true);
    expect(errorsOf({ ...validForm, healthNotes: 'a'.repeat(2001) }).healthNotes).toBe('Helbredsnoterne må højst være 2.000 tegn.');
    expect(errorsOf({ ...validForm, nextAction: 'a'.repeat(201) }).nextAction).toBe('Næste handling må højst være 200 tegn.');
  });

  it(`allows at most ${MAX_COMPETENCES} competences, one per line`, () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Kompetence ${i + 1}`).join('\n');
    expect(schema.safeParse({ ...validForm, competences: lines(MAX_COMPETENCES) }).success).toBe(true);
    expect(errorsOf({ ...validForm, competences: lines(MAX_COMPETENCES + 1) }).competences).toBe('Skriv højst 30 kompetencer.');
  });

  it('reads languages as "sprog: niveau" and says how when a line is wrong', () => {
    expect(errorsOf({ ...validForm, languages: 'Engelsk: godt\nFransk' }).languages).toMatch(/^Linje 2: Skriv sproget og niveauet/);
    expect(errorsOf({ ...validForm, languages: 'Tysk: super' }).languages).toMatch(/^Linje 1: /);
  });

  it('needs a name, a known postcode and a consultant', () => {
    const errors = errorsOf({ ...validForm, name: ' ', postcode: '9999', consultantId: 'mette' });
    expect(errors).toEqual({
      name: 'Skriv borgerens navn.',
      postcode: 'Postnummeret findes ikke. Tjek, at det er skrevet rigtigt.',
      consultantId: 'Vælg den ansvarlige konsulent fra listen.',
    });
    expect(errorsOf({ ...validForm, postcode: '82' }).postcode).toBe('Skriv et postnummer med 4 cifre.');
  });

  it('checks e-mail and phone only when given', () => {
    expect(errorsOf({ ...validForm, email: 'ikke-en-mail' }).email).toBe('Skriv en gyldig e-mailadresse, fx navn@firma.dk.');
    expect(errorsOf({ ...validForm, phone: '12' }).phone).toMatch(/telefonnummer/);
    expect(schema.parse({ ...validForm, email: ' Jonas@Mail.DK ', phone: '20 30 40 50' })).toMatchObject({ email: 'jonas@mail.dk', phone: '20 30 40 50' });
  });

  describe('the fleksjob visitation', () => {
    const flexjob = { ...validForm, benefitStatus: 'flexjob_unemployment' };

    it('is required on ledighedsydelse', () => {
      expect(errorsOf(flexjob).flexjobVisitationUntil).toMatch(/^Skriv, hvornår fleksjobvisitationen udløber/);
    });

    it('may end today but not before, unless the saved date is kept', () => {
      expect(schema.safeParse({ ...flexjob, flexjobVisitationUntil: TODAY }).success).toBe(true);
      expect(errorsOf({ ...flexjob, flexjobVisitationUntil: '2027-01-09' }).flexjobVisitationUntil).toMatch(/visitationen er udløbet/);
      const editing = citizenProfileSchema({ today: TODAY, postcodeExists: () => true, savedFlexjobVisitationUntil: '2027-01-09' });
      expect(editing.safeParse({ ...flexjob, flexjobVisitationUntil: '2027-01-09' }).success).toBe(true);
      expect(errorsOf({ ...flexjob, flexjobVisitationUntil: '2027-01-08' }, editing).flexjobVisitationUntil).toMatch(/udløbet/);
    });

    it('must be a real date', () => {
      expect(errorsOf({ ...flexjob, flexjobVisitationUntil: '2027-02-30' }).flexjobVisitationUntil).toBe('Skriv en rigtig dato, fx 2027-03-01.');
      expect(errorsOf({ ...validForm, flexjobVisitationUntil: 'snart' }).flexjobVisitationUntil).toBe('Skriv en rigtig dato, fx 2027-03-01.');
      expect(errorsOf({ ...validForm, nextActionDate: '2027-13-01' }).nextActionDate).toMatch(/^Skriv en rigtig dato/);
    });

    it('is optional, and kept when given, for other benefit statuses', () => {
      expect(schema.parse({ ...validForm, flexjobVisitationUntil: '2026-05-01' }).flexjobVisitationUntil).toBe('2026-05-01');
    });
  });

  describe('companies where the citizen may not have a skånejob', () => {
    it('keeps the reason of each', () => {
      const citizen = schema.parse({ ...validForm, excludedEmployerId: EMPLOYER, excludedPartnerCompanyId: PARTNER_COMPANY });
      expect(citizen.excludedCompanies).toEqual([
        { companyId: EMPLOYER, reason: 'most_recent_employer' },
        { companyId: PARTNER_COMPANY, reason: 'owned_by_partner' },
      ]);
    });

    it('records a former employer owned by the partner once', () => {
      const citizen = schema.parse({ ...validForm, excludedEmployerId: EMPLOYER, excludedPartnerCompanyId: EMPLOYER });
      expect(citizen.excludedCompanies).toEqual([{ companyId: EMPLOYER, reason: 'most_recent_employer' }]);
    });

    it('refuses what is not a company id', () => {
      expect(errorsOf({ ...validForm, excludedPartnerCompanyId: "1' or 1=1" }).excludedPartnerCompanyId).toBe('Ukendt virksomhed. Vælg fra listen.');
    });
  });
});

describe('language lines', () => {
  it('round-trip between the form and the stored skill', () => {
    expect(parseLanguageLine('  tyrkisk :  Flydende ')).toEqual({ language: 'Tyrkisk', level: 'fluent' });
    expect(languageLine({ language: 'Tyrkisk', level: 'fluent' })).toBe('Tyrkisk: flydende');
    expect(parseLanguageLine(languageLine({ language: 'Dansk', level: 'basic' }))).toEqual({ language: 'Dansk', level: 'basic' });
    expect(parseLanguageLine('Engelsk')).toBeNull();
    expect(parseLanguageLine(': godt')).toBeNull();
  });
});

describe('Danish is said once: in the Danish level, chosen by the consultant', () => {
  it('refuses a "Dansk" line among the other languages, and says where Danish goes', () => {
    expect(errorsOf({ ...validForm, languages: 'Engelsk: godt\nDansk: flydende' }).languages).toBe(`Linje 2: ${DANISH_LINE_MESSAGE}`);
    expect(errorsOf({ ...validForm, languages: 'danish: good' }).languages).toMatch(/^Linje 1: /);
  });

  it('saves no Danish level that was not chosen (not "Godt" by default)', () => {
    expect(newCitizenFormValues('consultant-1')).not.toHaveProperty('danishLevel');
    expect(errorsOf({ ...validForm, danishLevel: '' }).danishLevel).toBe('Vælg, hvor godt borgeren taler dansk.');
  });

  it('shows a saved profile\'s languages without Danish, which has its own field', () => {
    expect(otherLanguages([{ language: 'Dansk', level: 'native' }, { language: 'Engelsk', level: 'good' }])).toEqual([{ language: 'Engelsk', level: 'good' }]);
  });
});
