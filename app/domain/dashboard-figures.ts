/**
 * The dashboard's figures as rows: the counts the SQL returns (app/services/dashboard.server.ts) made into
 * what a reader sees, by the rules of dashboard-rules.ts (small numbers hidden, shares, medians, goals). The
 * page, its charts and the CSV all read these rows, so they always show the same numbers.
 */
import {
  formatShown,
  goalDirection,
  goalMet,
  monthLabel,
  shareOf,
  shownAverage,
  shownCount,
  type FigureUnit,
  type GoalCode,
  type GoalDirection,
  type GoalsInput,
  type Period,
  type Shown,
} from './dashboard-rules';
import { OPENING_KIND_ENTRIES } from './vocabulary';

/** Whose figures: a jobcentre's, or one consultant's caseload within it. */
export type DashboardScope = { jobcentreId: string; consultantId: string | null };

export type MonthCount = Record<string, number>;
/** Per month ('YYYY-MM-01') and for the whole period (`total`), the counts of one breakdown. */
export type Series<T> = { months: Record<string, T>; total: T };

export type OpeningCounts = { received: number; withCandidate: number; filled: number; medianDaysToProposal: number | null };
export type FunnelCounts = { proposed: number; citizenYes: number; companyYes: number; signed: number; citizenNo: number; companyNo: number; withdrawn: number };
export type AgreementCounts = { started: number; activeAtEnd: number };
export type HoursCounts = { reached: number; inAgreement: number; firstReached: number; medianMonthsToReach: number | null };
export type FlexjobCounts = { visitated: number; withoutFlexjob: number; placed: number; placedFirstTime: number };
export type FollowUpCounts = { due: number; onTime: number };
export type CompanyCounts = { active: number; new: number };

export type DashboardCounts = {
  period: Period;
  scope: DashboardScope;
  openings: Series<OpeningCounts>;
  openingsByKind: Record<string, Series<OpeningCounts>>;
  openingsBySource: Record<string, Series<OpeningCounts>>;
  funnel: Series<FunnelCounts>;
  noReasons: { party: 'citizen' | 'company'; reason: string; count: number }[];
  agreements: Series<AgreementCounts>;
  agreementsByKind: Record<string, Series<AgreementCounts>>;
  hoursPerWeek: { agreements: number; atStart: number | null; now: number | null };
  ordinaryHours: Series<HoursCounts>;
  flexjob: Series<FlexjobCounts>;
  followUps: Series<FollowUpCounts>;
  overdueNow: number;
  companies: Series<CompanyCounts>;
  consultants: { id: string; name: string; proposals: number; started: number; reached: number; caseload: number }[];
};


export type Cell = Shown | null;
export type FigureGoal = { code: GoalCode; percent: number | null; direction: GoalDirection; met: boolean | null };
export type FigureRow = { key: string; label: string; unit: FigureUnit; months: Cell[]; total: Cell; goal?: FigureGoal; sub?: boolean };
export type DashboardSection = { id: string; title: string; rows: FigureRow[]; chart: { rowKey: string; title: string } };

const KIND_LABELS: Record<string, string> = { ...Object.fromEntries(OPENING_KIND_ENTRIES.map((entry) => [entry.code, entry.da])), none: 'Uden jobopslag' };
const SOURCE_LABELS: Record<string, string> = { company: 'oprettet af virksomheden', consultant: 'oprettet af en konsulent (jobordre)', api: 'modtaget via API' };

function row<T>(series: Series<T>, months: string[], key: string, label: string, unit: FigureUnit, cell: (counts: T) => Cell, extra: Partial<FigureRow> = {}): FigureRow {
  return { key, label, unit, months: months.map((month) => (series.months[month] ? cell(series.months[month]!) : null)), total: cell(series.total), ...extra };
}

function withGoal(figure: FigureRow, code: GoalCode, goals: GoalsInput): FigureRow {
  const direction = goalDirection(code);
  const percent = goals[code];
  return { ...figure, goal: { code, percent, direction, met: goalMet(figure.total, percent, direction) } };
}

