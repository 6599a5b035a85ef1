import { phaseAfterAgreementEnds } from '../../app/domain/citizen-path';
import { describe, expect, it } from 'vitest';
import {
  agreementEffectiveFrom,
  addMonths,
  agreementChanges,
  agreementFieldErrors,
  agreementInputSchema,
  companyMonthlyHoursSchema,
  describeSchedule,
  endOfWeek,
  firstGoalMonth,
  followUpGaps,
  followUpStatus,
  describeHoursEntry,
  hoursChanges,
  plannedFollowUps,
  monthlyHoursSchema,
  nextActionOnActivation,
  followUpRowsOf,
  subGoalRowsOf,
  withAddedRow,
  proposeFollowUpDates,
  reachedOrdinaryHoursGoal,
  type AgreementContext,
  type AgreementTerms,
} from '../../app/domain/agreement-rules';

const START = '2027-03-01';

const ORDINARY: AgreementContext = {
  kind: 'ordinary_hours',
  opening: { hoursMin: 5, hoursMax: 10 },
  citizen: { hoursMin: 4, hoursMax: 12, flexjobVisitationUntil: null, benefitStatus: 'cash_benefit_activity_ready' },
};

function form(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    ordinaryHoursPerWeek: '8',
    internshipHoursPerWeek: '',
    days: ['mon', 'wed'],
    parts: ['morning'],
    scheduleNote: '',
    startDate: START,
    renegotiationDate: '2027-06-01',
    tasks: 'Pakke varer\nFeje lageret',
    contactName: 'Bo Lager',
    contactRole: 'Lagerchef',
    contactPhone: '86 12 34 56',
    contactEmail: '',
    subGoalDate: ['2027-04-01'],
    subGoalDescription: ['10 ordinære timer om ugen'],
    sharedHealthConsiderations: '',
    followUpDates: proposeFollowUpDates(START, 'ordinary_hours'),
    ...overrides,
  };
}

function errorsOf(context: AgreementContext, values: Record<string, string | string[]>) {
  const parsed = agreementInputSchema(context).safeParse(values);
  return parsed.success ? {} : agreementFieldErrors(parsed.error);
}

describe('dates', () => {
  it('adds months and keeps the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
  });

  it('ends the week on Sunday', () => {
    expect(endOfWeek('2027-03-01')).toBe('2027-03-07'); // a Monday
    expect(endOfWeek('2027-03-07')).toBe('2027-03-07'); // the Sunday itself
  });
});

describe('the follow-up plan', () => {
  it('proposes weekly dates in the first month, then monthly, and the proposal has no gap', () => {
    const plan = proposeFollowUpDates(START, 'ordinary_hours');
    // 29 March 2027 is 2. påskedag: the fourth week's date moves to the Tuesday after, and the months follow it.
    expect(plan.slice(0, 4)).toEqual(['2027-03-08', '2027-03-15', '2027-03-22', '2027-03-30']);
    expect(plan[4]).toBe('2027-04-30');
    expect(followUpGaps(plan, START, 'ordinary_hours')).toEqual([]);
    expect(followUpGaps(proposeFollowUpDates('2027-01-31', 'flexjob'), '2027-01-31', 'flexjob')).toEqual([]);
  });

  it('finds a gap of more than a month in the first year', () => {
    const plan = ['2027-03-15', '2027-04-15', '2027-05-16'];
    expect(followUpGaps(plan, START, 'ordinary_hours')[0]).toEqual({ from: '2027-04-15', to: '2027-05-16' });
  });

  it('accepts exactly a month between contacts', () => {
    const plan = Array.from({ length: 12 }, (_, index) => addMonths(START, index + 1));
    expect(followUpGaps(plan, START, 'ordinary_hours')).toEqual([]);
  });

  it('needs the plan to last the whole first year', () => {
    const plan = ['2027-04-01', '2027-05-01'];
    expect(followUpGaps(plan, START, 'ordinary_hours')).toEqual([{ from: '2027-05-01', to: '2028-03-01' }]);
  });

  it('lets a skånejob wait up to 6 months, then 12 months between contacts', () => {
    expect(followUpGaps(proposeFollowUpDates(START, 'sheltered_job'), START, 'sheltered_job')).toEqual([]);
    expect(followUpGaps(['2027-09-01', '2028-09-01'], START, 'sheltered_job')).toEqual([]);
    expect(followUpGaps(['2027-09-02'], START, 'sheltered_job')).toHaveLength(1);
    expect(followUpGaps(['2027-06-01', '2028-06-02'], START, 'sheltered_job')).toEqual([{ from: '2027-06-01', to: '2028-06-02' }]);
  });
});

