/**
 * Notifications by mail, against a real database: every kind reaches the one who waits, in their language,
 * with a link to the page where the step is done, and says nothing they may not see (no candidate's name to a
 * company, never health notes or restrictions); none when the kind is turned off, none to a deactivated user
 * or a citizen without consent; the scheduled ones (a follow-up tomorrow, a month's hours, the daily digest)
 * go once, however often they run; and a user's settings are their own.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { agreementInputSchema, proposeFollowUpDates } from '../../app/domain/agreement-rules';
import { loader as settingsLoader, action as settingsAction } from '../../app/routes/konto_.notifikationer';
import type { Actor } from '../../app/services/actor';
import { agreementDraft, confirmAgreement, createAgreement, renegotiateAgreement } from '../../app/services/agreements.server';
import { expressInterest } from '../../app/services/citizen-portal.server';
import { forwardCitizenInterest } from '../../app/services/interests.server';
import { setOwnConsent } from '../../app/services/consent.server';
import { notify, ownNotificationSettings, runScheduledNotifications, saveOwnNotificationSettings } from '../../app/services/notifications.server';
import { proposeCitizen, respondAsCitizen, respondAsCompany, takeBackOwnYes, withdrawProposal } from '../../app/services/proposals.server';
import { publicOrigin } from '../../app/services/public-origin.server';
import type { DatabaseHandle } from '../../db/client';
import { citizens, followUps, mailOutbox, matchProposals, monthlyHours, notifications, openings, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

const BASE = 'http://localhost:3000';
const TODAY = '2027-02-01';
const START = '2027-03-01';
const HEALTH_NOTE = 'Hemmelig diagnose Zeta';
const SHARED_HEALTH = 'Pause hver time Omega';

let handle: DatabaseHandle;
let jobcentreId: string;
let consultant: Actor & { email: string };
const cookies = new Map<string, string>();

type Person = Actor & { email: string };

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string, extra: Partial<typeof users.$inferInsert> = {}): Promise<Person> {
  const email = `${role}-${randomUUID()}@jobbro.test`;
  const [user] = await handle.db
    .insert(users)
    .values({ email, name, role, passwordHash: 'x', ...links, ...extra })
    .returning();
  const token = generateSessionToken();
  await createSession(token, user!.id);
  cookies.set(user!.id, `jobbro_session=${token}`);
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId, email };
}

/** A company with two users (the second one the agreement's contact), an open opening and a citizen with a login. */
async function scene({ citizen: citizenOverrides = {} }: { citizen?: Partial<typeof citizens.$inferInsert> } = {}) {
  const company = await insertTestCompany(handle.db, `Nordhavn Lager ${randomUUID().slice(0, 6)} ApS`);
  const owner = await insertUser('company', { companyId: company.id }, 'Kim Ejer');
  const contact = await insertUser('company', { companyId: company.id }, 'Kaj Kontakt');
  const title = `Lagerhjælp ${randomUUID().slice(0, 6)}`;
  const [opening] = await handle.db
    .insert(openings)
    .values(testOpening(company.id, { title, slots: 5, contactEmail: contact.email }))
    .returning({ id: openings.id });
  const citizenName = `Frida Fortrolig${randomUUID().slice(0, 4)}`;
  const [citizenRow] = await handle.db
    .insert(citizens)
    .values(testCitizen(jobcentreId, { consultantId: consultant.id, name: citizenName, healthNotes: HEALTH_NOTE, ...citizenOverrides }))
    .returning({ id: citizens.id, email: citizens.email });
  const citizen = await insertUser('citizen', { citizenId: citizenRow!.id }, citizenName);
  return { company, owner, contact, openingId: opening!.id, title, citizen, citizenId: citizenRow!.id, citizenName };
}

/** The mails to an address (every address here is new), oldest first. */
async function mailsTo(email: string) {
  return handle.db
    .select({ subject: mailOutbox.subject, body: mailOutbox.body })
    .from(mailOutbox)
    .where(eq(mailOutbox.to, email))
    .orderBy(asc(mailOutbox.id));
}