/** Every section of the dashboard, in the page's order. */
export function dashboardSections(counts: DashboardCounts, goals: GoalsInput): DashboardSection[] {
  const months = counts.period.months;
  const o = counts.openings;
  const kinds = Object.keys(KIND_LABELS);
  const openingRows: FigureRow[] = [
    row(o, months, 'openingsReceived', 'Jobordrer modtaget', 'count', (c) => shownCount(c.received)),
    ...kinds
      .filter((kind) => counts.openingsByKind[kind])
      .map((kind) => row(counts.openingsByKind[kind]!, months, `openingsReceived.${kind}`, KIND_LABELS[kind]!, 'count', (c) => shownCount(c.received), { sub: true })),
    ...Object.keys(SOURCE_LABELS)
      .filter((source) => counts.openingsBySource[source])
      .map((source) => row(counts.openingsBySource[source]!, months, `openingsReceived.${source}`, SOURCE_LABELS[source]!, 'count', (c) => shownCount(c.received), { sub: true })),
    withGoal(row(o, months, 'openingsWithCandidate', 'Med mindst én kandidat', 'percent', (c) => shareOf(c.withCandidate, c.received)), 'openingsWithCandidate', goals),
    row(o, months, 'daysToFirstProposal', 'Dage til første forslag (median)', 'days', (c) => shownAverage(c.medianDaysToProposal, c.withCandidate)),
    withGoal(row(o, months, 'openingsFilled', 'Besat', 'percent', (c) => shareOf(c.filled, c.received)), 'openingsFilled', goals),
  ];
  const f = counts.funnel;
  const funnelRows: FigureRow[] = [
    row(f, months, 'proposed', 'Foreslået', 'count', (c) => shownCount(c.proposed)),
    row(f, months, 'citizenYes', 'Borgeren sagde ja', 'count', (c) => shownCount(c.citizenYes)),
    row(f, months, 'companyYes', 'Virksomheden sagde ja', 'count', (c) => shownCount(c.companyYes)),
    row(f, months, 'signed', 'Aftale indgået', 'count', (c) => shownCount(c.signed)),
    withGoal(row(f, months, 'proposalsSigned', 'Forslag, der blev til en aftale', 'percent', (c) => shareOf(c.signed, c.proposed)), 'proposalsSigned', goals),
    row(f, months, 'citizenNo', 'Borgeren sagde nej', 'count', (c) => shownCount(c.citizenNo)),
    row(f, months, 'companyNo', 'Virksomheden sagde nej', 'count', (c) => shownCount(c.companyNo)),
    row(f, months, 'withdrawn', 'Trukket tilbage', 'count', (c) => shownCount(c.withdrawn)),
  ];
  const a = counts.agreements;
  const h = counts.ordinaryHours;
  const agreementRows: FigureRow[] = [
    row(a, months, 'agreementsStarted', 'Aftaler startet', 'count', (c) => shownCount(c.started)),
    ...kinds
      .filter((kind) => counts.agreementsByKind[kind])
      .map((kind) => row(counts.agreementsByKind[kind]!, months, `agreementsStarted.${kind}`, KIND_LABELS[kind]!, 'count', (c) => shownCount(c.started), { sub: true })),
    row(a, months, 'agreementsActive', 'Aktive aftaler ved månedens udgang', 'count', (c) => shownCount(c.activeAtEnd)),
    ...kinds
      .filter((kind) => counts.agreementsByKind[kind])
      .map((kind) => row(counts.agreementsByKind[kind]!, months, `agreementsActive.${kind}`, KIND_LABELS[kind]!, 'count', (c) => shownCount(c.activeAtEnd), { sub: true })),
    row(h, months, 'reachedCount', 'Borgere med mindst 30 ordinære timer', 'count', (c) => shownCount(c.reached)),
    withGoal(row(h, months, 'reachedOrdinaryHours', 'Andel af borgere i aftale', 'percent', (c) => shareOf(c.reached, c.inAgreement)), 'reachedOrdinaryHours', goals),
    row(h, months, 'monthsToReach', 'Måneder fra første aftale til 30 timer første gang (median)', 'months', (c) => shownAverage(c.medianMonthsToReach, c.firstReached)),
  ];
  const fx = counts.flexjob;
  const flexjobRows: FigureRow[] = [
    row(fx, months, 'visitated', 'Visiterede til fleksjob', 'count', (c) => shownCount(c.visitated)),
    row(fx, months, 'withoutFlexjob', 'Visiterede uden fleksjob', 'count', (c) => shownCount(c.withoutFlexjob)),
    withGoal(row(fx, months, 'flexjobUnemployment', 'Fleksjobledighed', 'percent', (c) => shareOf(c.withoutFlexjob, c.visitated)), 'flexjobUnemployment', goals),
    row(fx, months, 'placed', 'Startet i første fleksjob', 'count', (c) => shownCount(c.placed)),
    withGoal(row(fx, months, 'flexjobFirstTime', 'Heraf i første hug', 'percent', (c) => shareOf(c.placedFirstTime, c.placed)), 'flexjobFirstTime', goals),
  ];
  const fu = counts.followUps;
  const cs = counts.companies;
  const followUpRows: FigureRow[] = [
    row(fu, months, 'followUpsDue', 'Planlagte opfølgninger', 'count', (c) => shownCount(c.due)),
    withGoal(row(fu, months, 'followUpsOnTime', 'Holdt til tiden', 'percent', (c) => shareOf(c.onTime, c.due)), 'followUpsOnTime', goals),
    row(cs, months, 'companiesActive', 'Aktive virksomheder', 'count', (c) => shownCount(c.active)),
    row(cs, months, 'companiesNew', 'Nye virksomheder', 'count', (c) => shownCount(c.new)),
  ];
  return [
    { id: 'jobordrer', title: 'Jobordrer', rows: openingRows, chart: { rowKey: 'openingsReceived', title: 'Jobordrer modtaget pr. måned' } },
    { id: 'forslag', title: 'Forslag og svar', rows: funnelRows, chart: { rowKey: 'proposed', title: 'Forslag pr. måned' } },
    { id: 'aftaler', title: 'Aftaler og 30 ordinære timer', rows: agreementRows, chart: { rowKey: 'reachedCount', title: 'Borgere med mindst 30 ordinære timer pr. måned' } },
    { id: 'fleksjob', title: 'Fleksjob', rows: flexjobRows, chart: { rowKey: 'flexjobUnemployment', title: 'Fleksjobledighed pr. måned' } },
    { id: 'opfoelgning', title: 'Opfølgning og virksomheder', rows: followUpRows, chart: { rowKey: 'followUpsOnTime', title: 'Opfølgninger holdt til tiden pr. måned' } },
  ];
}

