import { describe, expect, it } from 'vitest';
import {
  placesText,
  nextOpeningStatus,
  OPENING_ACTION_DONE,
  OPENING_ACTIONS,
  openingActionOf,
  openingInputSchema,
  OPENING_TEXT_FIELDS,
  shelteredJobRatioWarning,
  statusAfterSlotChange,
} from '../../app/domain/opening-rules';

const schema = openingInputSchema({ today: '2027-01-10', postcodeExists: (code) => ['8000', '8200', '8210'].includes(code) });

const validForm = {
  kind: 'ordinary_hours',
  title: 'Opvask i kantinen',
  description: 'Du tager opvasken efter frokost og holder køkkenet ryddeligt.',
  tasks: 'Opvask\nOprydning i køkkenet\n',
  hoursMin: '5',
  hoursMax: '10',
  flexjobExpectedHours: '',
  days: ['mon', 'wed'],
  parts: 'morning',
  startDate: '2027-02-01',
  slots: '2',
  postcode: '8200',
  demands: ['prolonged_standing'],
  accommodations: ['extra_breaks', 'fixed_tasks'],
  languageNeeds: '',
  contactName: 'Hanne Kristensen',
  contactRole: 'Køkkenleder',
  contactPhone: '86 12 34 56',
  contactEmail: 'Hanne@Kantine.dk',
};