describe('the agreement form', () => {
  it('accepts a complete agreement and keeps the plan sorted', () => {
    const parsed = agreementInputSchema(ORDINARY).parse(form({ followUpDates: [...proposeFollowUpDates(START, 'ordinary_hours').reverse(), ''] }));
    expect(parsed.ordinaryHoursPerWeek).toBe(8);
    expect(parsed.internshipHoursPerWeek).toBe(0);
    expect(parsed.subGoals).toEqual([{ dueDate: '2027-04-01', description: '10 ordinære timer om ugen' }]);
    expect(parsed.followUpDates[0]).toBe('2027-03-08');
    expect(parsed.schedule).toEqual({ days: ['mon', 'wed'], parts: ['morning'] });
  });

  it('refuses hours outside the opening range and the citizen range', () => {
    expect(errorsOf(ORDINARY, form({ ordinaryHoursPerWeek: '11' })).ordinaryHoursPerWeek).toBe('Timerne skal ligge inden for jobopslagets 5–10 t/uge.');
    expect(errorsOf(ORDINARY, form({ ordinaryHoursPerWeek: '4,5' })).ordinaryHoursPerWeek).toContain('5–10 t/uge');
    expect(errorsOf(ORDINARY, form({ ordinaryHoursPerWeek: '10', internshipHoursPerWeek: '3' })).internshipHoursPerWeek).toBe(
      'Borgeren kan arbejde 4–12 t/uge. Timerne i alt (13 t/uge) skal ligge inden for det.',
    );
    expect(errorsOf(ORDINARY, form({ ordinaryHoursPerWeek: '10', internshipHoursPerWeek: '2' }))).toEqual({});
  });

  it('needs ordinary hours above 0 for a småjob', () => {
    const context = { ...ORDINARY, opening: { hoursMin: 0, hoursMax: 10 } };
    expect(errorsOf(context, form({ ordinaryHoursPerWeek: '0', internshipHoursPerWeek: '6' })).ordinaryHoursPerWeek).toContain('mindst én ordinær time');
  });

  it('needs a valid fleksjob visitation on the start date', () => {
    const flexjob: AgreementContext = {
      kind: 'flexjob',
      opening: { hoursMin: 1, hoursMax: 37 },
      citizen: { hoursMin: 1, hoursMax: 15, flexjobVisitationUntil: '2027-03-01', benefitStatus: 'flexjob_unemployment' },
    };
    expect(errorsOf(flexjob, form())).toEqual({});
    expect(errorsOf({ ...flexjob, citizen: { ...flexjob.citizen, flexjobVisitationUntil: '2027-02-28' } }, form()).ordinaryHoursPerWeek).toContain('udløber 28. februar 2027');
    expect(errorsOf({ ...flexjob, citizen: { ...flexjob.citizen, flexjobVisitationUntil: null } }, form()).ordinaryHoursPerWeek).toBe('Borgeren er ikke visiteret til fleksjob.');
  });

  it('needs a phone or an e-mail for the contact person', () => {
    expect(errorsOf(ORDINARY, form({ contactPhone: '', contactEmail: '' })).contactPhone).toContain('telefonnummer eller en e-mail');
    expect(errorsOf(ORDINARY, form({ contactPhone: '', contactEmail: 'bo@lager.test' }))).toEqual({});
  });

  it('refuses a plan with a gap, with the dates in Danish', () => {
    const errors = errorsOf(ORDINARY, form({ followUpDates: ['2027-03-08', '2027-05-01'] }));
    expect(errors.followUpDates).toBe(
      'Der er mere end en måned uden opfølgning mellem 8. marts 2027 og 1. maj 2027. Det første år skal der være kontakt mindst én gang om måneden.',
    );
    expect(errorsOf(ORDINARY, form({ followUpDates: ['2027-03-08', '2027-02-20'] }))['followUpDates.1']).toBe('Opfølgningen 20. februar 2027 ligger før startdatoen.');
    expect(errorsOf(ORDINARY, form({ followUpDates: ['', ''] })).followUpDates).toBe('Skriv mindst én opfølgningsdato.');
  });

  it('names a follow-up date that does not exist at its own row, and leaves blank rows out', () => {
    const errors = errorsOf(ORDINARY, form({ followUpDates: ['2027-03-08', '2027-02-30', '2027-04-05'] }));
    expect(errors).toEqual({ 'followUpDates.1': 'Skriv en dato, der findes, fx 2027-03-01.' });
    const plan = proposeFollowUpDates(START, 'ordinary_hours');
    const parsed = agreementInputSchema(ORDINARY).parse(form({ followUpDates: [plan[0]!, '', ...plan.slice(1), plan[0]!] }));
    expect(parsed.followUpDates).toEqual(plan);
  });

  it('shares health considerations only with the citizen’s consent', () => {
    expect(errorsOf(ORDINARY, form({ sharedHealthConsiderations: 'Brug for pauser' })).healthConsent).toContain('Sæt kryds');
    expect(errorsOf(ORDINARY, form({ sharedHealthConsiderations: 'Brug for pauser', healthConsent: 'on' }))).toEqual({});
  });

  it('reads one sub-goal per row, leaves blank rows out and says what is missing at the row', () => {
    const parsed = agreementInputSchema(ORDINARY).parse(form({ subGoalDate: ['', '2027-05-01'], subGoalDescription: ['', '12 timer om ugen'] }));
    expect(parsed.subGoals).toEqual([{ dueDate: '2027-05-01', description: '12 timer om ugen' }]);
    const errors = errorsOf(ORDINARY, form({ subGoalDate: ['2027-04-01', ''], subGoalDescription: ['8 timer', 'flere timer'] }));
    expect(errors).toEqual({ 'subGoals.1.dueDate': 'Skriv datoen for delmålet.' });
    expect(errorsOf(ORDINARY, form({ subGoalDate: ['2027-13-01'], subGoalDescription: [''] }))).toEqual({
      'subGoals.0.dueDate': 'Skriv en dato, der findes, fx 2027-03-01.',
      'subGoals.0.description': 'Skriv delmålet, fx 8 ordinære timer om ugen.',
    });
  });

  it('zips the posted rows, and adds an empty row for "Tilføj delmål" and "Tilføj opfølgning"', () => {
    expect(subGoalRowsOf({ subGoalDate: ['2027-04-01', ''], subGoalDescription: ['8 timer'] })).toEqual([
      { dueDate: '2027-04-01', description: '8 timer' },
      { dueDate: '', description: '' },
    ]);
    expect(subGoalRowsOf({ subGoalDate: '2027-04-01', subGoalDescription: ' 8 timer ' })).toEqual([{ dueDate: '2027-04-01', description: '8 timer' }]);
    expect(followUpRowsOf({})).toEqual([]);
    const values = { startDate: START, subGoalDate: ['2027-04-01'], subGoalDescription: ['8 timer'], followUpDates: ['2027-03-08'] };
    expect(withAddedRow(values, 'subGoal')).toEqual({ ...values, subGoalDate: ['2027-04-01', ''], subGoalDescription: ['8 timer', ''] });
    expect(withAddedRow(values, 'followUp')).toEqual({ ...values, followUpDates: ['2027-03-08', ''] });
  });

  it('needs the renegotiation after the start', () => {
    expect(errorsOf(ORDINARY, form({ renegotiationDate: START })).renegotiationDate).toBe('Genforhandlingen skal ligge efter startdatoen.');
  });

  it('needs a note on what changed when renegotiating', () => {
    const parsed = agreementInputSchema(ORDINARY, { renegotiation: true }).safeParse(form());
    expect(parsed.success).toBe(false);
    expect(agreementFieldErrors(parsed.error!).changeNote).toBe('Skriv kort, hvad I har genforhandlet.');
  });
});

