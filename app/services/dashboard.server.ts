/**
 * The leader's dashboard (issue 17): every figure counted in SQL over the tables the work already writes
 * (openings, proposals, agreements, monthly hours, follow-ups), no copy. Months are Copenhagen's months: a
 * timestamp is put in the month its Danish wall clock shows, so an agreement signed at 00:30 on 1 March in
 * Copenhagen (23:30 UTC on 28 February) counts in March. The rules (what is hidden, shares, goals) are in
 * app/domain/dashboard-rules.ts; only counts, never a citizen's name or id, leave this file.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { jobcentreGoals, jobcentres } from '../../db/schema';
import { addMonths } from '../domain/agreement-rules';
import { ORDINARY_HOURS_GOAL } from '../domain/citizen-path';
import { dashboardCsv, dashboardSections } from '../domain/dashboard-figures';
import {
  FLEXJOB_FIRST_TIME_DAYS,
  FOLLOW_UP_ON_TIME_DAYS,
  formatShown,
  GOAL_CODES,
  parsePeriod,
  shownAverage,
  shownCount,
  type GoalCode,
  type GoalsInput,
  type Period,
  type Shown,
} from '../domain/dashboard-rules';
import { toIsoDate } from '../domain/format';
import type { AgreementCounts, CompanyCounts, DashboardCounts, DashboardScope, FlexjobCounts, FollowUpCounts, FunnelCounts, HoursCounts, OpeningCounts, Series } from '../domain/dashboard-figures';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { isUuid } from './object-access.server';

// A literal, not a parameter: GROUPING() needs the very expression of the GROUP BY, and $1 and $2 are not that.
const ZONE = sql.raw("'Europe/Copenhagen'");

/**
 * The scope an actor may see: a leader their jobcentre; a consultant their jobcentre or their own caseload.
 * Another jobcentre asked for by id is 404 (its existence is not confirmed); a company or citizen is 403.
 */
export function dashboardScopeFor(actor: Actor, options: { requestedJobcentreId?: string | null; caseload?: boolean } = {}): DashboardScope {
  if ((actor.role !== 'leader' && actor.role !== 'consultant') || !actor.jobcentreId) throw new ForbiddenError('Tallene er kun for jobcentrets ledere og konsulenter.');
  const requested = options.requestedJobcentreId;
  if (requested && (!isUuid(requested) || requested !== actor.jobcentreId)) throw new NotFoundError('Jobcentret');
  return { jobcentreId: actor.jobcentreId, consultantId: actor.role === 'consultant' && options.caseload ? actor.id : null };
}

type Bounds = { from: string; to: string; end: string; today: string };

const n = (value: unknown) => Number(value ?? 0);
const nOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const monthKey = (value: unknown) => (value === null || value === undefined ? null : toIsoDate(value instanceof Date ? value : String(value).slice(0, 10)));

/**
 * One dashboard query, with PostgreSQL's JIT off: the planner's estimates for the month-by-month CTEs are far
 * too high, which switched JIT on, and compiling took ~1.9 s for a query that runs in ~0.2 s (bench/RESULTS.md).
 */
async function rows<T = Record<string, unknown>>(query: SQL): Promise<T[]> {
  const result = await db().transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(query);
  });
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Copenhagen's midnight at the start of a month ('YYYY-MM-01') as a timestamptz. */
const startOf = (month: string) => sql`(${month}::timestamp at time zone ${ZONE})`;
const bucket = (column: SQL) => sql`date_trunc('month', ${column} at time zone ${ZONE})::date`;

/** The citizens in scope, as a subquery: the jobcentre's, or one consultant's. */
function scopedCitizens(scope: DashboardScope) {
  return sql`(select id, consultant_id, created_at, closed_at, flexjob_visitation_until from citizens
    where jobcentre_id = ${scope.jobcentreId} and (${scope.consultantId}::uuid is null or consultant_id = ${scope.consultantId}::uuid))`;
}

