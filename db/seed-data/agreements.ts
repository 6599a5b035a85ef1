/** The demo agreements in every state, and the contacts logged on them. Data only: db/seed.ts builds the rows from it. */
import { addDays, addMonths, endOfWeek, monthOf } from '../../app/domain/agreement-rules';
import { isWorkingDay } from '../../app/domain/danish-holidays';
import type { CompanyKey } from './organisations';

// ---------------------------------------------------------------------------------------------------------
// Agreements in every state (issue 5): a draft, active ones with a follow-up due this week and one overdue,
// one that reached 30 ordinary hours, one ended with a reason, and the demo citizen's own active agreement
// whose next follow-up lies ahead. Each opening keeps a free slot, so the openings stay open.

export type AgreementSeed = {
  citizen: string;
  company: CompanyKey;
  title: string;
  hours: number;
  internship?: number;
  /** 'awaiting_company': the citizen has confirmed, the company has not yet (its confirmation starts it). */
  state: 'draft' | 'awaiting_company' | 'active' | 'ended';
  /** The start, and which planned dates were held (logged as contacts): those before `heldBefore`. */
  plan: (today: string) => { start: string; heldBefore: string; alsoPlanned?: string };
  /** Ordinary hours of the months before this one, oldest first. */
  months?: number[];
  subGoal?: string;
  health?: string;
  endReason?: string;
};

export const sundayOrNextDay = (today: string) => (endOfWeek(today) === today ? today : addDays(today, 1));

export const DEMO_AGREEMENT_SEEDS: (Omit<AgreementSeed, 'state'> & Partial<Pick<AgreementSeed, 'state'>>)[] = [
  {
    // borger@jobbro.test: active, with the next follow-up ahead of today.
    citizen: 'Jonas Kristensen',
    company: 'lystrupKantine',
    title: 'Kantinemedhjælper – anretning og opvask',
    hours: 8,
    plan: (today) => ({ start: addDays(today, -40), heldBefore: today }),
    months: [14],
    subGoal: '10 ordinære timer om ugen',
    health: 'Har det bedst med faste opgaver og en fast kontaktperson.',
  },
  {
    // Active, the next planned follow-up this week.
    citizen: 'Kim Rasmussen',
    company: 'groenHave',
    title: 'Havemedhjælper – græsslåning og hækklipning',
    hours: 10,
    plan: (today) => {
      const due = sundayOrNextDay(today);
      // The plan proposes working days only; on a weekend the consultant has planned a visit on the day itself.
      return { start: addDays(due, -21), heldBefore: addDays(due, -1), alsoPlanned: isWorkingDay(due) ? undefined : due };
    },
    months: [24],
  },
  {
    // Active, the last planned follow-up five days ago was not held.
    citizen: 'Hanne Bak',
    company: 'kattegat',
    title: 'Pakkemedhjælper om eftermiddagen – småjob',
    hours: 8,
    internship: 2,
    plan: (today) => {
      const missed = addDays(today, -5);
      return { start: addDays(missed, -21), heldBefore: missed };
    },
    months: [18],
  },
  {
    // Reached 30 ordinary hours last month: 12, 22, 31.
    citizen: 'Fatima Al-Sayed',
    company: 'risskovVaskeri',
    title: 'Vaskerimedarbejder – sortering og foldning',
    hours: 8,
    plan: (today) => ({ start: addMonths(monthOf(today), -3), heldBefore: today }),
    months: [12, 22, 31],
  },
  {
    citizen: 'Ahmed Yusuf',
    company: 'cafeAaen',
    title: 'Opvasker i weekenden – småjob',
    hours: 6,
    state: 'draft',
    plan: (today) => ({ start: addDays(today, 14), heldBefore: today }),
  },
  {
    citizen: 'Nikolaj Berg',
    company: 'brabrandPleje',
    title: 'Hjælper ved middagsmaden – småjob',
    hours: 6,
    state: 'ended',
    plan: (today) => ({ start: addDays(today, -90), heldBefore: addDays(today, -60) }),
    endReason: 'Borgeren ønskede andre opgaver end servering. Vi leder efter et nyt job sammen.',
  },
  {
    // virksomhed3@jobbro.test: close to the mark "Socialt ansvarlig virksomhed" (decision 033). Its confirmation
    // starts its first agreement, the one criterion it misses; the mark's e2e story plays that.
    citizen: 'Ole Frandsen',
    company: 'egaaIdraet',
    title: 'Skånejob: opsyn og oprydning i omklædningsrum',
    hours: 10,
    state: 'awaiting_company',
    plan: (today) => ({ start: addDays(today, 14), heldBefore: today }),
  },
];

export const DEMO_AGREEMENTS: AgreementSeed[] = DEMO_AGREEMENT_SEEDS.map((seed) => ({ state: 'active', ...seed }));

export const CONTACT_SUMMARIES = [
  { withWhom: 'both' as const, channel: 'meeting' as const, summary: 'Opstartsmøde på arbejdspladsen. Opgaverne er på plads, og kontaktpersonen viste rundt.', nextStep: 'Tal om pauserne næste gang' },
  { withWhom: 'citizen' as const, channel: 'phone' as const, summary: 'Borgeren er glad for kollegerne og kommer til tiden.', nextStep: 'Følg op på timerne' },
  { withWhom: 'company' as const, channel: 'phone' as const, summary: 'Kontaktpersonen er tilfreds og vil gerne give flere timer på sigt.', nextStep: 'Aftal flere timer ved genforhandlingen' },
  { withWhom: 'both' as const, channel: 'video' as const, summary: 'Kort status: det går godt, og opgaverne passer.', nextStep: '' },
];
