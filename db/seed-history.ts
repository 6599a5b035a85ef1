/**
 * A year of finished work for Jobcenter Aarhus, so the leader's dashboard (/leder) shows something real after
 * `npm start`: closed openings, proposals answered yes and no, agreements that ran and ended, their monthly
 * hours (some reaching 30 ordinary hours, some falling back) and follow-ups held on time, late or not at all.
 * Every case here is closed and every opening filled or closed, so none of it reaches today's lists, matching
 * or /jobs: the demo stories keep the data they rely on. Deterministic: its own seeded random and `today`.
 */
import { randomUUID } from 'node:crypto';
import { addDays, addMonths, firstGoalMonth, monthOf, proposeFollowUpDates } from '../app/domain/agreement-rules';
import { ORDINARY_HOURS_GOAL } from '../app/domain/citizen-path';
import type { OpeningKind } from '../app/domain/vocabulary';
import type { Executor } from './client';
import { agreements, agreementVersions, citizens, followUps, matchProposals, monthlyHours, openings, searchOutbox } from './schema';
import { createRandom } from './seed-random';

const HISTORY_SEED = 0x2026_1217;
const CITIZENS = 72;
const OPENINGS_WITHOUT_CANDIDATE = 30;

type HistoryIds = {
  jobcentreId: string;
  /** A postcode's town and coordinates (db/seed.ts has the table). */
  placeOf: (postcode: string) => { postcode: string; city: string; lat: number; lon: number };
  /** The consultants whose closed cases these are. */
  consultants: string[];
  /** Company id, its login user (null: the jobcentre posts for it), and its contact. */
  companies: { id: string; userId: string | null; postcode: string; contact: { name: string; role: string; phone: string; email: string } }[];
};

const FIRST_NAMES = ['Anders', 'Birthe', 'Carsten', 'Dorte', 'Erik', 'Fatima', 'Gitte', 'Hassan', 'Inger', 'Jens', 'Karin', 'Leif', 'Maja', 'Niels', 'Olivia', 'Per', 'Rikke', 'Søren', 'Tina', 'Ulla', 'Vagn', 'Yasmin'];
const LAST_NAMES = ['Andersen', 'Bertelsen', 'Christiansen', 'Dahl', 'Eskildsen', 'Frandsen', 'Gregersen', 'Holm', 'Iversen', 'Juhl', 'Kristensen', 'Lund', 'Mikkelsen', 'Nygaard', 'Overgaard', 'Poulsen'];
const POSTCODES = ['8000', '8200', '8210', '8220', '8230', '8240', '8260', '8270', '8310', '8320', '8361', '8381'];
const TITLES: Record<OpeningKind, string[]> = {
  ordinary_hours: ['Hjælp i kantinen', 'Oprydning på lageret', 'Vask af biler', 'Pakning af varer', 'Rengøring af mødelokaler', 'Havearbejde'],
  flexjob: ['Fleksjob på lageret', 'Fleksjob i køkkenet', 'Fleksjob ved kassen', 'Fleksjob i vaskeriet'],
  sheltered_job: ['Skånejob i genbrugsbutikken', 'Skånejob i pedelteamet'],
};
const CITIZEN_NO = ['Passer ikke med mine timer', 'For langt at rejse', 'Jeg har fundet noget andet'];
const COMPANY_NO = ['Vi har fundet en anden', 'Stillingen er besat', 'Opgaverne passer ikke'];
const SUMMARIES = ['Det går godt, opgaverne passer.', 'Vi aftalte en time mere om ugen.', 'Borgeren trives og er stabil.'];