describe('versions', () => {
  it('lists what changed in words', () => {
    const before: AgreementTerms = {
      ordinaryHoursPerWeek: 5,
      internshipHoursPerWeek: 0,
      schedule: { days: ['mon'], parts: ['morning'] },
      startDate: START,
      renegotiationDate: '2027-06-01',
      tasks: ['Pakke varer'],
      contactName: 'Bo',
      contactRole: 'Chef',
      contactPhone: '86 12 34 56',
      contactEmail: null,
      subGoals: [],
      sharedHealthConsiderations: '',
      followUpDates: ['2027-03-08'],
    };
    const after = { ...before, ordinaryHoursPerWeek: 8, schedule: { days: ['mon', 'tue'], parts: ['morning'] } };
    expect(agreementChanges(before, after, 'ordinary_hours')).toEqual([
      { label: 'Ordinære timer om ugen', before: '5 t/uge', after: '8 t/uge' },
      { label: 'Hvornår på ugen', before: 'Mandag, formiddag', after: 'Mandag og tirsdag, formiddag' },
    ]);
    expect(agreementChanges(before, before, 'ordinary_hours')).toEqual([]);
  });

  it('lists what changed in English for a citizen who reads English, the parties\' own words as written', () => {
    const before: AgreementTerms = {
      ordinaryHoursPerWeek: 7.5,
      internshipHoursPerWeek: 0,
      schedule: { days: ['mon'], parts: ['morning'] },
      startDate: START,
      renegotiationDate: '2027-06-01',
      tasks: ['Pakke varer'],
      contactName: 'Bo',
      contactRole: 'Chef',
      contactPhone: null,
      contactEmail: 'bo@example.dk',
      subGoals: [],
      sharedHealthConsiderations: '',
      followUpDates: ['2027-03-08'],
    };
    const after = { ...before, ordinaryHoursPerWeek: 10, startDate: '2027-03-15', tasks: ['Pakke varer', 'Rydde op'] };
    expect(agreementChanges(before, after, 'flexjob', 'en')).toEqual([
      { label: 'Flexjob hours a week', before: '7.5 h/week', after: '10 h/week' },
      { label: 'Start date', before: '1 March 2027', after: '15 March 2027' },
      { label: 'Tasks', before: 'Pakke varer', after: 'Pakke varer; Rydde op' },
    ]);
  });
});