function expectNothingPrivate(body: string, s: { citizenName: string }) {
  expect(body).not.toContain(s.citizenName);
  expect(body).not.toContain('Frida');
  expect(body).not.toContain(HEALTH_NOTE);
  expect(body).not.toContain(SHARED_HEALTH);
  expect(body).not.toContain('tunge løft');
}

function agreementForm(overrides: Record<string, string | string[]> = {}) {
  return {
    ordinaryHoursPerWeek: '6',
    internshipHoursPerWeek: '0',
    days: ['mon', 'wed'],
    parts: ['morning'],
    startDate: START,
    renegotiationDate: '2027-06-01',
    tasks: 'Pakning\nOprydning',
    contactName: 'Kaj Kontakt',
    contactRole: 'Lagerchef',
    contactPhone: '87 65 43 21',
    contactEmail: '',
    sharedHealthConsiderations: SHARED_HEALTH,
    healthConsent: 'on',
    followUpDates: proposeFollowUpDates(START, 'ordinary_hours'),
    ...overrides,
  };
}

/** Proposed, both said yes, and an agreement sent to both for confirmation. */
async function sentAgreement(s: Awaited<ReturnType<typeof scene>>, overrides: Record<string, string | string[]> = {}) {
  const { id: proposalId } = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
  await respondAsCitizen(s.citizen, proposalId, { accept: true });
  await respondAsCompany(s.owner, proposalId, { accept: true });
  const draft = await agreementDraft(consultant, { proposalId }, { today: TODAY });
  const input = agreementInputSchema(draft.context).parse(agreementForm({ contactEmail: s.contact.email, ...overrides }));
  const { id } = await createAgreement(consultant, { proposalId }, input, { send: true });
  return { proposalId, agreementId: id, context: draft.context };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  jobcentreId = (await insertTestJobcentre(handle.db)).id;
  consultant = await insertUser('consultant', { jobcentreId }, 'Mette Formidler');
});

afterAll(async () => {
  await handle.close();
});