/** The months of the period with their Copenhagen start and end, as a subquery. */
function monthsTable(bounds: Bounds) {
  return sql`(select m::date as month, (m::timestamp at time zone ${ZONE}) as starts, ((m + interval '1 month')::timestamp at time zone ${ZONE}) as ends
    from generate_series(${bounds.from}::date, ${bounds.to}::date, interval '1 month') as m)`;
}

/**
 * The openings of the scope (all time), as a subquery of ids: for a jobcentre, those one of its staff posted
 * (jobordre), those of a company it registered, and those one of its citizens was proposed for; for a
 * caseload, those the consultant posted and those one of their citizens was proposed for (decision 032).
 * Hash joins over whole tables, not a check per opening: that was most of the time at 20,000 openings.
 */
function scopedOpenings(scope: DashboardScope) {
  if (scope.consultantId) {
    return sql`(select o.id from openings o where o.created_by = ${scope.consultantId}::uuid
      union select p.opening_id from match_proposals p join ${scopedCitizens(scope)} sc on sc.id = p.citizen_id)`;
  }
  return sql`(select o.id from openings o join users creator on creator.id = o.created_by where creator.jobcentre_id = ${scope.jobcentreId}
    union select o.id from openings o join companies co on co.id = o.company_id where co.created_by_jobcentre_id = ${scope.jobcentreId}
    union select p.opening_id from match_proposals p join ${scopedCitizens(scope)} sc on sc.id = p.citizen_id)`;
}

function emptySeries<T>(months: string[], zero: () => T): Series<T> {
  return { months: Object.fromEntries(months.map((month) => [month, zero()])), total: zero() };
}

const zeroOpenings = (): OpeningCounts => ({ received: 0, withCandidate: 0, filled: 0, medianDaysToProposal: null });

async function openingFigures(scope: DashboardScope, bounds: Bounds, months: string[]) {
  const result = await rows(sql`
    with first_proposals as (select opening_id, min(created_at) as first_proposal from match_proposals group by opening_id),
    filled as (select distinct opening_id from agreements where activated_at is not null and opening_id is not null),
    measured as (
      select o.id, o.kind::text as kind, o.published_at, fp.first_proposal, f.opening_id is not null as filled,
        case when o.created_via = 'api' then 'api' when o.is_job_order then 'consultant' else 'company' end as source,
        ${bucket(sql`o.published_at`)} as month
      from openings o
      join ${scopedOpenings(scope)} so on so.id = o.id
      left join first_proposals fp on fp.opening_id = o.id
      left join filled f on f.opening_id = o.id
      where o.published_at >= ${startOf(bounds.from)} and o.published_at < ${startOf(bounds.end)}
    )
    select month, kind, source, grouping(month) as all_months, grouping(kind) as all_kinds, grouping(source) as all_sources,
      count(*) as received, count(first_proposal) as with_candidate, count(*) filter (where filled) as filled,
      percentile_cont(0.5) within group (order by extract(epoch from first_proposal - published_at) / 86400) as median_days
    from measured
    group by grouping sets ((month), (month, kind), (month, source), (), (kind), (source))`);
  const all = emptySeries(months, zeroOpenings);
  const byKind: Record<string, Series<OpeningCounts>> = {};
  const bySource: Record<string, Series<OpeningCounts>> = {};
  for (const row of result) {
    const counts: OpeningCounts = {
      received: n(row.received),
      withCandidate: n(row.with_candidate),
      filled: n(row.filled),
      medianDaysToProposal: nOrNull(row.median_days),
    };
    const target =
      n(row.all_kinds) === 0 ? (byKind[String(row.kind)] ??= emptySeries(months, zeroOpenings)) : n(row.all_sources) === 0 ? (bySource[String(row.source)] ??= emptySeries(months, zeroOpenings)) : all;
    if (n(row.all_months) === 1) target.total = counts;
    else target.months[monthKey(row.month)!] = counts;
  }
  return { all, byKind, bySource };
}

const zeroFunnel = (): FunnelCounts => ({ proposed: 0, citizenYes: 0, companyYes: 0, signed: 0, citizenNo: 0, companyNo: 0, withdrawn: 0 });

