/**
 * Agreements against a real database and a real Meilisearch (own index names): written from a proposal both
 * said yes to, confirmed by both parties (and by nobody else), the opening's slot taken and freed with search
 * following, renegotiated into a new version with what changed, followed up with hours until 30 ordinary
 * hours a month, ended with a reason; each party sees only its own, and reads are logged. The company reports
 * the hours of a month on its own active agreement, by the consultant's rules.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { accessLog, citizens, matchProposals, monthlyHours, openings, users } from '../../db/schema';
import {
  agreementInputSchema,
  companyMonthlyHoursSchema,
  monthlyHoursSchema,
  proposeFollowUpDates,
  type AgreementInput,
  type CompanyMonthlyHoursInput,
} from '../../app/domain/agreement-rules';
import type { Actor } from '../../app/services/actor';
import { AgreementRefusedError } from '../../app/services/agreement-access.server';
import { companyAgreements, followUpsDue } from '../../app/services/agreement-lists.server';
import { agreementForCitizen, agreementForCompany, agreementForConsultant } from '../../app/services/agreement-views.server';
import { agreementDraft, ALREADY_WRITTEN, confirmAgreement, createAgreement, NOT_A_PARTY, PROPOSAL_NOT_ACCEPTED, renegotiateAgreement, sendForConfirmation } from '../../app/services/agreements.server';
import { SLOTS_TAKEN } from '../../app/services/opening-slots.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import {
  companyMonthlyHoursSchemaFor,
  endAgreement,
  followUpCalendarFile,
  logFollowUp,
  MonthAlreadyReportedError,
  recordMonthlyHours,
  reportMonthlyHoursAsCompany,
  skipFollowUp,
} from '../../app/services/follow-ups.server';
import { searchErrorCode } from '../../search/client';
import { drainOutbox, enqueueSearchSync } from '../../search/outbox';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

const START = '2027-03-01';
const TODAY = '2027-02-20';

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;
let consultant: Actor;
let otherConsultant: Actor;
let companyActor: Actor;
let otherCompanyActor: Actor;
let citizenActor: Actor;
let otherCitizenActor: Actor;
let openingId: string;
let citizenId: string;
let secondCitizenId: string;
let proposalId: string;

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, ...links })
    .returning();
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

function formFor(overrides: Record<string, string | string[]> = {}) {
  return {
    ordinaryHoursPerWeek: '6',
    internshipHoursPerWeek: '2',
    days: ['mon', 'wed'],
    parts: ['morning'],
    startDate: START,
    renegotiationDate: '2027-06-01',
    tasks: 'Støvsugning\nAftørring af borde',
    contactName: 'Kontakt Person',
    contactRole: 'Driftsleder',
    contactPhone: '87 65 43 21',
    contactEmail: '',
    subGoalDate: ['2027-05-01'],
    subGoalDescription: ['8 ordinære timer om ugen'],
    sharedHealthConsiderations: 'Har brug for en pause hver time.',
    healthConsent: 'on',
    followUpDates: proposeFollowUpDates(START, 'ordinary_hours'),
    ...overrides,
  };
}

async function parsedInput(source: Parameters<typeof agreementDraft>[1], overrides: Record<string, string | string[]> = {}, renegotiation = false): Promise<AgreementInput> {
  const draft = await agreementDraft(consultant, source, { today: TODAY });
  return agreementInputSchema(draft.context, { renegotiation }).parse(formFor(overrides));
}

async function openingStatus() {
  const [row] = await handle.db.select({ status: openings.status }).from(openings).where(eq(openings.id, openingId));
  return row!.status;
}

async function phaseOf(id: string) {
  const [row] = await handle.db.select({ phase: citizens.phase }).from(citizens).where(eq(citizens.id, id));
  return row!.phase;
}

async function openingDocument() {
  await drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames, entityIds: [openingId] });
  try {
    return await search.client.index(search.indexNames.openings).getDocument(openingId);
  } catch (error) {
    if (searchErrorCode(error) === 'document_not_found') return null;
    throw error;
  }
}

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('agreements');
  const jobcentre = await insertTestJobcentre(handle.db);
  const otherJobcentre = await insertTestJobcentre(handle.db);
  const company = await insertTestCompany(handle.db);
  const otherCompany = await insertTestCompany(handle.db);
  consultant = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Mette Aftale');
  otherConsultant = await insertUser('consultant', { jobcentreId: otherJobcentre.id }, 'Lone Andet');
  companyActor = await insertUser('company', { companyId: company.id }, 'Bo Firma');
  otherCompanyActor = await insertUser('company', { companyId: otherCompany.id }, 'Pia Andet');
  const [opening] = await handle.db.insert(openings).values(testOpening(company.id, { slots: 1, startDate: START })).returning({ id: openings.id });
  openingId = opening!.id;
  await enqueueSearchSync(handle.db, 'opening', openingId);
  const [citizen] = await handle.db
    .insert(citizens)
    .values(testCitizen(jobcentre.id, { name: 'Anna Aftale', hoursMin: 4, hoursMax: 12, consultantId: consultant.id }))
    .returning({ id: citizens.id });
  citizenId = citizen!.id;
  const [second] = await handle.db
    .insert(citizens)
    .values(testCitizen(jobcentre.id, { name: 'Bent Anden', hoursMin: 4, hoursMax: 12, consultantId: consultant.id }))
    .returning({ id: citizens.id });
  secondCitizenId = second!.id;
  citizenActor = await insertUser('citizen', { citizenId }, 'Anna Aftale');
  otherCitizenActor = await insertUser('citizen', { citizenId: secondCitizenId }, 'Bent Anden');
  const [proposal] = await handle.db
    .insert(matchProposals)
    .values({ openingId, citizenId, proposedBy: consultant.id, status: 'company_accepted', companyAcceptedAt: new Date() })
    .returning({ id: matchProposals.id });
  proposalId = proposal!.id;
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

describe('a direct agreement', () => {
  it('keeps the hard rule: no fleksjob for a citizen without a visitation', async () => {
    const [company] = await handle.db.select({ companyId: openings.companyId }).from(openings).where(eq(openings.id, openingId));
    const [flexjob] = await handle.db
      .insert(openings)
      .values(testOpening(company!.companyId, { kind: 'flexjob', flexjobExpectedHours: 8, startDate: START, title: 'Fleksjob i rengøring' }))
      .returning({ id: openings.id });
    await expect(agreementDraft(consultant, { citizenId: secondCitizenId, openingId: flexjob!.id }, { today: TODAY })).rejects.toThrow(
      'Fleksjob kræver en visitation til fleksjob, og borgeren er ikke visiteret.',
    );
  });
});

describe('confirmations at the same moment', () => {
  it('makes the agreement active when the company and the citizen confirm at once', async () => {
    const [company] = await handle.db.select({ companyId: openings.companyId }).from(openings).where(eq(openings.id, openingId));
    const [other] = await handle.db.insert(openings).values(testOpening(company!.companyId, { slots: 2, startDate: START, title: 'Kontorrengøring, hold 2' })).returning({ id: openings.id });
    const source = { citizenId: secondCitizenId, openingId: other!.id };
    const { id } = await createAgreement(consultant, source, await parsedInput(source), { send: true });
    await Promise.all([confirmAgreement(companyActor, id), confirmAgreement(otherCitizenActor, id)]);
    expect((await agreementForConsultant(consultant, id)).status).toBe('active');
    await endAgreement(consultant, id, { endReason: 'Kun til testen af samtidige bekræftelser.' });
  });
});

describe('an agreement from a proposal to 30 ordinary hours', () => {
  let agreementId: string;

  it('is written only once both have said yes to the proposal, prefilled from the opening', async () => {
    await expect(agreementDraft(consultant, { proposalId }, { today: TODAY })).rejects.toThrow(PROPOSAL_NOT_ACCEPTED);
    await handle.db.update(matchProposals).set({ status: 'accepted', citizenAcceptedAt: new Date() }).where(eq(matchProposals.id, proposalId));
    const draft = await agreementDraft(consultant, { proposalId }, { today: TODAY });
    expect(draft.values).toMatchObject({ tasks: 'Støvsugning\nAftørring af borde', contactName: 'Kontakt Person', startDate: START, renegotiationDate: '2027-06-01' });
    expect((draft.values.followUpDates as string[]).slice(0, 4)).toEqual(['2027-03-08', '2027-03-15', '2027-03-22', '2027-03-30']);
    await expect(agreementDraft(otherConsultant, { proposalId }, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    await expect(agreementDraft(companyActor, { proposalId }, { today: TODAY })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('is sent for confirmation, takes the only slot and fills the opening, which leaves search', async () => {
    expect(await openingDocument()).not.toBeNull();
    ({ id: agreementId } = await createAgreement(consultant, { proposalId }, await parsedInput({ proposalId }), { send: true }));
    expect(await openingStatus()).toBe('filled');
    expect(await openingDocument()).toBeNull();
    await expect(createAgreement(consultant, { proposalId }, await parsedInput({ proposalId }), { send: false })).rejects.toThrow(ALREADY_WRITTEN);
  });

  it('refuses a second agreement for the last slot, saving nothing', async () => {
    const source = { citizenId: secondCitizenId, openingId };
    await expect(createAgreement(consultant, source, await parsedInput(source), { send: true })).rejects.toThrow(SLOTS_TAKEN);
    const { id: draftId } = await createAgreement(consultant, source, await parsedInput(source), { send: false });
    await expect(sendForConfirmation(consultant, draftId)).rejects.toThrow(SLOTS_TAKEN);
    expect((await agreementForConsultant(consultant, draftId)).status).toBe('draft');
    // A draft is nobody's business but the jobcentre's yet.
    await expect(agreementForCompany(companyActor, draftId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is confirmed by the company and the citizen, who and when recorded, and then active; nobody else may confirm', async () => {
    await expect(confirmAgreement(otherCompanyActor, agreementId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmAgreement(otherCitizenActor, agreementId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmAgreement(consultant, agreementId)).rejects.toThrow(NOT_A_PARTY);
    expect(await confirmAgreement(companyActor, agreementId)).toEqual({ party: 'company', active: false });
    await expect(confirmAgreement(companyActor, agreementId)).rejects.toBeInstanceOf(AgreementRefusedError);
    expect(await phaseOf(citizenId)).toBe('towards_job');
    expect(await confirmAgreement(citizenActor, agreementId)).toEqual({ party: 'citizen', active: true });
    const view = await agreementForConsultant(consultant, agreementId, { today: TODAY });
    expect(view.status).toBe('active');
    expect(view.current.companyConfirmedByName).toBe('Bo Firma');
    expect(view.current.citizenConfirmedByName).toBe('Anna Aftale');
    expect(view.current.citizenConfirmedAt).toBeInstanceOf(Date);
    expect(await phaseOf(citizenId)).toBe('at_company');
    // The caseload's next action follows: the first planned follow-up, no longer "find a company".
    const [next] = await handle.db.select({ nextAction: citizens.nextAction, nextActionDate: citizens.nextActionDate }).from(citizens).where(eq(citizens.id, citizenId));
    expect(next).toEqual({ nextAction: `Opfølgning hos ${view.companyName}`, nextActionDate: '2027-03-08' });
  });

  it('shows each party only its own agreements, and logs the company’s reads', async () => {
    expect((await companyAgreements(companyActor)).map((item) => item.id)).toContain(agreementId);
    expect((await companyAgreements(otherCompanyActor)).map((item) => item.id)).not.toContain(agreementId);
    await expect(agreementForCompany(otherCompanyActor, agreementId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(agreementForCitizen(otherCitizenActor, agreementId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(agreementForConsultant(otherConsultant, agreementId)).rejects.toBeInstanceOf(NotFoundError);
    const seen = await agreementForCompany(companyActor, agreementId);
    expect(seen.current.sharedHealthConsiderations).toBe('Har brug for en pause hver time.');
    expect(seen.followUps).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('Følsomt');
    const log = await handle.db.select().from(accessLog).where(and(eq(accessLog.citizenId, citizenId), eq(accessLog.actorUserId, companyActor.id)));
    expect(log.some((entry) => entry.action === 'read')).toBe(true);
  });

  it('tells the parties the next planned follow-up from today, not the first date of the plan', async () => {
    // They do not see the consultant's log of contacts, so a past date would read as a meeting that never came.
    expect((await agreementForCitizen(citizenActor, agreementId, { today: '2027-03-20' })).followUp.next).toBe('2027-03-22');
    expect((await agreementForCompany(companyActor, agreementId, { today: '2027-03-22' })).followUp.next).toBe('2027-03-22');
    expect((await agreementForConsultant(consultant, agreementId, { today: '2027-03-20' })).followUp).toMatchObject({ next: '2027-03-08', overdue: true });
  });

  it('lists the overdue follow-up across the caseload, until a contact is logged for it', async () => {
    const due = await followUpsDue(consultant, { today: '2027-03-10' });
    expect(due.overdue.map((item) => [item.id, item.next])).toEqual([[agreementId, '2027-03-08']]);
    await logFollowUp(consultant, agreementId, { contactDate: '2027-03-09', withWhom: 'both', channel: 'meeting', summary: 'Godt i gang.', nextStep: 'Flere timer i april', plannedDate: '2027-03-08' });
    const after = await followUpsDue(consultant, { today: '2027-03-10' });
    expect(after.overdue).toEqual([]);
    expect(after.dueThisWeek).toEqual([]);
    expect((await followUpsDue(consultant, { today: '2027-03-15' })).dueThisWeek.map((item) => item.next)).toEqual(['2027-03-15']);
    expect((await followUpsDue(otherConsultant, { today: '2027-03-10' })).overdue).toEqual([]);
  });

  it('is renegotiated into a new version, confirmed again, with what changed', async () => {
    await renegotiateAgreement(consultant, agreementId, await parsedInput({ proposalId }, { ordinaryHoursPerWeek: '8', changeNote: 'Flere ordinære timer' }, true));
    const view = await agreementForConsultant(consultant, agreementId, { today: TODAY });
    expect(view.status).toBe('awaiting_confirmation');
    expect(view.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(view.current.changes).toEqual([{ label: 'Ordinære timer om ugen', before: '6 t/uge', after: '8 t/uge' }]);
    expect(view.current.changeNote).toBe('Flere ordinære timer');
    // The slot stays taken while the new version waits.
    expect(await openingStatus()).toBe('filled');
    await confirmAgreement(citizenActor, agreementId);
    await confirmAgreement(companyActor, agreementId);
    expect((await agreementForCitizen(citizenActor, agreementId)).status).toBe('active');
  });

  it('marks the goal in the first month with 30 ordinary hours; 29.5 or other hours do not count', async () => {
    const schema = monthlyHoursSchema({ today: '2027-07-10', startDate: START });
    const month = (value: string, ordinary: string, other = '0') =>
      recordMonthlyHours(consultant, agreementId, schema.parse({ month: value, ordinaryHours: ordinary, internshipHours: other, flexjobHours: other, wageSubsidyHours: other, reportedBy: 'company' }));
    expect(await month('2027-03', '12', '40')).toEqual({ goalReachedMonth: null, newlyReached: false });
    expect(await month('2027-04', '29,5')).toEqual({ goalReachedMonth: null, newlyReached: false });
    expect(await month('2027-05', '31')).toEqual({ goalReachedMonth: '2027-05-01', newlyReached: true });
    const view = await agreementForConsultant(consultant, agreementId, { today: '2027-07-10' });
    expect(view.goalReachedMonth).toBe('2027-05-01');
    expect(view.months.map((row) => row.ordinaryHours)).toEqual([12, 29.5, 31]);
    expect(view.months[0]).toMatchObject({ internshipHours: 40, flexjobHours: 40, wageSubsidyHours: 40 });
  });

  it('gives the plan as an .ics file', async () => {
    const { text } = await followUpCalendarFile(consultant, agreementId, { now: new Date('2027-03-01T10:00:00Z') });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('DTSTART;VALUE=DATE:20270308');
    expect(text).toContain('SUMMARY:Opfølgning: Anna Aftale hos');
    await expect(followUpCalendarFile(otherConsultant, agreementId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('ends with a reason: history kept, the slot freed and the opening searchable again; the goal was reached, so the phase is left for the consultant', async () => {
    await endAgreement(consultant, agreementId, { endReason: 'Borgeren er flyttet.' });
    const view = await agreementForConsultant(consultant, agreementId);
    expect(view).toMatchObject({ status: 'ended', endReason: 'Borgeren er flyttet.' });
    expect(view.followUps).toHaveLength(1);
    expect(view.versions).toHaveLength(2);
    expect(view.goalReachedMonth).toBe('2027-05-01');
    expect(await phaseOf(citizenId)).toBe('at_company');
    expect(await openingStatus()).toBe('open');
    expect(await openingDocument()).toMatchObject({ freeSlots: 1 });
    await expect(logFollowUp(consultant, agreementId, { contactDate: '2027-07-01', withWhom: 'citizen', channel: 'phone', summary: 'Sent', nextStep: '', plannedDate: null })).rejects.toBeInstanceOf(
      AgreementRefusedError,
    );
  });
});

describe('the company reports the hours of a month on its own agreement', () => {
  const REPORTED_ON = '2027-07-10';
  const schema = companyMonthlyHoursSchema({ today: REPORTED_ON, startDate: START });
  const month = (value: string, ordinaryHours: string, other = ''): CompanyMonthlyHoursInput =>
    schema.parse({ month: value, ordinaryHours, internshipHours: other, flexjobHours: other, wageSubsidyHours: other });
  const report = (actor: Actor, agreementId: string, input: CompanyMonthlyHoursInput) => reportMonthlyHoursAsCompany(actor, agreementId, input, { today: REPORTED_ON });

  /** A citizen of its own at one of the company's openings, the agreement confirmed by both and active. */
  async function activeAgreement({ confirmed = true }: { confirmed?: boolean } = {}) {
    const [opening] = await handle.db
      .insert(openings)
      .values(testOpening(companyActor.companyId!, { startDate: START, title: 'Lagerhjælp, timerne oplyst af virksomheden' }))
      .returning({ id: openings.id });
    const [citizen] = await handle.db
      .insert(citizens)
      .values(testCitizen(consultant.jobcentreId!, { name: 'Carl Timer', hoursMin: 4, hoursMax: 12, consultantId: consultant.id }))
      .returning({ id: citizens.id });
    const citizenUser = await insertUser('citizen', { citizenId: citizen!.id }, 'Carl Timer');
    const source = { citizenId: citizen!.id, openingId: opening!.id };
    const { id } = await createAgreement(consultant, source, await parsedInput(source), { send: true });
    if (confirmed) {
      await confirmAgreement(companyActor, id);
      await confirmAgreement(citizenUser, id);
    }
    return { id, citizenId: citizen!.id, citizenUser };
  }

  async function savedMonths(agreementId: string) {
    return handle.db.select().from(monthlyHours).where(eq(monthlyHours.agreementId, agreementId)).orderBy(monthlyHours.month);
  }

  it('shows the month to the company, the consultant and the citizen as reported by the company, and logs the change for the citizen', async () => {
    const { id, citizenId: carl, citizenUser } = await activeAgreement();
    expect(await report(companyActor, id, month('2027-04', '16,5', '2'))).toEqual({ goalReachedMonth: null, newlyReached: false });
    const expected = { month: '2027-04-01', ordinaryHours: 16.5, internshipHours: 2, flexjobHours: 2, wageSubsidyHours: 2, reportedBy: 'company' };
    expect((await agreementForCompany(companyActor, id)).months).toEqual([expected]);
    expect((await agreementForConsultant(consultant, id)).months).toEqual([expected]);
    expect((await agreementForCitizen(citizenUser, id)).months).toEqual([expected]);
    expect((await savedMonths(id))[0]).toMatchObject({ reportedBy: 'company', recordedBy: companyActor.id });
    const [change] = await handle.db.select().from(accessLog).where(and(eq(accessLog.citizenId, carl), eq(accessLog.actorUserId, companyActor.id), eq(accessLog.action, 'change')));
    expect(change).toMatchObject({ actorRole: 'company', purpose: expect.stringContaining('virksomheden oplyste dine timer for en måned') });
    expect(change!.organisation).toBe((await agreementForCompany(companyActor, id)).companyName);
  });

  it('sends a citizen who drops out before the goal back to "på vej mod job", to be matched again', async () => {
    const { id, citizenId: carl } = await activeAgreement();
    await report(companyActor, id, month('2027-04', '12'));
    expect(await phaseOf(carl)).toBe('at_company');
    await endAgreement(consultant, id, { endReason: 'Borgeren stoppede.' });
    expect(await phaseOf(carl)).toBe('towards_job');
  });

  it('marks the goal in the first month with 30 ordinary hours, as when the consultant records them', async () => {
    const { id } = await activeAgreement();
    expect(await report(companyActor, id, month('2027-03', '29,5', '10'))).toEqual({ goalReachedMonth: null, newlyReached: false });
    expect(await report(companyActor, id, month('2027-05', '30'))).toEqual({ goalReachedMonth: '2027-05-01', newlyReached: true });
    // An earlier month reaching 30 becomes the goal month; it was already reached, so not newly.
    expect(await report(companyActor, id, month('2027-04', '31'))).toEqual({ goalReachedMonth: '2027-04-01', newlyReached: false });
    expect((await agreementForCompany(companyActor, id)).goalReachedMonth).toBe('2027-04-01');
  });

  it('corrects a month that already has hours, whoever recorded them, when the correction says so', async () => {
    const { id } = await activeAgreement();
    const consultantSchema = monthlyHoursSchema({ today: REPORTED_ON, startDate: START });
    await recordMonthlyHours(consultant, id, consultantSchema.parse({ month: '2027-04', ordinaryHours: '30', internshipHours: '', flexjobHours: '', wageSubsidyHours: '', reportedBy: 'citizen' }));
    expect((await agreementForConsultant(consultant, id)).goalReachedMonth).toBe('2027-04-01');
    expect(await report(companyActor, id, { ...month('2027-04', '20'), correcting: '2027-04-01' })).toEqual({ goalReachedMonth: null, newlyReached: false });
    const rows = await savedMonths(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ordinaryHours: 20, reportedBy: 'company', recordedBy: companyActor.id });
    expect((await agreementForConsultant(consultant, id)).goalReachedMonth).toBeNull();
  });

  it('refuses a second entry for the same month that does not say it corrects it, keeping the 40 praktik hours', async () => {
    const { id } = await activeAgreement();
    const consultantSchema = monthlyHoursSchema({ today: REPORTED_ON, startDate: START });
    const consultantMonth = (fields: Record<string, string>) =>
      consultantSchema.parse({ month: '2027-04', ordinaryHours: '', internshipHours: '', flexjobHours: '', wageSubsidyHours: '', reportedBy: 'company', ...fields });
    await report(companyActor, id, { ...month('2027-04', '0'), internshipHours: 40 });
    // The same month again, from either form, without saying it is a correction: refused, with what is saved.
    const fromConsultant = await recordMonthlyHours(consultant, id, consultantMonth({ ordinaryHours: '0' })).catch((error: unknown) => error);
    expect(fromConsultant).toBeInstanceOf(MonthAlreadyReportedError);
    expect(fromConsultant).toMatchObject({
      field: 'month',
      existing: { month: '2027-04-01', ordinaryHours: 0, internshipHours: 40, reportedBy: 'company' },
      message: expect.stringContaining('Der er allerede registreret timer for april 2027: praktiktimer: 40 t (oplyst af virksomheden).'),
    });
    await expect(report(companyActor, id, month('2027-04', '0'))).rejects.toBeInstanceOf(MonthAlreadyReportedError);
    // Correcting another month does not let this one through either.
    await expect(recordMonthlyHours(consultant, id, consultantMonth({ ordinaryHours: '0', correcting: '2027-05' }))).rejects.toBeInstanceOf(MonthAlreadyReportedError);
    expect((await savedMonths(id)).map((row) => [row.month, row.internshipHours])).toEqual([['2027-04-01', 40]]);
    expect((await agreementForConsultant(consultant, id)).hoursChanges).toHaveLength(1);
  });

  it('keeps the history of a month: who changed it, when, and the old and new hours, for the consultant and the company', async () => {
    const { id, citizenUser } = await activeAgreement();
    await report(companyActor, id, { ...month('2027-05', '0'), internshipHours: 40 });
    const consultantSchema = monthlyHoursSchema({ today: REPORTED_ON, startDate: START });
    await recordMonthlyHours(
      consultant,
      id,
      consultantSchema.parse({ month: '2027-05', ordinaryHours: '12', internshipHours: '28', flexjobHours: '', wageSubsidyHours: '', reportedBy: 'citizen', correcting: '2027-05' }),
    );
    const seen = await agreementForConsultant(consultant, id);
    expect(seen.months).toEqual([{ month: '2027-05-01', ordinaryHours: 12, internshipHours: 28, flexjobHours: 0, wageSubsidyHours: 0, reportedBy: 'citizen' }]);
    const entry = { ordinaryHours: 0, internshipHours: 40, flexjobHours: 0, wageSubsidyHours: 0, reportedBy: 'company' };
    expect(seen.hoursChanges).toMatchObject([
      { month: '2027-05-01', before: entry, after: { ordinaryHours: 12, internshipHours: 28, reportedBy: 'citizen' }, changedByName: 'Mette Aftale', changedByRole: 'consultant' },
      { month: '2027-05-01', before: null, after: entry, changedByName: 'Bo Firma', changedByRole: 'company' },
    ]);
    expect(seen.hoursChanges[0]!.changedAt).toBeInstanceOf(Date);
    expect((await agreementForCompany(companyActor, id)).hoursChanges).toEqual(seen.hoursChanges);
    // The citizen's page shows the months, not the staff who typed them.
    expect((await agreementForCitizen(citizenUser, id)).hoursChanges).toEqual([]);
  });

  it('is not found for another company, and forbidden for a citizen or a consultant', async () => {
    const { id, citizenUser } = await activeAgreement();
    await expect(report(otherCompanyActor, id, month('2027-04', '10'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(companyMonthlyHoursSchemaFor(otherCompanyActor, id, { today: REPORTED_ON })).rejects.toBeInstanceOf(NotFoundError);
    await expect(companyMonthlyHoursSchemaFor(citizenUser, id, { today: REPORTED_ON })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(report(citizenUser, id, month('2027-04', '10'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(report(consultant, id, month('2027-04', '10'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(report(companyActor, randomUUID(), month('2027-04', '10'))).rejects.toBeInstanceOf(NotFoundError);
    expect(await savedMonths(id)).toEqual([]);
  });

  it('refuses hours over a month’s 744, a month in the future or before the start, in Danish at the field, saving nothing', async () => {
    const { id } = await activeAgreement();
    const valid = month('2027-04', '10');
    const refusal = (input: CompanyMonthlyHoursInput) => report(companyActor, id, input).catch((error: unknown) => error);
    expect(await refusal({ ...valid, ordinaryHours: 800 })).toMatchObject({ name: 'AgreementRefusedError', field: 'ordinaryHours', message: 'En måned har højst 744 timer.' });
    expect(await refusal({ ...valid, internshipHours: -1 })).toMatchObject({ field: 'internshipHours', message: 'Timetallet kan ikke være negativt.' });
    expect(await refusal({ ...valid, month: '2027-08-01' })).toMatchObject({ field: 'month', message: 'Måneden ligger i fremtiden. Timer registreres, når de er arbejdet.' });
    expect(await refusal({ ...valid, month: '2027-02-01' })).toMatchObject({ field: 'month', message: 'Måneden ligger før aftalen startede.' });
    // The form says the same before anything reaches the service.
    expect(schema.safeParse({ month: '2027-08', ordinaryHours: '800', internshipHours: '', flexjobHours: '', wageSubsidyHours: '' }).error?.issues.map((issue) => issue.message)).toEqual([
      'Måneden ligger i fremtiden. Timer registreres, når de er arbejdet.',
      'En måned har højst 744 timer.',
    ]);
    expect(await savedMonths(id)).toEqual([]);
  });

  it('refuses an agreement that is not active yet or has ended, saving nothing', async () => {
    const waiting = await activeAgreement({ confirmed: false });
    await expect(report(companyActor, waiting.id, month('2027-04', '10'))).rejects.toThrow('Aftalen er ikke aktiv endnu.');
    const ended = await activeAgreement();
    await endAgreement(consultant, ended.id, { endReason: 'Borgeren har fået et andet job.' });
    const refused = await report(companyActor, ended.id, month('2027-04', '10')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AgreementRefusedError);
    expect((refused as Error).message).toBe('Aftalen er afsluttet. Opfølgning og timer kan ikke længere registreres.');
    // The form's own check says so too, before it looks at the hours.
    await expect(companyMonthlyHoursSchemaFor(companyActor, ended.id, { today: REPORTED_ON })).rejects.toThrow('Aftalen er afsluttet.');
    expect(await savedMonths(waiting.id)).toEqual([]);
    expect(await savedMonths(ended.id)).toEqual([]);
  });
});

describe('missed follow-ups', () => {
  it('stay overdue one by one until each is logged or skipped with a reason', async () => {
    const [opening] = await handle.db
      .insert(openings)
      .values(testOpening(companyActor.companyId!, { startDate: START, title: 'Opvask, opfølgningen glippede' }))
      .returning({ id: openings.id });
    const [citizen] = await handle.db
      .insert(citizens)
      .values(testCitizen(consultant.jobcentreId!, { name: 'Dorte Glemt', hoursMin: 4, hoursMax: 12, consultantId: consultant.id }))
      .returning({ id: citizens.id });
    const citizenUser = await insertUser('citizen', { citizenId: citizen!.id }, 'Dorte Glemt');
    const source = { citizenId: citizen!.id, openingId: opening!.id };
    const { id } = await createAgreement(consultant, source, await parsedInput(source), { send: true });
    await confirmAgreement(companyActor, id);
    await confirmAgreement(citizenUser, id);
    const plan = (await agreementForConsultant(consultant, id)).current.followUpDates;
    const [first, second, third, fourth, fifth, sixth] = plan as [string, string, string, string, string, string];
    const today = '2027-06-10';
    expect(sixth < today).toBe(true);
    const overdueFor = async () => (await followUpsDue(consultant, { today })).overdue.find((item) => item.id === id);

    // Five missed, then the sixth held: the five stay on the overdue list, oldest first.
    await logFollowUp(consultant, id, { contactDate: sixth, withWhom: 'both', channel: 'meeting', summary: 'Endelig et møde.', nextStep: '', plannedDate: sixth });
    expect((await overdueFor())?.overdueDates).toEqual([first, second, third, fourth, fifth]);
    // A contact logged late for the oldest holds that one only; an extra contact holds none.
    await logFollowUp(consultant, id, { contactDate: today, withWhom: 'citizen', channel: 'phone', summary: 'Ringede om den første uge.', nextStep: '', plannedDate: first });
    await logFollowUp(consultant, id, { contactDate: today, withWhom: 'company', channel: 'phone', summary: 'Ekstra opkald.', nextStep: '', plannedDate: null });
    expect((await overdueFor())?.overdueDates).toEqual([second, third, fourth, fifth]);
    // Skipped with a reason, each leaves the list; a held date cannot be skipped, nor one outside the plan, nor one twice.
    for (const date of [second, third, fourth]) await skipFollowUp(consultant, id, { plannedDate: date, reason: 'Borgeren var syg, og virksomheden holdt lukket.' });
    await expect(skipFollowUp(consultant, id, { plannedDate: sixth, reason: 'Glemt.' })).rejects.toThrow('er allerede holdt og logget');
    await expect(skipFollowUp(consultant, id, { plannedDate: second, reason: 'Igen.' })).rejects.toThrow('er allerede sprunget over');
    await expect(skipFollowUp(consultant, id, { plannedDate: '2027-03-09', reason: 'Ikke planlagt.' })).rejects.toMatchObject({ field: 'plannedDate' });
    await expect(logFollowUp(consultant, id, { contactDate: today, withWhom: 'both', channel: 'phone', summary: 'Forkert dato.', nextStep: '', plannedDate: '2027-03-09' })).rejects.toMatchObject({
      field: 'plannedDate',
    });
    await expect(skipFollowUp(otherConsultant, id, { plannedDate: fifth, reason: 'Ikke min borger.' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await overdueFor())?.overdueDates).toEqual([fifth]);
    const view = await agreementForConsultant(consultant, id, { today });
    expect(view.plan.slice(0, 6).map((planned) => planned.state)).toEqual(['held', 'skipped', 'skipped', 'skipped', 'overdue', 'held']);
    expect(view.plan[1]).toMatchObject({ skipReason: 'Borgeren var syg, og virksomheden holdt lukket.' });
    await skipFollowUp(consultant, id, { plannedDate: fifth, reason: 'Sommerferie hos virksomheden.' });
    expect(await overdueFor()).toBeUndefined();
    await endAgreement(consultant, id, { endReason: 'Kun til testen af glemte opfølgninger.' });
  });
});