describe('a step that waits for someone', () => {
  it('a proposal goes to the citizen, in their language, with the link to answer it', async () => {
    const s = await scene();
    await saveOwnNotificationSettings(s.citizen, { disabledKinds: [], dailyDigest: false, mailLanguage: 'en' });
    const { id } = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });

    const [mail, ...more] = await mailsTo(s.citizen.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('You have been proposed for a job');
    expect(mail!.body).toContain(`"${s.title}" at ${s.company.name}`);
    expect(mail!.body).toContain(`${publicOrigin()}/borger/forslag/${id}`);
    expect(mail!.body).toContain(`${publicOrigin()}/konto/notifikationer`);
    expect(mail!.body).not.toContain(HEALTH_NOTE);
    // Asked nothing yet: the company hears of the candidate only after the citizen's yes.
    expect(await mailsTo(s.owner.email)).toHaveLength(0);
  });

  it('the citizen’s yes goes to every active company user, without name, contact or health notes', async () => {
    const s = await scene();
    const away = await insertUser('company', { companyId: s.company.id }, 'Gone User', { deactivatedAt: new Date() });
    const { id } = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCitizen(s.citizen, id, { accept: true });

    for (const user of [s.owner, s.contact]) {
      const [mail, ...more] = await mailsTo(user.email);
      expect(more).toHaveLength(0);
      expect(mail!.subject).toBe('En kandidat har sagt ja');
      expect(mail!.body).toContain(`"${s.title}"`);
      expect(mail!.body).toContain(`${publicOrigin()}/virksomhed/forslag/${id}`);
      expectNothingPrivate(mail!.body, s);
      const [citizenRow] = await handle.db.select({ email: citizens.email, phone: citizens.phone }).from(citizens).where(eq(citizens.id, s.citizenId));
      expect(mail!.body).not.toContain(citizenRow!.email!);
    }
    expect(await mailsTo(away.email)).toHaveLength(0);
    // The citizen's own yes waits for the company, not for the consultant.
    expect(await mailsTo(consultant.email).then((mails) => mails.filter((mail) => mail.body.includes(s.title)))).toHaveLength(0);
  });

  it('the company’s answer goes to the consultant; when both said yes, with the link to write the agreement', async () => {
    const s = await scene();
    const first = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCompany(s.owner, first.id, { accept: false, reason: 'Vi har fundet en anden.' });
    const second = await scene();
    const both = await proposeCitizen(consultant, { openingId: second.openingId, citizenId: second.citizenId }, { today: TODAY });
    await respondAsCompany(second.owner, both.id, { accept: true });
    await respondAsCitizen(second.citizen, both.id, { accept: true });

    const mine = (await mailsTo(consultant.email)).filter((mail) => mail.body.includes(s.title) || mail.body.includes(second.title));
    expect(mine.map((mail) => mail.subject)).toEqual(['Virksomheden har sagt nej', 'Virksomheden har sagt ja', 'Begge har sagt ja: skriv aftalen']);
    expect(mine[0]!.body).toContain(`${publicOrigin()}/konsulent/borgere/${s.citizenId}`);
    expect(mine[2]!.body).toContain(`${publicOrigin()}/konsulent/aftaler/ny?forslag=${both.id}`);
    for (const mail of mine) expect(mail.body).not.toContain(HEALTH_NOTE);
    // The company that said yes first hears that the candidate said yes too; it may see the name now, but the mail does not carry it.
    const [companyMail] = await mailsTo(second.owner.email);
    expect(companyMail!.body).toContain('har også sagt ja');
    expectNothingPrivate(companyMail!.body, second);
  });

  it('a citizen’s interest goes to their consultant; passed on, it goes to the company as a candidate’s yes', async () => {
    const s = await scene();
    const { proposalId } = await expressInterest(s.citizen, s.openingId, { today: TODAY });
    const [interest] = (await mailsTo(consultant.email)).filter((mail) => mail.body.includes(s.title));
    expect(interest!.subject).toBe('En borger er interesseret i et job');
    expect(interest!.body).not.toContain(s.citizenName);
    expect(await mailsTo(s.owner.email)).toHaveLength(0);

    await forwardCitizenInterest(consultant, proposalId, { today: TODAY });
    const [passedOn] = await mailsTo(s.owner.email);
    expect(passedOn!.subject).toBe('En kandidat har sagt ja');
    expectNothingPrivate(passedOn!.body, s);
  });

  it('an agreement and a new version go to both parties to confirm, without the health considerations', async () => {
    const s = await scene();
    const { agreementId, proposalId, context } = await sentAgreement(s);
    const after = async (email: string) => (await mailsTo(email)).filter((mail) => mail.subject.includes('aftale') || mail.subject.includes('agreement'));

    const [citizenMail] = await after(s.citizen.email);
    expect(citizenMail!.subject).toBe('Din aftale venter på din bekræftelse');
    expect(citizenMail!.body).toContain(`${publicOrigin()}/borger/aftaler/${agreementId}`);
    expect(citizenMail!.body).not.toContain(SHARED_HEALTH);
    for (const user of [s.owner, s.contact]) {
      const [mail] = await after(user.email);
      expect(mail!.subject).toBe('En aftale venter på jeres bekræftelse');
      expect(mail!.body).toContain(`${publicOrigin()}/virksomhed/aftaler/${agreementId}`);
      expectNothingPrivate(mail!.body, s);
    }

    await confirmAgreement(s.owner, agreementId);
    await confirmAgreement(s.citizen, agreementId);
    const renegotiated = agreementInputSchema(context, { renegotiation: true }).parse(agreementForm({ ordinaryHoursPerWeek: '8', changeNote: 'Flere timer' }));
    await renegotiateAgreement(consultant, agreementId, renegotiated);
    expect((await after(s.citizen.email)).map((mail) => mail.subject)).toEqual(['Din aftale venter på din bekræftelse', 'En ny version af din aftale venter på dig']);
    const [, version2] = await after(s.owner.email);
    expect(version2!.body).toContain('Version 2 af aftalen');
    expect(proposalId).toBeTruthy();
  });

  it('a withdrawn proposal goes to whoever was waiting on it; the company is not told why', async () => {
    const s = await scene();
    const { id } = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCitizen(s.citizen, id, { accept: true });
    await withdrawProposal(consultant, { proposalId: id, reason: 'Jobbet passer ikke med din behandling' });

    const citizenMails = await mailsTo(s.citizen.email);
    expect(citizenMails.map((mail) => mail.subject)).toEqual(['Du er foreslået til et job', 'Et forslag er trukket tilbage']);
    expect(citizenMails[1]!.body).toContain(`${publicOrigin()}/borger/forslag/${id}`);
    const companyMails = await mailsTo(s.owner.email);
    expect(companyMails.map((mail) => mail.subject)).toEqual(['En kandidat har sagt ja', 'Et forslag er trukket tilbage']);
    expect(companyMails[1]!.body).not.toContain('behandling');
    expectNothingPrivate(companyMails[1]!.body, s);
  });

  it('withdrawn consent ends open proposals: the company is told, the citizen (who did it) is not mailed about it', async () => {
    const s = await scene();
    const { id } = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCitizen(s.citizen, id, { accept: true });
    await setOwnConsent(s.citizen, false);
    expect((await mailsTo(s.owner.email)).map((mail) => mail.subject)).toEqual(['En kandidat har sagt ja', 'Et forslag er trukket tilbage']);
    expect((await mailsTo(s.citizen.email)).map((mail) => mail.subject)).toEqual(['Du er foreslået til et job']);
  });

  it('a yes taken back is told to the company and the consultant', async () => {
    const s = await scene();
    const { id } = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCitizen(s.citizen, id, { accept: true });
    await takeBackOwnYes(s.citizen, id);
    const [, takenBack] = await mailsTo(s.owner.email);
    expect(takenBack!.body).toContain('har trukket sit ja tilbage');
    expectNothingPrivate(takenBack!.body, s);
    expect((await mailsTo(consultant.email)).filter((mail) => mail.body.includes(s.title)).map((mail) => mail.subject)).toEqual(['Borgeren har trukket sit ja tilbage']);
  });
});