async function funnelFigures(scope: DashboardScope, bounds: Bounds, months: string[]) {
  const result = await rows(sql`
    select ${bucket(sql`p.created_at`)} as month, grouping(${bucket(sql`p.created_at`)}) as all_months,
      count(*) as proposed, count(p.citizen_accepted_at) as citizen_yes, count(p.company_accepted_at) as company_yes,
      count(signed.proposal_id) as signed,
      count(p.citizen_declined_at) as citizen_no, count(p.company_declined_at) as company_no, count(p.withdrawn_at) as withdrawn
    from match_proposals p
    join ${scopedCitizens(scope)} sc on sc.id = p.citizen_id
    left join (select distinct proposal_id from agreements where activated_at is not null and proposal_id is not null) signed on signed.proposal_id = p.id
    where p.created_at >= ${startOf(bounds.from)} and p.created_at < ${startOf(bounds.end)}
    group by grouping sets ((${bucket(sql`p.created_at`)}), ())`);
  const series = emptySeries(months, zeroFunnel);
  for (const row of result) {
    const counts: FunnelCounts = {
      proposed: n(row.proposed),
      citizenYes: n(row.citizen_yes),
      companyYes: n(row.company_yes),
      signed: n(row.signed),
      citizenNo: n(row.citizen_no),
      companyNo: n(row.company_no),
      withdrawn: n(row.withdrawn),
    };
    if (n(row.all_months) === 1) series.total = counts;
    else series.months[monthKey(row.month)!] = counts;
  }
  // A reason is shown only when at least five gave the same words: a rarer one could tell who said it.
  const reasons = await rows(sql`
    select party, reason, count(*) as count from (
      select 'citizen' as party, lower(btrim(p.citizen_reason)) as reason from match_proposals p join ${scopedCitizens(scope)} sc on sc.id = p.citizen_id
        where p.citizen_declined_at is not null and p.created_at >= ${startOf(bounds.from)} and p.created_at < ${startOf(bounds.end)}
      union all
      select 'company', lower(btrim(p.company_reason)) from match_proposals p join ${scopedCitizens(scope)} sc on sc.id = p.citizen_id
        where p.company_declined_at is not null and p.created_at >= ${startOf(bounds.from)} and p.created_at < ${startOf(bounds.end)}
    ) said
    where reason is not null and reason <> ''
    group by party, reason having count(*) >= 5
    order by count(*) desc, reason limit 10`);
  const noReasons = reasons.map((row) => ({ party: row.party as 'citizen' | 'company', reason: String(row.reason), count: n(row.count) }));
  return { series, noReasons };
}

const zeroAgreements = (): AgreementCounts => ({ started: 0, activeAtEnd: 0 });

async function agreementFigures(scope: DashboardScope, bounds: Bounds, months: string[]) {
  const result = await rows(sql`
    select m.month, coalesce(o.kind::text, 'none') as kind, grouping(coalesce(o.kind::text, 'none')) as all_kinds,
      count(*) filter (where a.activated_at >= m.starts and a.activated_at < m.ends) as started,
      count(*) filter (where a.ended_at is null or a.ended_at >= m.ends) as active_at_end
    from ${monthsTable(bounds)} m
    join agreements a on a.activated_at is not null and a.activated_at < m.ends
    join ${scopedCitizens(scope)} sc on sc.id = a.citizen_id
    left join openings o on o.id = a.opening_id
    group by grouping sets ((m.month), (m.month, coalesce(o.kind::text, 'none')))`);
  const all = emptySeries(months, zeroAgreements);
  const byKind: Record<string, Series<AgreementCounts>> = {};
  for (const row of result) {
    const target = n(row.all_kinds) === 0 ? (byKind[String(row.kind)] ??= emptySeries(months, zeroAgreements)) : all;
    target.months[monthKey(row.month)!] = { started: n(row.started), activeAtEnd: n(row.active_at_end) };
  }
  // Started adds up over the period; active is a stock, so the period's is the last month's.
  for (const series of [all, ...Object.values(byKind)]) {
    series.total = {
      started: months.reduce((sum, month) => sum + (series.months[month]?.started ?? 0), 0),
      activeAtEnd: series.months[months[months.length - 1]!]?.activeAtEnd ?? 0,
    };
  }
  const [hours] = await rows(sql`
    select count(*) as agreements, avg(first.hours) as at_start, avg(latest.hours) as now
    from agreements a
    join ${scopedCitizens(scope)} sc on sc.id = a.citizen_id
    join lateral (select v.ordinary_hours_per_week as hours from agreement_versions v where v.agreement_id = a.id order by v.version asc limit 1) first on true
    join lateral (select v.ordinary_hours_per_week as hours from agreement_versions v where v.agreement_id = a.id and v.version <= a.current_version order by v.version desc limit 1) latest on true
    where a.activated_at is not null and a.activated_at < ${startOf(bounds.end)} and (a.ended_at is null or a.ended_at >= ${startOf(bounds.end)})`);
  return { all, byKind, hoursPerWeek: { agreements: n(hours?.agreements), atStart: nOrNull(hours?.at_start), now: nOrNull(hours?.now) } };
}