function errorsOf(form: Record<string, unknown>) {
  const result = schema.safeParse(form);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('openingInputSchema', () => {
  it('answers an API body that leaves fields out in Danish, as the form does, never with zod\'s English', () => {
    const errors = errorsOf({ kind: 'ordinary_hours', title: 'Opvask i kantinen', postcode: 8200 });
    expect(errors).toMatchObject({
      hoursMin: 'Skriv det mindste antal timer.',
      hoursMax: 'Skriv det største antal timer.',
      postcode: 'Skriv et postnummer med 4 cifre.',
      contactPhone: 'Skriv et telefonnummer med 8 cifre, fx 86 12 34 56.',
      contactEmail: 'Skriv en gyldig e-mailadresse, fx navn@firma.dk.',
    });
    expect(Object.values(errors).filter((message) => /invalid|expected/i.test(String(message)))).toEqual([]);
  });

  it('accepts a valid form and shapes it', () => {
    const opening = schema.parse(validForm);
    expect(opening.tasks).toEqual(['Opvask', 'Oprydning i køkkenet']);
    expect(opening.schedule).toEqual({ days: ['mon', 'wed'], parts: ['morning'] });
    expect(opening.hoursMin).toBe(5);
    expect(opening.contactEmail).toBe('hanne@kantine.dk');
    expect(opening.drivingLicenceRequired).toBe(false);
    expect(opening.flexjobExpectedHours).toBeNull();
  });

  it('accepts a Danish decimal comma in hours', () => {
    expect(schema.parse({ ...validForm, hoursMin: '7,5', hoursMax: '12,5' }).hoursMin).toBe(7.5);
  });

  it('refuses min above max and more than 37 hours', () => {
    expect(errorsOf({ ...validForm, hoursMin: '12', hoursMax: '10' }).hoursMax).toMatch(/mindst lige så stort/);
    expect(errorsOf({ ...validForm, hoursMax: '38' }).hoursMax).toBe('Højst 37 timer om ugen.');
    expect(errorsOf({ ...validForm, hoursMax: '37' })).toEqual({});
  });

  it('requires a fleksjob to have expected hours within its range, and lets it start at 1 hour', () => {
    const flexjob = { ...validForm, kind: 'flexjob', hoursMin: '1', hoursMax: '4' };
    expect(errorsOf(flexjob).flexjobExpectedHours).toMatch(/forventes/);
    expect(errorsOf({ ...flexjob, flexjobExpectedHours: '6' }).flexjobExpectedHours).toMatch(/inden for/);
    expect(schema.parse({ ...flexjob, flexjobExpectedHours: '3' }).flexjobExpectedHours).toBe(3);
  });

  it('refuses a start date in the past but accepts today', () => {
    expect(errorsOf({ ...validForm, startDate: '2027-01-09' }).startDate).toMatch(/før i dag/);
    expect(errorsOf({ ...validForm, startDate: '2027-01-10' })).toEqual({});
  });

  it('refuses unknown postcodes, unknown demand codes and an empty task list', () => {
    expect(errorsOf({ ...validForm, postcode: '9999' }).postcode).toMatch(/findes ikke/);
    expect(errorsOf({ ...validForm, demands: ['juggling'] })['demands.0']).toMatch(/Ukendt krav/);
    expect(errorsOf({ ...validForm, tasks: '\n  \n' }).tasks).toMatch(/mindst én opgave/);
  });

  it('refuses 10,000-character fields and HTML', () => {
    expect(errorsOf({ ...validForm, description: 'a'.repeat(10_000) }).description).toMatch(/højst være 4.000 tegn/);
    expect(errorsOf({ ...validForm, title: '<script>alert(1)</script>' }).title).toMatch(/HTML/);
    expect(errorsOf({ ...validForm, tasks: 'Opvask\n<b>fed</b>' })['tasks.1']).toMatch(/HTML/);
  });

  it('refuses a contact person without a usable phone or email', () => {
    const errors = errorsOf({ ...validForm, contactPhone: 'ring', contactEmail: 'hanne' });
    expect(errors.contactPhone).toMatch(/telefonnummer/);
    expect(errors.contactEmail).toMatch(/e-mailadresse/);
  });
});

describe('opening status', () => {
  it('moves only along the allowed transitions', () => {
    expect(nextOpeningStatus('draft', 'publish')).toBe('open');
    expect(nextOpeningStatus('open', 'pause')).toBe('paused');
    expect(nextOpeningStatus('paused', 'reopen')).toBe('open');
    expect(nextOpeningStatus('closed', 'pause')).toBeNull();
    expect(nextOpeningStatus('open', 'publish')).toBeNull();
    expect(nextOpeningStatus('filled', 'close')).toBe('closed');
  });

  it('is filled when every slot is taken and opens again when one is freed', () => {
    expect(statusAfterSlotChange('open', 2, 1)).toBe('open');
    expect(statusAfterSlotChange('open', 2, 2)).toBe('filled');
    expect(statusAfterSlotChange('filled', 2, 1)).toBe('open');
    expect(statusAfterSlotChange('paused', 1, 1)).toBe('paused');
  });
});

describe('shelteredJobRatioWarning', () => {
  it('is quiet while one more stays within about one per five ordinary employees, and warns from the first beyond', () => {
    expect(shelteredJobRatioWarning(5, 0)).toBeNull();
    expect(shelteredJobRatioWarning(9, 0)).toBeNull();
    expect(shelteredJobRatioWarning(10, 1)).toBeNull();
    expect(shelteredJobRatioWarning(10, 2)).not.toBeNull();
    expect(shelteredJobRatioWarning(4, 0)).not.toBeNull();
    expect(shelteredJobRatioWarning(14, 2)).not.toBeNull();
    expect(shelteredJobRatioWarning(15, 2)).toBeNull();
  });

  it('counts every slot about to be created, and nothing when none is', () => {
    expect(shelteredJobRatioWarning(10, 0, 2)).toBeNull();
    expect(shelteredJobRatioWarning(10, 0, 3)).not.toBeNull();
    expect(shelteredJobRatioWarning(0, 5, 0)).toBeNull();
  });

  it('says plainly what the company has, what the rule allows and what it becomes, without "allerede 0"', () => {
    expect(shelteredJobRatioWarning(4, 0)).toBe(
      'Virksomheden har 4 ordinært ansatte og ingen i skånejob eller fleksjob. Tommelfingerreglen er omkring ét skånejob pr. fem ordinært ansatte, så efter den er der ikke plads til et skånejob. Med én til bliver det 1. Vurdér, om der er kolleger nok til at tage godt imod den nye.',
    );
    expect(shelteredJobRatioWarning(10, 2)).toBe(
      'Virksomheden har 10 ordinært ansatte og 2 i skånejob eller fleksjob. Tommelfingerreglen er omkring ét skånejob pr. fem ordinært ansatte, så efter den er der plads til omkring 2. Med én til bliver det 3. Vurdér, om der er kolleger nok til at tage godt imod dem.',
    );
    expect(shelteredJobRatioWarning(7, 1, 2)).toContain('efter den er der plads til omkring ét. Med 2 til bliver det 3.');
    expect(shelteredJobRatioWarning(1, 0)).toContain('har 1 ordinært ansat og');
    expect(shelteredJobRatioWarning(0, 0)).toContain('har ingen ordinært ansatte og');
    for (const [employees, held] of [[0, 0], [4, 0], [10, 2], [3, 1]] as const) expect(shelteredJobRatioWarning(employees, held)).not.toMatch(/allerede|\b0 i\b/);
  });
});

describe('the notice after a status change', () => {
  it('tells the company what each change means for the search, and reads only known actions from the URL', () => {
    expect(OPENING_ACTION_DONE.pause).toBe('Jobopslaget er sat på pause. Det vises ikke i søgningen, før I åbner det igen.');
    for (const action of OPENING_ACTIONS) expect(openingActionOf(action)).toBe(action);
    expect(openingActionOf('delete')).toBeNull();
    expect(openingActionOf(null)).toBeNull();
  });
});

describe('openingInputSchema and discriminating wording', () => {
  it.each(Object.keys(OPENING_TEXT_FIELDS))('refuses it in %s, at the field, naming the ground', (field) => {
    const errors = errorsOf({ ...validForm, [field]: 'Per, kun ansøgere under 30 år' });
    expect(errors[field]).toMatch(/^"under 30 år" kan være forskelsbehandling på grund af alder/);
  });

  it('reports it together with every other problem, one message per field', () => {
    const errors = errorsOf({ ...validForm, languageNeeds: 'Etnisk danske', contactRole: 'Rengøringsdame', postcode: '9999', hoursMax: '40' });
    expect(Object.keys(errors).sort()).toEqual(['contactRole', 'hoursMax', 'languageNeeds', 'postcode']);
    expect(errors.languageNeeds).toContain('etnisk eller national oprindelse');
    expect(errors.contactRole).toContain('på grund af køn');
  });

  it('leaves a name that could be a word alone in the name field, but not in the role', () => {
    expect(errorsOf({ ...validForm, contactName: 'Kristen Bøgemand' })).toEqual({});
    expect(errorsOf({ ...validForm, contactRole: 'Kristen leder' }).contactRole).toContain('religion eller tro');
  });
});

describe('placesText', () => {
  it('says the places in words, never "Aftaler 0 af 1"', () => {
    expect(placesText(0, 1)).toBe('1 ledig plads');
    expect(placesText(0, 3)).toBe('3 ledige pladser');
    expect(placesText(1, 3)).toBe('1 af 3 besat');
    expect(placesText(1, 1)).toBe('Besat');
    expect(placesText(3, 3)).toBe('Alle 3 besat');
  });
});