describe('who never gets a mail', () => {
  it('nobody gets a kind they turned off', async () => {
    const s = await scene();
    await saveOwnNotificationSettings(s.citizen, { disabledKinds: ['proposal_for_citizen'], dailyDigest: false, mailLanguage: 'da' });
    await saveOwnNotificationSettings(s.owner, { disabledKinds: ['candidate_said_yes'], dailyDigest: false, mailLanguage: 'da' });
    const { id } = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCitizen(s.citizen, id, { accept: true });
    expect(await mailsTo(s.citizen.email)).toHaveLength(0);
    expect(await mailsTo(s.owner.email)).toHaveLength(0);
    expect(await mailsTo(s.contact.email)).toHaveLength(1);
  });

  it('a deactivated citizen, and a citizen without consent, get no proposal mail', async () => {
    const s = await scene();
    await handle.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, s.citizen.id));
    await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    expect(await mailsTo(s.citizen.email)).toHaveLength(0);

    // A proposal left from before consent was withdrawn: the rules still keep the mail back.
    const without = await scene({ citizen: { consentToShare: false } });
    const [row] = await handle.db
      .insert(matchProposals)
      .values({ openingId: without.openingId, citizenId: without.citizenId, proposedBy: consultant.id, status: 'proposed' })
      .returning({ id: matchProposals.id });
    await notify(handle.db, { kind: 'proposal_for_citizen', proposalId: row!.id });
    expect(await mailsTo(without.citizen.email)).toHaveLength(0);
  });
});