async function ordinaryHoursFigures(scope: DashboardScope, bounds: Bounds, months: string[]) {
  // A citizen's ordinary hours of a month add up over their agreements; the goal is the citizen's, not a job's.
  const result = await rows(sql`
    with citizen_months as (
      select a.citizen_id, mh.month, sum(mh.ordinary_hours) as hours
      from monthly_hours mh join agreements a on a.id = mh.agreement_id join ${scopedCitizens(scope)} sc on sc.id = a.citizen_id
      group by a.citizen_id, mh.month
    ), firsts as (
      select citizen_id, min(month) as first_month from citizen_months where hours >= ${ORDINARY_HOURS_GOAL} group by citizen_id
    ), starts as (
      select a.citizen_id, min(${bucket(sql`a.activated_at`)}) as start_month
      from agreements a join ${scopedCitizens(scope)} sc on sc.id = a.citizen_id where a.activated_at is not null group by a.citizen_id
    ), months as ${monthsTable(bounds)},
    in_agreement as (
      select distinct m.month, a.citizen_id from months m
      join agreements a on a.activated_at is not null and a.activated_at < m.ends and (a.ended_at is null or a.ended_at >= m.starts)
      join ${scopedCitizens(scope)} sc on sc.id = a.citizen_id
    ), reached as (
      select cm.month, cm.citizen_id from citizen_months cm where cm.hours >= ${ORDINARY_HOURS_GOAL} and cm.month between ${bounds.from}::date and ${bounds.to}::date
    ), time_to_reach as (
      select f.first_month as month,
        (extract(year from f.first_month) * 12 + extract(month from f.first_month)) - (extract(year from s.start_month) * 12 + extract(month from s.start_month)) as months_taken
      from firsts f join starts s using (citizen_id) where f.first_month between ${bounds.from}::date and ${bounds.to}::date
    )
    select m.month, 0 as all_months, coalesce(r.n, 0) as reached, coalesce(i.n, 0) as in_agreement, coalesce(t.n, 0) as first_reached, t.median as median_months
    from months m
    left join (select month, count(*) as n from reached group by month) r on r.month = m.month
    left join (select month, count(*) as n from in_agreement group by month) i on i.month = m.month
    left join (select month, count(*) as n, percentile_cont(0.5) within group (order by months_taken) as median from time_to_reach group by month) t on t.month = m.month
    union all
    select null, 1,
      (select count(distinct citizen_id) from reached),
      (select count(distinct citizen_id) from in_agreement),
      (select count(*) from time_to_reach),
      (select percentile_cont(0.5) within group (order by months_taken) from time_to_reach)`);
  const series = emptySeries<HoursCounts>(months, () => ({ reached: 0, inAgreement: 0, firstReached: 0, medianMonthsToReach: null }));
  for (const row of result) {
    const counts = { reached: n(row.reached), inAgreement: n(row.in_agreement), firstReached: n(row.first_reached), medianMonthsToReach: nOrNull(row.median_months) };
    if (n(row.all_months) === 1) series.total = counts;
    else series.months[monthKey(row.month)!] = counts;
  }
  return series;
}