describe('describeSchedule', () => {
  it('writes the days as a Danish sentence: lower-case weekdays, "og" before the last', () => {
    expect(describeSchedule({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], parts: ['morning'], note: 'Kl. 7–10' })).toBe(
      'Mandag, tirsdag, onsdag, torsdag og fredag, formiddag. Kl. 7–10',
    );
    expect(describeSchedule({ days: [], parts: ['morning', 'afternoon'] })).toBe('Formiddag og eftermiddag');
    expect(describeSchedule({ days: [], parts: [] })).toBe('Ikke aftalt');
  });

  it('writes the days as an English sentence: capitalised weekdays, "and" before the last, the note as written', () => {
    expect(describeSchedule({ days: ['mon', 'wed', 'fri'], parts: ['morning'], note: 'Kl. 7–10' }, 'en')).toBe('Monday, Wednesday and Friday, morning. Kl. 7–10');
    expect(describeSchedule({ days: [], parts: ['morning', 'afternoon'] }, 'en')).toBe('Morning and afternoon');
    expect(describeSchedule({ days: [], parts: [] }, 'en')).toBe('Not agreed');
  });
});

describe('follow-ups due', () => {
  const plan = ['2027-03-08', '2027-03-15', '2027-03-22'];

  it('is overdue when a planned date passed without a contact for it', () => {
    expect(followUpStatus(plan, [], '2027-03-10')).toEqual({ next: '2027-03-08', overdue: true, overdueDates: ['2027-03-08'], upcoming: '2027-03-15', dueThisWeek: false });
    expect(followUpStatus(plan, ['2027-03-08'], '2027-03-10')).toEqual({ next: '2027-03-15', overdue: false, overdueDates: [], upcoming: '2027-03-15', dueThisWeek: false });
    // The planned day itself is not overdue yet.
    expect(followUpStatus(plan, [], '2027-03-08')).toMatchObject({ overdue: false, dueThisWeek: true });
  });

  it('keeps every earlier missed date overdue when a later one is held', () => {
    const monthly = ['2027-03-08', '2027-04-08', '2027-05-07', '2027-06-08', '2027-07-08', '2027-08-09'];
    // Five missed, then the sixth logged: the five stay overdue, oldest first.
    expect(followUpStatus(monthly, ['2027-08-09'], '2027-08-10')).toEqual({
      next: '2027-03-08',
      overdue: true,
      overdueDates: ['2027-03-08', '2027-04-08', '2027-05-07', '2027-06-08', '2027-07-08'],
      upcoming: null,
      dueThisWeek: false,
    });
    // Held or skipped one by one, until none is left.
    expect(followUpStatus(monthly, ['2027-08-09', '2027-03-08', '2027-04-08', '2027-05-07', '2027-06-08'], '2027-08-10').overdueDates).toEqual(['2027-07-08']);
    expect(followUpStatus(monthly, ['2027-08-09', '2027-03-08', '2027-04-08', '2027-05-07', '2027-06-08', '2027-07-08'], '2027-08-10')).toEqual({
      next: null,
      overdue: false,
      overdueDates: [],
      upcoming: null,
      dueThisWeek: false,
    });
  });

  it('does not count an extra contact outside the plan as holding a date', () => {
    expect(followUpStatus(plan, [null], '2027-03-10').overdueDates).toEqual(['2027-03-08']);
  });

  it('is due this week from today to Sunday', () => {
    expect(followUpStatus(plan, ['2027-03-08'], '2027-03-15')).toMatchObject({ next: '2027-03-15', overdue: false, dueThisWeek: true });
    expect(followUpStatus(plan, ['2027-03-08'], '2027-03-14')).toMatchObject({ next: '2027-03-15', overdue: false, dueThisWeek: false });
    expect(followUpStatus(plan, plan, '2027-03-25')).toEqual({ next: null, overdue: false, overdueDates: [], upcoming: null, dueThisWeek: false });
    // Overdue and due this week at once: both are said.
    expect(followUpStatus(plan, [], '2027-03-15')).toMatchObject({ next: '2027-03-08', overdueDates: ['2027-03-08'], upcoming: '2027-03-15', dueThisWeek: true });
  });

  it('tells each planned date what became of it', () => {
    const contacts = [
      { plannedDate: '2027-03-15', contactDate: '2027-03-16' },
      { plannedDate: null, contactDate: '2027-03-09' },
    ];
    expect(plannedFollowUps(plan, contacts, [{ plannedDate: '2027-03-22', reason: 'Virksomheden holdt lukket.' }], '2027-03-23')).toEqual([
      { date: '2027-03-08', state: 'overdue', heldOn: null, skipReason: null },
      { date: '2027-03-15', state: 'held', heldOn: '2027-03-16', skipReason: null },
      { date: '2027-03-22', state: 'skipped', heldOn: null, skipReason: 'Virksomheden holdt lukket.' },
    ]);
    expect(plannedFollowUps(['2027-04-01'], [], [], '2027-04-01')[0]!.state).toBe('planned');
  });
});