/** "Mål: mindst 60 %" / "Mål: højst 10 %" / "Intet mål" */
export function goalText(goal: FigureGoal): string {
  if (goal.percent === null) return 'Intet mål';
  return `Mål: ${goal.direction === 'atLeast' ? 'mindst' : 'højst'} ${formatShown({ hidden: false, value: goal.percent }, 'percent')}`;
}

export function goalMetText(goal: FigureGoal): string {
  if (goal.percent === null) return '';
  return goal.met === null ? 'Kan ikke vurderes' : goal.met ? 'Nået' : 'Ikke nået';
}

/** One CSV field: quoted when it holds the separator, a quote or a line break; a leading =+-@ is defused. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The whole dashboard as CSV for a spreadsheet (semicolons and decimal commas, as Danish Excel reads them): one
 * line per figure and month, then the whole period, with the goal and whether it is met. Hidden cells say
 * "under 5" here too.
 */
export function dashboardCsv(sections: DashboardSection[], period: Period, extra: { label: string; value: string }[] = []): string {
  const lines = [['Afsnit', 'Tal', 'Måned', 'Værdi', 'Mål', 'Mål nået']];
  for (const section of sections) {
    for (const figure of section.rows) {
      period.months.forEach((month, index) => lines.push([section.title, figure.label, month.slice(0, 7), formatShown(figure.months[index] ?? null, figure.unit).replace(' %', ''), '', '']));
      lines.push([
        section.title,
        figure.label,
        `${period.from.slice(0, 7)}–${period.to.slice(0, 7)}`,
        formatShown(figure.total, figure.unit).replace(' %', ''),
        figure.goal ? goalText(figure.goal) : '',
        figure.goal ? goalMetText(figure.goal) : '',
      ]);
    }
  }
  for (const item of extra) lines.push(['Øvrige', item.label, `${period.to.slice(0, 7)}`, item.value, '', '']);
  return `\uFEFF${lines.map((line) => line.map(csvField).join(';')).join('\r\n')}\r\n`;
}

export { monthLabel };