async function flexjobFigures(scope: DashboardScope, bounds: Bounds, months: string[]) {
  // Visitated at a month's end (or today, in the running month); without a fleksjob when no fleksjob agreement
  // was active then. Placed "i første hug" when the first fleksjob started within FLEXJOB_FIRST_TIME_DAYS of
  // the citizen's registration.
  const stock = await rows(sql`
    with m as (select month, starts, ends, least((month + interval '1 month - 1 day')::date, ${bounds.today}::date) as last_day from ${monthsTable(bounds)} mt),
    visitated as (
      select m.month, c.id from m join ${scopedCitizens(scope)} c
        on c.flexjob_visitation_until >= m.last_day and c.created_at < m.ends and (c.closed_at is null or c.closed_at >= m.ends)
    )
    select v.month, count(*) as visitated,
      count(*) filter (where not exists (select 1 from agreements a join openings o on o.id = a.opening_id and o.kind = 'flexjob'
        where a.citizen_id = v.id and a.activated_at < (select ends from m where m.month = v.month)
          and (a.ended_at is null or a.ended_at >= (select ends from m where m.month = v.month)))) as without_flexjob
    from visitated v group by v.month`);
  const placed = await rows(sql`
    with firsts as (
      select a.citizen_id, min(a.activated_at) as started from agreements a join openings o on o.id = a.opening_id and o.kind = 'flexjob'
      where a.activated_at is not null group by a.citizen_id
    )
    select ${bucket(sql`f.started`)} as month, grouping(${bucket(sql`f.started`)}) as all_months, count(*) as placed,
      count(*) filter (where f.started <= c.created_at + make_interval(days => ${FLEXJOB_FIRST_TIME_DAYS})) as first_time
    from firsts f join ${scopedCitizens(scope)} c on c.id = f.citizen_id
    where f.started >= ${startOf(bounds.from)} and f.started < ${startOf(bounds.end)}
    group by grouping sets ((${bucket(sql`f.started`)}), ())`);
  const series = emptySeries<FlexjobCounts>(months, () => ({ visitated: 0, withoutFlexjob: 0, placed: 0, placedFirstTime: 0 }));
  for (const row of stock) Object.assign(series.months[monthKey(row.month)!]!, { visitated: n(row.visitated), withoutFlexjob: n(row.without_flexjob) });
  for (const row of placed) {
    const target = n(row.all_months) === 1 ? series.total : series.months[monthKey(row.month)!]!;
    Object.assign(target, { placed: n(row.placed), placedFirstTime: n(row.first_time) });
  }
  const last = series.months[months[months.length - 1]!]!;
  Object.assign(series.total, { visitated: last.visitated, withoutFlexjob: last.withoutFlexjob });
  return series;
}

async function followUpFigures(scope: DashboardScope, bounds: Bounds, months: string[]) {
  // The current plan's dates, as "Aftaler" judges them (app/domain/agreement-rules.ts followUpStatus): a date is
  // held by a contact logged for it, or skipped with a reason; open dates before today are overdue. One pass:
  // the period's months, the whole period, and what is overdue now (all_months 2).
  const result = await rows(sql`
    with planned as (
      select distinct a.id as agreement_id, a.status, d::date as planned_date
      from agreements a join ${scopedCitizens(scope)} sc on sc.id = a.citizen_id
      join agreement_versions v on v.agreement_id = a.id and v.version = a.current_version
      cross join lateral jsonb_array_elements_text(v.follow_up_dates) d
      where a.activated_at is not null
    ), judged as (
      select p.planned_date, p.status, h.held_on, s.agreement_id is not null as skipped
      from planned p
      left join (select agreement_id, planned_date, min(contact_date) as held_on from follow_ups where planned_date is not null group by agreement_id, planned_date) h
        on h.agreement_id = p.agreement_id and h.planned_date = p.planned_date
      left join follow_up_skips s on s.agreement_id = p.agreement_id and s.planned_date = p.planned_date
    )
    select date_trunc('month', j.planned_date)::date as month, grouping(date_trunc('month', j.planned_date)::date) as all_months,
      count(*) filter (where not j.skipped and (j.held_on is not null or j.planned_date + ${FOLLOW_UP_ON_TIME_DAYS}::int < ${bounds.today}::date)) as due,
      count(*) filter (where not j.skipped and j.held_on <= j.planned_date + ${FOLLOW_UP_ON_TIME_DAYS}::int) as on_time
    from judged j
    where j.planned_date >= ${bounds.from}::date and j.planned_date < ${bounds.end}::date and j.planned_date < ${bounds.today}::date
    group by grouping sets ((date_trunc('month', j.planned_date)::date), ())
    union all
    select null, 2, count(*), 0 from judged j where j.status = 'active' and j.held_on is null and not j.skipped and j.planned_date < ${bounds.today}::date`);
  const series = emptySeries<FollowUpCounts>(months, () => ({ due: 0, onTime: 0 }));
  let overdueNow = 0;
  for (const row of result) {
    const counts = { due: n(row.due), onTime: n(row.on_time) };
    if (n(row.all_months) === 2) overdueNow = counts.due;
    else if (n(row.all_months) === 1) series.total = counts;
    else series.months[monthKey(row.month)!] = counts;
  }
  return { series, overdueNow };
}