/** 09:00 Copenhagen-ish (08:00 UTC) on a day. */
const atNine = (day: string) => new Date(`${day}T08:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

export async function insertDemoHistory(tx: Executor, ids: HistoryIds, today: Date) {
  const random = createRandom(HISTORY_SEED);
  const day = isoOf(today);
  const daysAgo = (days: number) => addDays(day, -days);
  const openingRows: (typeof openings.$inferInsert & { id: string })[] = [];
  const proposalRows: (typeof matchProposals.$inferInsert)[] = [];
  const agreementRows: (typeof agreements.$inferInsert)[] = [];
  const versionRows: (typeof agreementVersions.$inferInsert)[] = [];
  const followUpRows: (typeof followUps.$inferInsert)[] = [];
  const hoursRows: (typeof monthlyHours.$inferInsert)[] = [];
  const citizenRows: (typeof citizens.$inferInsert & { id: string })[] = [];

  // Cases go to companies the jobcentre posts for, so the demo companies' own agreement lists stay as the stories
  // expect; openings without a candidate come from every company, also through the API.
  const jobOrderCompanies = ids.companies.filter((company) => company.userId === null);
  function newOpening(kind: OpeningKind, published: string, status: 'filled' | 'closed', withCandidates = true) {
    const company = random.pick(withCandidates ? jobOrderCompanies : ids.companies);
    const place = ids.placeOf(company.postcode);
    const byApi = company.userId !== null && random.chance(0.25);
    const row = {
      id: randomUUID(),
      companyId: company.id,
      kind,
      title: random.pick(TITLES[kind]),
      description: 'En tidligere jobordre fra det seneste år.',
      tasks: ['Praktiske opgaver'],
      hoursMin: kind === 'flexjob' ? 4 : 3,
      hoursMax: kind === 'flexjob' ? 15 : 10,
      flexjobExpectedHours: kind === 'flexjob' ? 8 : null,
      startDate: addDays(published, 14),
      slots: 1,
      postcode: place.postcode,
      city: place.city,
      lat: place.lat,
      lon: place.lon,
      contactName: company.contact.name,
      contactRole: company.contact.role,
      contactPhone: company.contact.phone,
      contactEmail: company.contact.email,
      status,
      isJobOrder: company.userId === null,
      createdVia: byApi ? ('api' as const) : ('form' as const),
      createdBy: company.userId ?? random.pick(ids.consultants),
      publishedAt: atNine(published),
      createdAt: atNine(addDays(published, -1)),
      updatedAt: atNine(addDays(published, 30) < day ? addDays(published, 30) : day),
    };
    openingRows.push(row);
    return row;
  }

  for (let index = 0; index < OPENINGS_WITHOUT_CANDIDATE; index += 1) {
    newOpening(random.pick(['ordinary_hours', 'ordinary_hours', 'flexjob', 'sheltered_job'] as const), daysAgo(random.int(20, 360)), 'closed', false);
  }

  for (let index = 0; index < CITIZENS; index += 1) {
    const flexjob = index % 3 === 0;
    const consultantId = ids.consultants[index % ids.consultants.length]!;
    const createdDay = daysAgo(random.int(150, 400));
    const place = ids.placeOf(random.pick(POSTCODES));
    const citizenId = randomUUID();
    let closedDay = daysAgo(random.int(2, 60));
    const kind: OpeningKind = flexjob ? 'flexjob' : 'ordinary_hours';
    // A fleksjob citizen may be placed at once ("i første hug") or after months on ledighedsydelse.
    const firstProposalDay = flexjob && random.chance(0.5) ? addDays(createdDay, random.int(3, 12)) : addDays(createdDay, random.int(20, 140));
    const attempts = random.chance(0.35) ? 2 : 1;
    let proposalDay = firstProposalDay;
    for (let attempt = 0; attempt < attempts && proposalDay < daysAgo(40); attempt += 1) {
      const last = attempt === attempts - 1;
      // Most fleksjob citizens get their fleksjob in the end (Aarhus has about 20 % fleksjob unemployment).
      const placedChance = flexjob ? 0.8 : 0.5;
      const outcome = last && random.chance(placedChance) ? 'placed' : random.pick(['citizenNo', 'companyNo', 'withdrawn'] as const);
      const opening = newOpening(kind, addDays(proposalDay, -random.int(1, 14)), outcome === 'placed' ? 'filled' : 'closed');
      const proposedAt = atNine(proposalDay);
      const answeredAt = atNine(addDays(proposalDay, random.int(1, 6)));
      const proposalId = randomUUID();
      const base = { id: proposalId, openingId: opening.id, citizenId, proposedBy: consultantId, origin: 'consultant' as const, explanation: '', createdAt: proposedAt, updatedAt: answeredAt };
      if (outcome === 'citizenNo') {
        proposalRows.push({ ...base, status: 'citizen_declined', citizenDeclinedAt: answeredAt, citizenReason: random.pick(CITIZEN_NO) });
      } else if (outcome === 'companyNo') {
        proposalRows.push({ ...base, status: 'company_declined', citizenAcceptedAt: answeredAt, companyDeclinedAt: atNine(addDays(proposalDay, 8)), companyReason: random.pick(COMPANY_NO) });
      } else if (outcome === 'withdrawn') {
        proposalRows.push({ ...base, status: 'withdrawn', withdrawnAt: answeredAt, withdrawnReason: 'Borgeren blev syg i perioden.' });
      } else {
        proposalRows.push({ ...base, status: 'accepted', citizenAcceptedAt: answeredAt, companyAcceptedAt: atNine(addDays(proposalDay, 7)) });
        const start = addDays(proposalDay, random.int(9, 16));
        const endDay = [addDays(start, random.int(90, 330)), daysAgo(random.int(2, 20))].sort()[0]!;
        closedDay = addDays(endDay, 1) < day ? addDays(endDay, 1) : day;
        const agreementId = randomUUID();
        const startHours = flexjob ? 8 : random.int(3, 7);
        const grown = !flexjob && random.chance(0.6);
        const contact = ids.companies.find((company) => company.id === opening.companyId)!.contact;
        // Hours month by month: growing towards the goal; some pass 30 and stay, some fall back.
        const months: { month: string; ordinaryHours: number }[] = [];
        for (let month = monthOf(start), step = 0; month < monthOf(endDay); month = addMonths(month, 1), step += 1) {
          const trend = startHours * 4.3 + step * (grown ? random.int(2, 5) : random.int(0, 2));
          const fallBack = step > 3 && random.chance(0.15) ? -random.int(8, 14) : 0;
          months.push({ month, ordinaryHours: flexjob ? 0 : Math.max(0, Math.round(trend + fallBack)) });
        }
        agreementRows.push({
          id: agreementId,
          citizenId,
          companyId: opening.companyId,
          openingId: opening.id,
          proposalId,
          status: 'ended',
          currentVersion: grown ? 2 : 1,
          activatedAt: atNine(addDays(start, -2)),
          goalReachedMonth: firstGoalMonth(months),
          endedAt: atNine(endDay),
          endReason: months.some((month) => month.ordinaryHours >= ORDINARY_HOURS_GOAL) ? 'Borgeren er blevet selvforsørgende.' : 'Forløbet er afsluttet.',
          createdBy: consultantId,
          createdAt: atNine(addDays(start, -5)),
          updatedAt: atNine(endDay),
        });
        const plan = proposeFollowUpDates(start, kind).filter((date) => date < endDay);
        const version = (number: number, hoursPerWeek: number, from: string) => ({
          agreementId,
          version: number,
          ordinaryHoursPerWeek: hoursPerWeek,
          schedule: { days: ['mon', 'wed'], parts: ['morning'] },
          startDate: from,
          renegotiationDate: addMonths(from, 3),
          tasks: ['Praktiske opgaver'],
          contactName: contact.name,
          contactRole: contact.role,
          contactPhone: contact.phone,
          contactEmail: contact.email,
          followUpDates: plan,
          companyConfirmedAt: atNine(addDays(from, -3)),
          citizenConfirmedAt: atNine(addDays(from, -2)),
          createdBy: consultantId,
          createdAt: atNine(addDays(from, -5)),
        });
        versionRows.push(version(1, startHours, start));
        if (grown) versionRows.push(version(2, startHours + random.int(2, 4), addMonths(start, 3)));
        for (const planned of plan) {
          const roll = random.next();
          if (roll < 0.15) continue;
          const contactDate = addDays(planned, roll < 0.27 ? random.int(8, 20) : random.int(0, 4));
          if (contactDate >= day) continue;
          followUpRows.push({ agreementId, contactDate, plannedDate: planned, withWhom: 'both', channel: 'phone', summary: random.pick(SUMMARIES), nextStep: '', createdBy: consultantId, createdAt: atNine(contactDate) });
        }
        for (const month of months) {
          hoursRows.push({ agreementId, month: month.month, ordinaryHours: month.ordinaryHours, flexjobHours: flexjob ? 32 : 0, reportedBy: 'company', recordedBy: consultantId, createdAt: atNine(addDays(addMonths(month.month, 1), 3)) });
        }
      }
      proposalDay = addDays(proposalDay, random.int(20, 60));
    }
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const createdAt = atNine(createdDay);
    citizenRows.push({
      id: citizenId,
      jobcentreId: ids.jobcentreId,
      consultantId,
      name,
      postcode: place.postcode,
      city: place.city,
      lat: place.lat,
      lon: place.lon,
      reachKm: 15,
      benefitStatus: flexjob ? 'flexjob_unemployment' : 'cash_benefit_activity_ready',
      flexjobVisitationUntil: flexjob ? addDays(day, random.int(200, 700)) : null,
      hoursMin: 3,
      hoursMax: flexjob ? 15 : 12,
      wishes: 'Praktiske opgaver.',
      consentToShare: true,
      consentUpdatedAt: createdAt,
      phase: 'towards_job',
      closedAt: atNine(closedDay),
      createdAt,
      updatedAt: atNine(closedDay),
    });
  }

  await tx.insert(citizens).values(citizenRows);
  await tx.insert(openings).values(openingRows);
  await tx.insert(matchProposals).values(proposalRows);
  await tx.insert(agreements).values(agreementRows);
  await tx.insert(agreementVersions).values(versionRows);
  if (followUpRows.length > 0) await tx.insert(followUps).values(followUpRows);
  if (hoursRows.length > 0) await tx.insert(monthlyHours).values(hoursRows);
  await tx.insert(searchOutbox).values([
    ...openingRows.map((row) => ({ entity: 'opening' as const, entityId: row.id })),
    ...citizenRows.map((row) => ({ entity: 'citizen' as const, entityId: row.id })),
  ]);
  return { citizens: citizenRows.length, openings: openingRows.length, agreements: agreementRows.length };
}