describe('the hours of a month', () => {
  const entry = { ordinaryHours: 0, internshipHours: 40, flexjobHours: 0, wageSubsidyHours: 0, reportedBy: 'company' as const };

  it('says a saved entry in words, every kind of hours that is not 0', () => {
    expect(describeHoursEntry(entry)).toBe('praktiktimer: 40 t (oplyst af virksomheden)');
    expect(describeHoursEntry({ ...entry, internshipHours: 0, ordinaryHours: 7.5, reportedBy: 'citizen' })).toBe('ordinære timer: 7,5 t (oplyst af borgeren)');
    expect(describeHoursEntry({ ...entry, internshipHours: 0 })).toBe('ingen timer (oplyst af virksomheden)');
  });

  it('lists what a correction changed, old and new', () => {
    expect(hoursChanges(entry, { ...entry, internshipHours: 0, ordinaryHours: 12, reportedBy: 'consultant' })).toEqual([
      { label: 'Ordinære timer', before: '0 t', after: '12 t' },
      { label: 'Praktiktimer', before: '40 t', after: '0 t' },
      { label: 'Oplyst af', before: 'Virksomheden', after: 'Jobcentret' },
    ]);
    expect(hoursChanges(entry, entry)).toEqual([]);
    // A first entry lists what was saved, leaving out the kinds at 0.
    expect(hoursChanges(null, entry)).toEqual([
      { label: 'Praktiktimer', before: null, after: '40 t' },
      { label: 'Oplyst af', before: null, after: 'Virksomheden' },
    ]);
  });

  it('refuses nothing in the form for a correction, and names the month it corrects', () => {
    const schema = monthlyHoursSchema({ today: '2027-07-10', startDate: '2027-03-01' });
    const form = { month: '2027-04', ordinaryHours: '12', internshipHours: '', flexjobHours: '', wageSubsidyHours: '', reportedBy: 'company' };
    expect(schema.parse(form).correcting).toBeNull();
    expect(schema.parse({ ...form, correcting: '2027-04' }).correcting).toBe('2027-04-01');
  });
});