async function companyFigures(scope: DashboardScope, bounds: Bounds, months: string[]) {
  // A company is the scope's when one of its openings or agreements is (or, for a jobcentre, it registered
  // the company); it is active in a month when it published an opening or had an agreement running then.
  const registered = scope.consultantId ? sql`` : sql`union select id from companies where created_by_jobcentre_id = ${scope.jobcentreId}`;
  const result = await rows(sql`
    with months as ${monthsTable(bounds)},
    scoped_openings as ${scopedOpenings(scope)},
    scoped_agreements as (
      select a.company_id, a.activated_at, a.ended_at from agreements a join ${scopedCitizens(scope)} sc on sc.id = a.citizen_id where a.activated_at is not null
    ),
    sco as (
      select co.id, co.created_at from companies co join (
        select o.company_id as id from openings o join scoped_openings so on so.id = o.id
        union select company_id from scoped_agreements ${registered}
      ) ids on ids.id = co.id
    ),
    active as (
      select ${bucket(sql`o.published_at`)} as month, o.company_id from openings o join scoped_openings so on so.id = o.id
        where o.published_at >= ${startOf(bounds.from)} and o.published_at < ${startOf(bounds.end)}
      union
      select m.month, a.company_id from months m join scoped_agreements a on a.activated_at < m.ends and (a.ended_at is null or a.ended_at >= m.starts)
    )
    select m.month, 0 as all_months, coalesce(x.n, 0) as active, coalesce(y.n, 0) as new
    from months m
    left join (select month, count(*) as n from active group by month) x on x.month = m.month
    left join (select ${bucket(sql`created_at`)} as month, count(*) as n from sco group by 1) y on y.month = m.month
    union all
    select null, 1, (select count(distinct company_id) from active),
      (select count(*) from sco where sco.created_at >= ${startOf(bounds.from)} and sco.created_at < ${startOf(bounds.end)})`);
  const series = emptySeries<CompanyCounts>(months, () => ({ active: 0, new: 0 }));
  for (const row of result) {
    const counts = { active: n(row.active), new: n(row.new) };
    if (n(row.all_months) === 1) series.total = counts;
    else series.months[monthKey(row.month)!] = counts;
  }
  return series;
}