describe('scheduled notifications', () => {
  // 10:00 in Copenhagen on 10 May 2027; the follow-up is the day after.
  const NOW = new Date('2027-05-10T08:00:00Z');
  const TOMORROW = '2027-05-11';

  async function activeAgreement(s: Awaited<ReturnType<typeof scene>>) {
    const plan = [...new Set([...proposeFollowUpDates(START, 'ordinary_hours'), TOMORROW])].sort();
    const { agreementId } = await sentAgreement(s, { followUpDates: plan });
    await confirmAgreement(s.owner, agreementId);
    await confirmAgreement(s.citizen, agreementId);
    return agreementId;
  }

  it('the day before a follow-up: the citizen and the company’s contact person, once however often it runs', async () => {
    const s = await scene();
    const agreementId = await activeAgreement(s);
    const held = await scene();
    const heldId = await activeAgreement(held);
    await handle.db.insert(followUps).values({ agreementId: heldId, contactDate: '2027-05-09', withWhom: 'both', channel: 'phone', summary: 'Holdt før tid', plannedDate: TOMORROW });

    // Two instances at once, and a restart an hour later.
    await Promise.all([runScheduledNotifications({ now: NOW }), runScheduledNotifications({ now: NOW })]);
    await runScheduledNotifications({ now: new Date(NOW.getTime() + 60 * 60 * 1000) });

    const followUpMails = async (email: string) => (await mailsTo(email)).filter((mail) => mail.subject.includes('pfølgning') || mail.subject.includes('Follow-up'));
    const [citizenMail, ...twice] = await followUpMails(s.citizen.email);
    expect(twice).toHaveLength(0);
    expect(citizenMail!.subject).toBe('Opfølgning i morgen');
    expect(citizenMail!.body).toContain('11. maj 2027');
    expect(citizenMail!.body).toContain(`${publicOrigin()}/borger/aftaler/${agreementId}`);
    const [contactMail, ...again] = await followUpMails(s.contact.email);
    expect(again).toHaveLength(0);
    expect(contactMail!.body).toContain(`${publicOrigin()}/virksomhed/aftaler/${agreementId}`);
    expectNothingPrivate(contactMail!.body, s);
    // Only the contact person, not every user of the company; nothing for a follow-up already held.
    expect(await followUpMails(s.owner.email)).toHaveLength(0);
    expect(await followUpMails(held.citizen.email)).toHaveLength(0);
    // Before 07:00 the next day nothing goes, even though a follow-up is due the day after.
    expect(await runScheduledNotifications({ now: new Date('2027-06-14T03:00:00Z') })).toEqual({ followUps: 0, hoursReminders: 0, digests: 0 });
  });

  it('a monthly reminder to report last month’s hours goes to the company once, and not when they are reported', async () => {
    const s = await scene();
    const agreementId = await activeAgreement(s);
    const reported = await scene();
    const reportedId = await activeAgreement(reported);
    await handle.db.insert(monthlyHours).values({ agreementId: reportedId, month: '2027-04-01', ordinaryHours: 20, reportedBy: 'company' });

    await runScheduledNotifications({ now: NOW });
    await runScheduledNotifications({ now: NOW });
    const reminders = (await mailsTo(s.owner.email)).filter((mail) => mail.subject.startsWith('Indberet'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe('Indberet timerne for april 2027');
    expect(reminders[0]!.body).toContain(`"${s.title}"`);
    expect(reminders[0]!.body).toContain(`${publicOrigin()}/virksomhed/aftaler/${agreementId}`);
    expectNothingPrivate(reminders[0]!.body, s);
    expect((await mailsTo(reported.owner.email)).filter((mail) => mail.subject.startsWith('Indberet'))).toHaveLength(0);
    // The citizen is not the one asked.
    expect((await mailsTo(s.citizen.email)).filter((mail) => mail.subject.startsWith('Indberet'))).toHaveLength(0);
  });

  it('a company user who chose the daily digest gets the day’s notifications in one mail, once a day', async () => {
    const s = await scene();
    await saveOwnNotificationSettings(s.owner, { disabledKinds: [], dailyDigest: true, mailLanguage: 'da' });
    const first = await proposeCitizen(consultant, { openingId: s.openingId, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCitizen(s.citizen, first.id, { accept: true });
    const [otherOpening] = await handle.db.insert(openings).values(testOpening(s.company.id, { title: `${s.title} aften`, slots: 2 })).returning({ id: openings.id });
    const second = await proposeCitizen(consultant, { openingId: otherOpening!.id, citizenId: s.citizenId }, { today: TODAY });
    await respondAsCitizen(s.citizen, second.id, { accept: true });
    expect(await mailsTo(s.owner.email)).toHaveLength(0);
    expect(await mailsTo(s.contact.email)).toHaveLength(2);

    const morning = new Date('2027-05-10T05:30:00Z'); // 07:30 in Copenhagen
    await Promise.all([runScheduledNotifications({ now: morning }), runScheduledNotifications({ now: morning })]);
    await runScheduledNotifications({ now: new Date(morning.getTime() + 15 * 60 * 1000) });
    const [digest, ...more] = await mailsTo(s.owner.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe('Jobbro: 2 ting venter på dig');
    expect(digest!.body).toContain(`${publicOrigin()}/virksomhed/forslag/${first.id}`);
    expect(digest!.body).toContain(`${publicOrigin()}/virksomhed/forslag/${second.id}`);
    expectNothingPrivate(digest!.body, s);

    // What comes later that day waits for the next day's digest.
    await withdrawProposal(consultant, { proposalId: second.id, reason: 'Jobbet er besat.' });
    await runScheduledNotifications({ now: new Date('2027-05-10T12:00:00Z') });
    expect(await mailsTo(s.owner.email)).toHaveLength(1);
    await runScheduledNotifications({ now: new Date('2027-05-11T06:00:00Z') });
    const [, nextDay] = await mailsTo(s.owner.email);
    expect(nextDay!.subject).toBe('Jobbro: 1 ting venter på dig');
    const [row] = await handle.db.select({ n: notifications.id }).from(notifications).where(and(eq(notifications.userId, s.owner.id), eq(notifications.kind, 'daily_digest')));
    expect(row).toBeTruthy();
  });
});

describe('the settings page', () => {
  const args = (request: Request) => ({ request, params: {}, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
  const post = (actor: Actor, form: [string, string][]) =>
    new Request(`${BASE}/konto/notifikationer`, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { Cookie: cookies.get(actor.id)!, 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE },
    });

  it('saves only the signed-in user’s own settings; another user’s id in the form changes nothing', async () => {
    const s = await scene();
    const answer = await settingsAction(
      args(
        post(s.owner, [
          ['kinds', 'candidate_said_yes'],
          ['kinds', 'agreement_to_confirm'],
          ['delivery', 'digest'],
          ['userId', s.contact.id],
        ]),
      ),
    );
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get('Location')).toBe('/konto/notifikationer?gemt=1');
    expect(await ownNotificationSettings(s.owner)).toEqual({ disabledKinds: ['follow_up_tomorrow', 'hours_reminder', 'proposal_withdrawn'], dailyDigest: true, mailLanguage: 'da' });
    expect(await ownNotificationSettings(s.contact)).toEqual({ disabledKinds: [], dailyDigest: false, mailLanguage: 'da' });

    const page = await settingsLoader(args(new Request(`${BASE}/konto/notifikationer`, { headers: { Cookie: cookies.get(s.contact.id)! } })));
    expect(page.values).toEqual({ enabledKinds: ['candidate_said_yes', 'agreement_to_confirm', 'follow_up_tomorrow', 'hours_reminder', 'proposal_withdrawn'], delivery: 'single', mailLanguage: 'da' });
  });

  it('a citizen cannot choose the digest; a bad language comes back at the field with the values kept', async () => {
    const s = await scene();
    await settingsAction(args(post(s.citizen, [['kinds', 'proposal_for_citizen'], ['delivery', 'digest'], ['mailLanguage', 'en']])));
    expect(await ownNotificationSettings(s.citizen)).toEqual({
      disabledKinds: ['agreement_to_confirm', 'follow_up_tomorrow', 'proposal_withdrawn'],
      dailyDigest: false,
      mailLanguage: 'en',
    });
    const refused = (await settingsAction(args(post(s.citizen, [['kinds', 'follow_up_tomorrow'], ['mailLanguage', 'fr']])))) as unknown as { data: { errors: Record<string, string>; values: { enabledKinds: string[] } }; init: { status: number } };
    expect(refused.init.status).toBe(400);
    expect(refused.data.errors.mailLanguage).toBe('Vælg dansk eller engelsk.');
    expect(refused.data.values.enabledKinds).toEqual(['follow_up_tomorrow']);
  });

  it('asks a visitor to log in', async () => {
    await expect(settingsLoader(args(new Request(`${BASE}/konto/notifikationer`)))).rejects.toSatisfy((thrown: unknown) => thrown instanceof Response && thrown.status === 302);
  });
});