describe('progress towards 30 ordinary hours a month', () => {
  it('counts 30 but not 29.5, and only ordinary hours', () => {
    expect(reachedOrdinaryHoursGoal({ ordinaryHours: 30 })).toBe(true);
    expect(reachedOrdinaryHoursGoal({ ordinaryHours: 29.5 })).toBe(false);
    expect(
      firstGoalMonth([
        { month: '2027-05-01', ordinaryHours: 31 },
        { month: '2027-03-01', ordinaryHours: 12 },
        { month: '2027-04-01', ordinaryHours: 29.5 },
      ]),
    ).toBe('2027-05-01');
    expect(firstGoalMonth([{ month: '2027-03-01', ordinaryHours: 10 }])).toBeNull();
  });

  it('reads the month form, refusing a month in the future or before the start', () => {
    const schema = monthlyHoursSchema({ today: '2027-06-10', startDate: START });
    expect(schema.parse({ month: '2027-05', ordinaryHours: '29,5', internshipHours: '', flexjobHours: '0', wageSubsidyHours: '', reportedBy: 'company' })).toEqual({
      month: '2027-05-01',
      ordinaryHours: 29.5,
      internshipHours: 0,
      flexjobHours: 0,
      wageSubsidyHours: 0,
      reportedBy: 'company',
      correcting: null,
    });
    expect(schema.safeParse({ month: '2027-07', ordinaryHours: '1', reportedBy: 'company' }).success).toBe(false);
    expect(schema.safeParse({ month: '2027-02', ordinaryHours: '1', reportedBy: 'company' }).success).toBe(false);
  });

  it('reads the company’s month form by the same rules, without asking who reported the hours', () => {
    const schema = companyMonthlyHoursSchema({ today: '2027-06-10', startDate: START });
    expect(schema.parse({ month: '2027-06', ordinaryHours: '30', internshipHours: '', flexjobHours: '', wageSubsidyHours: '', reportedBy: 'citizen' })).toEqual({
      month: '2027-06-01',
      ordinaryHours: 30,
      internshipHours: 0,
      flexjobHours: 0,
      wageSubsidyHours: 0,
      correcting: null,
    });
    const refused = schema.safeParse({ month: '2027-07', ordinaryHours: '745', internshipHours: '', flexjobHours: '', wageSubsidyHours: '' });
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['month', 'Måneden ligger i fremtiden. Timer registreres, når de er arbejdet.'],
      ['ordinaryHours', 'En måned har højst 744 timer.'],
    ]);
  });
});

describe('nextActionOnActivation', () => {
  it('makes the first planned follow-up from today the next action, named by the company', () => {
    expect(nextActionOnActivation('Kattegat Lager ApS', ['2027-04-01', '2027-02-01', '2027-03-01'], '2027-02-15')).toEqual({
      nextAction: 'Opfølgning hos Kattegat Lager ApS',
      nextActionDate: '2027-03-01',
    });
    expect(nextActionOnActivation('Kattegat Lager ApS', ['2027-03-01'], '2027-03-01').nextActionDate).toBe('2027-03-01');
  });

  it('leaves the date empty when every planned follow-up has passed', () => {
    expect(nextActionOnActivation('Kattegat Lager ApS', ['2027-01-01'], '2027-02-15').nextActionDate).toBeNull();
  });
});

describe('agreementEffectiveFrom', () => {
  it('is the start date when both confirmed before it: not "aktiv fra 7. december 2026" for an agreement that starts 12 January 2027', () => {
    expect(agreementEffectiveFrom(new Date('2026-12-07T10:15:00Z'), '2027-01-12')).toBe('2027-01-12');
  });

  it('is the day both confirmed when that came after the start date, in Danish time', () => {
    expect(agreementEffectiveFrom(new Date('2027-01-14T23:30:00Z'), '2027-01-12')).toBe('2027-01-15');
    expect(agreementEffectiveFrom(new Date('2027-01-12T08:00:00Z'), '2027-01-12')).toBe('2027-01-12');
  });
});

describe('phaseAfterAgreementEnds (decision 030)', () => {
  it('sends a citizen who drops out of an active agreement before the goal back to "på vej mod job"', () => {
    expect(phaseAfterAgreementEnds({ wasActive: true, goalReached: false, otherAgreementHoldsSlot: false })).toBe('towards_job');
  });

  it('leaves the phase once the goal was reached, while another agreement holds a slot, or when the agreement never began', () => {
    expect(phaseAfterAgreementEnds({ wasActive: true, goalReached: true, otherAgreementHoldsSlot: false })).toBeNull();
    expect(phaseAfterAgreementEnds({ wasActive: true, goalReached: false, otherAgreementHoldsSlot: true })).toBeNull();
    expect(phaseAfterAgreementEnds({ wasActive: false, goalReached: false, otherAgreementHoldsSlot: false })).toBeNull();
  });
});