async function consultantFigures(scope: DashboardScope, bounds: Bounds) {
  if (scope.consultantId) return [];
  const result = await rows(sql`
    with sc as ${scopedCitizens(scope)},
    proposals as (
      select sc.consultant_id, count(*) as n from match_proposals p join sc on sc.id = p.citizen_id
      where p.created_at >= ${startOf(bounds.from)} and p.created_at < ${startOf(bounds.end)} group by sc.consultant_id
    ),
    started as (
      select sc.consultant_id, count(*) as n from agreements a join sc on sc.id = a.citizen_id
      where a.activated_at >= ${startOf(bounds.from)} and a.activated_at < ${startOf(bounds.end)} group by sc.consultant_id
    ),
    reached as (
      select sc.consultant_id, count(distinct sc.id) as n from (
        select a.citizen_id from monthly_hours mh join agreements a on a.id = mh.agreement_id
        where mh.month between ${bounds.from}::date and ${bounds.to}::date
        group by a.citizen_id, mh.month having sum(mh.ordinary_hours) >= ${ORDINARY_HOURS_GOAL}
      ) r join sc on sc.id = r.citizen_id group by sc.consultant_id
    ),
    caseload as (select consultant_id, count(*) as n from sc where closed_at is null group by consultant_id)
    select u.id, u.name, coalesce(p.n, 0) as proposals, coalesce(s.n, 0) as started, coalesce(r.n, 0) as reached, coalesce(c.n, 0) as caseload
    from users u
    left join proposals p on p.consultant_id = u.id
    left join started s on s.consultant_id = u.id
    left join reached r on r.consultant_id = u.id
    left join caseload c on c.consultant_id = u.id
    where u.jobcentre_id = ${scope.jobcentreId} and u.role = 'consultant' and u.deactivated_at is null
    order by u.name`);
  return result.map((row) => ({ id: String(row.id), name: String(row.name), proposals: n(row.proposals), started: n(row.started), reached: n(row.reached), caseload: n(row.caseload) }));
}

export type DashboardCountsResult = DashboardCounts;

/** Every count of the dashboard for a scope and period; `today` decides what is overdue and the running month. */
export async function dashboardCounts(scope: DashboardScope, period: Period, { today = new Date() }: { today?: Date | string } = {}): Promise<DashboardCounts> {
  const bounds: Bounds = { from: period.from, to: period.to, end: addMonths(period.to, 1), today: toIsoDate(today) };
  const months = period.months;
  const [openings, funnel, agreements, ordinaryHours, flexjob, followUps, companies, consultants] = await Promise.all([
    openingFigures(scope, bounds, months),
    funnelFigures(scope, bounds, months),
    agreementFigures(scope, bounds, months),
    ordinaryHoursFigures(scope, bounds, months),
    flexjobFigures(scope, bounds, months),
    followUpFigures(scope, bounds, months),
    companyFigures(scope, bounds, months),
    consultantFigures(scope, bounds),
  ]);
  return {
    period,
    scope,
    openings: openings.all,
    openingsByKind: openings.byKind,
    openingsBySource: openings.bySource,
    funnel: funnel.series,
    noReasons: funnel.noReasons,
    agreements: agreements.all,
    agreementsByKind: agreements.byKind,
    hoursPerWeek: agreements.hoursPerWeek,
    ordinaryHours,
    flexjob,
    followUps: followUps.series,
    overdueNow: followUps.overdueNow,
    companies,
    consultants,
  };
}

/** The jobcentre's goals in percent; a goal never set is null. */
export async function jobcentreGoalsOf(jobcentreId: string): Promise<GoalsInput> {
  const stored = await db().select({ goal: jobcentreGoals.goal, targetPercent: jobcentreGoals.targetPercent }).from(jobcentreGoals).where(eq(jobcentreGoals.jobcentreId, jobcentreId));
  const byCode = new Map(stored.map((row) => [row.goal, row.targetPercent]));
  return Object.fromEntries(GOAL_CODES.map((code) => [code, byCode.get(code) ?? null])) as GoalsInput;
}

/** The leader sets the jobcentre's goals, all in one transaction; an empty goal is removed. Leaders only. */
export async function setJobcentreGoals(actor: Actor, goals: GoalsInput, { now = new Date() }: { now?: Date } = {}) {
  if (actor.role !== 'leader' || !actor.jobcentreId) throw new ForbiddenError('Kun jobcentrets leder kan sætte målene.');
  const jobcentreId = actor.jobcentreId;
  await db().transaction(async (tx) => {
    for (const code of GOAL_CODES as GoalCode[]) {
      const target = goals[code];
      if (target === null) {
        await tx.delete(jobcentreGoals).where(and(eq(jobcentreGoals.jobcentreId, jobcentreId), eq(jobcentreGoals.goal, code)));
      } else {
        await tx
          .insert(jobcentreGoals)
          .values({ jobcentreId, goal: code, targetPercent: target, updatedBy: actor.id, updatedAt: now })
          .onConflictDoUpdate({ target: [jobcentreGoals.jobcentreId, jobcentreGoals.goal], set: { targetPercent: target, updatedBy: actor.id, updatedAt: now } });
      }
    }
  });
}

/** The jobcentre's name, for the page heading. */
export async function jobcentreNameOf(jobcentreId: string): Promise<string> {
  const [row] = await db().select({ name: jobcentres.name }).from(jobcentres).where(eq(jobcentres.id, jobcentreId));
  return row?.name ?? '';
}


export type DashboardExtras = {
  overdueNow: Shown;
  hoursPerWeek: { agreements: Shown; atStart: Shown | null; now: Shown | null };
  noReasons: { party: 'citizen' | 'company'; reason: string; count: number }[];
  consultants: { id: string; name: string; proposals: Shown; started: Shown; reached: Shown; caseload: Shown }[];
};

/**
 * Everything the dashboard page and its CSV show, for the actor and the query (`fra`, `til` as ÅÅÅÅ-MM;
 * `omfang=mine` for a consultant's own caseload; `jobcenter` to name the jobcentre, 404 when not the actor's).
 */
export async function dashboardPage(actor: Actor, url: URL, { today = new Date() }: { today?: Date | string } = {}) {
  const query = url.searchParams;
  const scope = dashboardScopeFor(actor, { requestedJobcentreId: query.get('jobcenter'), caseload: query.get('omfang') === 'mine' });
  const periodValues = { fra: query.get('fra') ?? '', til: query.get('til') ?? '' };
  const parsed = parsePeriod(periodValues, toIsoDate(today));
  const [counts, goals, jobcentreName] = await Promise.all([dashboardCounts(scope, parsed.period, { today }), jobcentreGoalsOf(scope.jobcentreId), jobcentreNameOf(scope.jobcentreId)]);
  const extras: DashboardExtras = {
    overdueNow: shownCount(counts.overdueNow),
    hoursPerWeek: {
      agreements: shownCount(counts.hoursPerWeek.agreements),
      atStart: shownAverage(counts.hoursPerWeek.atStart, counts.hoursPerWeek.agreements),
      now: shownAverage(counts.hoursPerWeek.now, counts.hoursPerWeek.agreements),
    },
    noReasons: counts.noReasons,
    consultants: counts.consultants.map((row) => ({
      id: row.id,
      name: row.name,
      proposals: shownCount(row.proposals),
      started: shownCount(row.started),
      reached: shownCount(row.reached),
      caseload: shownCount(row.caseload),
    })),
  };
  return {
    scope,
    jobcentreName,
    period: parsed.period,
    periodValues,
    periodErrors: parsed.ok ? {} : parsed.errors,
    goals,
    sections: dashboardSections(counts, goals),
    extras,
  };
}

/** The CSV of a dashboard page: every figure and month, then the figures without months. */
export function dashboardPageCsv(page: Awaited<ReturnType<typeof dashboardPage>>): string {
  const { extras } = page;
  return dashboardCsv(page.sections, page.period, [
    { label: 'Opfølgninger overskredet nu', value: formatShown(extras.overdueNow, 'count') },
    { label: 'Aktive aftaler ved periodens udgang', value: formatShown(extras.hoursPerWeek.agreements, 'count') },
    { label: 'Ordinære timer pr. uge ved start (gennemsnit)', value: formatShown(extras.hoursPerWeek.atStart, 'hours') },
    { label: 'Ordinære timer pr. uge nu (gennemsnit)', value: formatShown(extras.hoursPerWeek.now, 'hours') },
    ...extras.noReasons.map((row) => ({ label: `Nej fra ${row.party === 'citizen' ? 'borgeren' : 'virksomheden'}: ${row.reason}`, value: String(row.count) })),
    ...extras.consultants.flatMap((row) => [
      { label: `${row.name}: forslag`, value: formatShown(row.proposals, 'count') },
      { label: `${row.name}: aftaler startet`, value: formatShown(row.started, 'count') },
      { label: `${row.name}: borgere med 30 timer`, value: formatShown(row.reached, 'count') },
    ]),
  ]);
}
