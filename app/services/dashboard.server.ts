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

type Row = Record<string, unknown>;

/**
 * One dashboard query, with PostgreSQL's JIT off: the planner's estimates for the month-by-month CTEs are far
 * too high, which switched JIT on, and compiling took ~1.9 s for a query that runs in ~0.2 s (bench/RESULTS.md).
 */
async function rows<T = Row>(query: SQL): Promise<T[]> {
  const result = await db().transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(query);
  });
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Copenhagen's midnight at the start of a month ('YYYY-MM-01') as a timestamptz. */
const startOf = (month: string) => sql`(${month}::timestamp at time zone ${ZONE})`;
const bucket = (column: SQL) => sql`date_trunc('month', ${column} at time zone ${ZONE})::date`;
/** A timestamptz within the period's Copenhagen months. */
const inPeriod = (column: SQL, bounds: Bounds) => sql`${column} >= ${startOf(bounds.from)} and ${column} < ${startOf(bounds.end)}`;

/**
 * The tables the figures share, each computed once per query as a materialized CTE (they were computed again
 * by each of eleven queries, which was most of the dashboard's time at 5,000 citizens and 20,000 openings).
 * sa, so and sp write the citizens' filter out rather than join `sc`: a CTE has no statistics, and a join
 * on it was planned the slow way round (the 30,000 proposals hashed to probe 5,000 citizens).
 *   sc     the citizens in scope: the jobcentre's, or one consultant's;
 *   months the period's months with their Copenhagen start and end;
 *   sa     every agreement of a citizen in scope, with the citizen's consultant and the opening's kind (the
 *          kind only where a figure needs it: saWithoutKind spares the other queries a join of the openings);
 *   so     the openings of the scope (all time), their company and publication: for a jobcentre, those one
 *          of its staff posted (jobordre), those of a company it registered, and those one of its citizens was
 *          proposed for; for a caseload, those the consultant posted and those one of their citizens was
 *          proposed for (decision 032). The three tests are hashed look-ups during one scan of the openings,
 *          not a union of three scans;
 *   measured  the scope's openings published in the period, with their first proposal and whether one was
 *          filled, read once for the counts and once for the medians (the openings' query needs nothing else);
 *   sp     the proposals of the period to a citizen in scope, with the citizen's consultant;
 *   cm     a citizen in scope's ordinary hours of a month, summed over their agreements (the goal is the
 *          citizen's, not a job's).
 */
function sharedTables(scope: DashboardScope, bounds: Bounds) {
  const ownedOpening = scope.consultantId
    ? sql`o.created_by = ${scope.consultantId}::uuid`
    : sql`o.created_by in (select id from users where jobcentre_id = ${scope.jobcentreId})
        or o.company_id in (select id from companies where created_by_jobcentre_id = ${scope.jobcentreId})`;
  const citizenInScope = sql`c.jobcentre_id = ${scope.jobcentreId} and (${scope.consultantId}::uuid is null or c.consultant_id = ${scope.consultantId}::uuid)`;
  const openingInScope = sql`o.id in (select p.opening_id from match_proposals p join citizens c on c.id = p.citizen_id where ${citizenInScope})
        or ${ownedOpening}`;
  return {
    sc: sql`sc as materialized (select c.id, c.consultant_id, c.created_at, c.closed_at, c.flexjob_visitation_until from citizens c where ${citizenInScope})`,
    months: sql`months as materialized (select m::date as month, (m::timestamp at time zone ${ZONE}) as starts, ((m + interval '1 month')::timestamp at time zone ${ZONE}) as ends
      from generate_series(${bounds.from}::date, ${bounds.to}::date, interval '1 month') as m)`,
    sa: sql`sa as materialized (select a.id, a.citizen_id, c.consultant_id, a.company_id, a.status, a.current_version, a.activated_at, a.ended_at, o.kind
      from agreements a join citizens c on c.id = a.citizen_id left join openings o on o.id = a.opening_id where ${citizenInScope})`,
    saWithoutKind: sql`sa as materialized (select a.id, a.citizen_id, c.consultant_id, a.company_id, a.activated_at, a.ended_at
      from agreements a join citizens c on c.id = a.citizen_id where ${citizenInScope})`,
    openings: sql`measured as materialized (
      select o.kind::text as kind, o.published_at, pf.first_proposal, f.opening_id is not null as filled,
        case when o.created_via = 'api' then 'api' when o.is_job_order then 'consultant' else 'company' end as source,
        ${bucket(sql`o.published_at`)} as month
      from openings o
      left join (select opening_id, min(created_at) as first_proposal from match_proposals group by opening_id) pf on pf.opening_id = o.id
      left join (select distinct opening_id from agreements where activated_at is not null and opening_id is not null) f on f.opening_id = o.id
      where ${inPeriod(sql`o.published_at`, bounds)} and (${openingInScope}))`,
    so: sql`so as materialized (select o.company_id, o.published_at from openings o where ${openingInScope})`,
    sp: sql`sp as materialized (
      select p.id, p.created_at, p.citizen_accepted_at, p.company_accepted_at, p.citizen_declined_at, p.company_declined_at, p.withdrawn_at,
        p.citizen_reason, p.company_reason, c.consultant_id
      from match_proposals p join citizens c on c.id = p.citizen_id
      where ${citizenInScope} and ${inPeriod(sql`p.created_at`, bounds)})`,
    cm: sql`cm as materialized (
      select a.citizen_id, a.consultant_id, mh.month, sum(mh.ordinary_hours) as hours
      from monthly_hours mh join sa a on a.id = mh.agreement_id
      group by a.citizen_id, a.consultant_id, mh.month)`,
  };
}

/**
 * One query of several figures: the shared tables it needs, then each figure's rows as a JSON column, so the
 * figures that share a table are counted over one copy of it.
 */
async function figures<K extends string>(tables: SQL[], parts: Record<K, SQL>): Promise<Record<K, Row[]>> {
  const columns = Object.entries<SQL>(parts).map(([name, part]) => sql`(select coalesce(json_agg(x), '[]'::json) from (${part}) x) as ${sql.identifier(name)}`);
  const [row] = await rows(sql`with ${sql.join(tables, sql`, `)} select ${sql.join(columns, sql`, `)}`);
  return Object.fromEntries(Object.keys(parts).map((name) => {
    const value = row?.[name];
    return [name, (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Row[]];
  })) as Record<K, Row[]>;
}

function emptySeries<T>(months: string[], zero: () => T): Series<T> {
  return { months: Object.fromEntries(months.map((month) => [month, zero()])), total: zero() };
}

const zeroOpenings = (): OpeningCounts => ({ received: 0, withCandidate: 0, filled: 0, medianDaysToProposal: null });

function openingsPart() {
  return sql`
    select month, kind, source, grouping(month) as all_months, grouping(kind) as all_kinds, grouping(source) as all_sources,
      count(*) as received, count(first_proposal) as with_candidate, count(*) filter (where filled) as filled, null::float8 as median_days
    from measured
    group by grouping sets ((month), (month, kind), (month, source), (), (kind), (source))
    union all
    select month, kind, source, grouping(month), grouping(kind), grouping(source), null, null, null,
      percentile_cont(0.5) within group (order by days)
    from (select month, kind, source, (extract(epoch from first_proposal - published_at) / 86400)::float8 as days from measured where first_proposal is not null) d
    group by grouping sets ((month), (month, kind), (month, source), (), (kind), (source))`;
}

function openingFigures(result: Row[], months: string[]) {
  const all = emptySeries(months, zeroOpenings);
  const byKind: Record<string, Series<OpeningCounts>> = {};
  const bySource: Record<string, Series<OpeningCounts>> = {};
  // A group's counts and its median come in two rows (the median's has no counts).
  for (const row of result) {
    const target =
      n(row.all_kinds) === 0 ? (byKind[String(row.kind)] ??= emptySeries(months, zeroOpenings)) : n(row.all_sources) === 0 ? (bySource[String(row.source)] ??= emptySeries(months, zeroOpenings)) : all;
    const counts = n(row.all_months) === 1 ? target.total : (target.months[monthKey(row.month)!] ??= zeroOpenings());
    if (row.received === null) counts.medianDaysToProposal = nOrNull(row.median_days);
    else Object.assign(counts, { received: n(row.received), withCandidate: n(row.with_candidate), filled: n(row.filled) });
  }
  return { all, byKind, bySource };
}

const zeroFunnel = (): FunnelCounts => ({ proposed: 0, citizenYes: 0, companyYes: 0, signed: 0, citizenNo: 0, companyNo: 0, withdrawn: 0 });

function funnelPart() {
  return sql`
    select ${bucket(sql`p.created_at`)} as month, grouping(${bucket(sql`p.created_at`)}) as all_months,
      count(*) as proposed, count(p.citizen_accepted_at) as citizen_yes, count(p.company_accepted_at) as company_yes,
      count(signed.proposal_id) as signed,
      count(p.citizen_declined_at) as citizen_no, count(p.company_declined_at) as company_no, count(p.withdrawn_at) as withdrawn
    from sp p
    left join (select distinct proposal_id from agreements where activated_at is not null and proposal_id is not null) signed on signed.proposal_id = p.id
    group by grouping sets ((${bucket(sql`p.created_at`)}), ())`;
}

/** A reason is shown only when at least five gave the same words: a rarer one could tell who said it. */
function reasonsPart() {
  return sql`
    select party, reason, count(*) as count, row_number() over (order by count(*) desc, reason) as rank from (
      select 'citizen' as party, lower(btrim(p.citizen_reason)) as reason from sp p where p.citizen_declined_at is not null
      union all
      select 'company', lower(btrim(p.company_reason)) from sp p where p.company_declined_at is not null
    ) said
    where reason is not null and reason <> ''
    group by party, reason having count(*) >= 5
    order by count(*) desc, reason limit 10`;
}

function funnelFigures(result: Row[], reasons: Row[], months: string[]) {
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
  const noReasons = [...reasons]
    .sort((a, b) => n(a.rank) - n(b.rank))
    .map((row) => ({ party: row.party as 'citizen' | 'company', reason: String(row.reason), count: n(row.count) }));
  return { series, noReasons };
}

const zeroAgreements = (): AgreementCounts => ({ started: 0, activeAtEnd: 0 });

function agreementsPart() {
  return sql`
    select m.month, coalesce(a.kind::text, 'none') as kind, grouping(coalesce(a.kind::text, 'none')) as all_kinds,
      count(*) filter (where a.activated_at >= m.starts and a.activated_at < m.ends) as started,
      count(*) filter (where a.ended_at is null or a.ended_at >= m.ends) as active_at_end
    from months m
    join sa a on a.activated_at is not null and a.activated_at < m.ends
    group by grouping sets ((m.month), (m.month, coalesce(a.kind::text, 'none')))`;
}

function hoursPerWeekPart(bounds: Bounds) {
  return sql`
    select count(*) as agreements, avg(first.hours) as at_start, avg(latest.hours) as now
    from sa a
    join lateral (select v.ordinary_hours_per_week as hours from agreement_versions v where v.agreement_id = a.id order by v.version asc limit 1) first on true
    join lateral (select v.ordinary_hours_per_week as hours from agreement_versions v where v.agreement_id = a.id and v.version <= a.current_version order by v.version desc limit 1) latest on true
    where a.activated_at is not null and a.activated_at < ${startOf(bounds.end)} and (a.ended_at is null or a.ended_at >= ${startOf(bounds.end)})`;
}

function agreementFigures(result: Row[], hours: Row[], months: string[]) {
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
  const [first] = hours;
  return { all, byKind, hoursPerWeek: { agreements: n(first?.agreements), atStart: nOrNull(first?.at_start), now: nOrNull(first?.now) } };
}

function ordinaryHoursPart(bounds: Bounds) {
  return sql`
    with firsts as (
      -- A citizen's first month at the goal and the month of their first agreement, in one pass (not a join,
      -- whose estimate over the CTEs was one row, which made it a nested loop of 2,692 × 1,556).
      select citizen_id, min(first_month) as first_month, min(start_month) as start_month from (
        select citizen_id, month as first_month, null::date as start_month from cm where hours >= ${ORDINARY_HOURS_GOAL}
        union all
        select a.citizen_id, null, ${bucket(sql`a.activated_at`)} from sa a where a.activated_at is not null
      ) u group by citizen_id
    ), in_agreement as (
      select distinct m.month, a.citizen_id from months m
      join sa a on a.activated_at is not null and a.activated_at < m.ends and (a.ended_at is null or a.ended_at >= m.starts)
    ), reached as (
      select cm.month, cm.citizen_id from cm where cm.hours >= ${ORDINARY_HOURS_GOAL} and cm.month between ${bounds.from}::date and ${bounds.to}::date
    ), time_to_reach as (
      select f.first_month as month,
        (extract(year from f.first_month) * 12 + extract(month from f.first_month)) - (extract(year from f.start_month) * 12 + extract(month from f.start_month)) as months_taken
      from firsts f where f.start_month is not null and f.first_month between ${bounds.from}::date and ${bounds.to}::date
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
      (select percentile_cont(0.5) within group (order by months_taken) from time_to_reach)`;
}

function ordinaryHoursFigures(result: Row[], months: string[]) {
  const series = emptySeries<HoursCounts>(months, () => ({ reached: 0, inAgreement: 0, firstReached: 0, medianMonthsToReach: null }));
  for (const row of result) {
    const counts = { reached: n(row.reached), inAgreement: n(row.in_agreement), firstReached: n(row.first_reached), medianMonthsToReach: nOrNull(row.median_months) };
    if (n(row.all_months) === 1) series.total = counts;
    else series.months[monthKey(row.month)!] = counts;
  }
  return series;
}

/**
 * Visitated at a month's end (or today, in the running month); without a fleksjob when no fleksjob agreement
 * was active then. The agreements that cover a visitated citizen-month are joined once (hash joins), not
 * looked for per citizen and month.
 */
function flexjobStockPart(bounds: Bounds) {
  return sql`
    with mm as (select month, ends, least((month + interval '1 month - 1 day')::date, ${bounds.today}::date) as last_day from months),
    visitated as (
      select mm.month, mm.ends, c.id from mm join sc c
        on c.flexjob_visitation_until >= mm.last_day and c.created_at < mm.ends and (c.closed_at is null or c.closed_at >= mm.ends)
    ),
    covered as (
      select distinct v.month, v.id from visitated v
      join sa a on a.citizen_id = v.id and a.kind = 'flexjob' and a.activated_at < v.ends and (a.ended_at is null or a.ended_at >= v.ends)
    )
    select v.month, count(*) as visitated, count(*) filter (where c.id is null) as without_flexjob
    from visitated v left join covered c on c.month = v.month and c.id = v.id
    group by v.month`;
}

/** Placed "i første hug" when the first fleksjob started within FLEXJOB_FIRST_TIME_DAYS of the citizen's registration. */
function flexjobPlacedPart(bounds: Bounds) {
  return sql`
    with firsts as (
      select a.citizen_id, min(a.activated_at) as started from sa a where a.kind = 'flexjob' and a.activated_at is not null group by a.citizen_id
    )
    select ${bucket(sql`f.started`)} as month, grouping(${bucket(sql`f.started`)}) as all_months, count(*) as placed,
      count(*) filter (where f.started <= c.created_at + make_interval(days => ${FLEXJOB_FIRST_TIME_DAYS})) as first_time
    from firsts f join sc c on c.id = f.citizen_id
    where ${inPeriod(sql`f.started`, bounds)}
    group by grouping sets ((${bucket(sql`f.started`)}), ())`;
}

function flexjobFigures(stock: Row[], placed: Row[], months: string[]) {
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

/**
 * The current plan's dates, as "Aftaler" judges them (app/domain/agreement-rules.ts followUpStatus): a date is
 * held by a contact logged for it, or skipped with a reason; open dates before today are overdue. One pass:
 * the period's months, the whole period, and what is overdue now (all_months 2). Both count only dates
 * before today, so later dates are left out before they are judged.
 */
function followUpsPart(bounds: Bounds) {
  return sql`
    with planned as (
      select distinct a.id as agreement_id, a.status, d::date as planned_date
      from sa a
      join agreement_versions v on v.agreement_id = a.id and v.version = a.current_version
      cross join lateral jsonb_array_elements_text(v.follow_up_dates) d
      where a.activated_at is not null and d::date < ${bounds.today}::date
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
    where j.planned_date >= ${bounds.from}::date and j.planned_date < ${bounds.end}::date
    group by grouping sets ((date_trunc('month', j.planned_date)::date), ())
    union all
    select null, 2, count(*), 0 from judged j where j.status = 'active' and j.held_on is null and not j.skipped`;
}

function followUpFigures(result: Row[], months: string[]) {
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

/**
 * A company is the scope's when one of its openings or agreements is (or, for a jobcentre, it registered the
 * company); it is active in a month when it published an opening or had an agreement running then.
 */
function companiesPart(scope: DashboardScope, bounds: Bounds) {
  const registered = scope.consultantId ? sql`` : sql`union select id from companies where created_by_jobcentre_id = ${scope.jobcentreId}`;
  return sql`
    with scoped_agreements as (
      select a.company_id, a.activated_at, a.ended_at from sa a where a.activated_at is not null
    ),
    sco as (
      select co.id, co.created_at from companies co join (
        select so.company_id as id from so
        union select company_id from scoped_agreements ${registered}
      ) ids on ids.id = co.id
    ),
    active as (
      select ${bucket(sql`so.published_at`)} as month, so.company_id from so where ${inPeriod(sql`so.published_at`, bounds)}
      union
      select m.month, a.company_id from months m join scoped_agreements a on a.activated_at < m.ends and (a.ended_at is null or a.ended_at >= m.starts)
    )
    select m.month, 0 as all_months, coalesce(x.n, 0) as active, coalesce(y.n, 0) as new
    from months m
    left join (select month, count(*) as n from active group by month) x on x.month = m.month
    left join (select ${bucket(sql`created_at`)} as month, count(*) as n from sco group by 1) y on y.month = m.month
    union all
    select null, 1, (select count(distinct company_id) from active),
      (select count(*) from sco where ${inPeriod(sql`sco.created_at`, bounds)})`;
}

function companyFigures(result: Row[], months: string[]) {
  const series = emptySeries<CompanyCounts>(months, () => ({ active: 0, new: 0 }));
  for (const row of result) {
    const counts = { active: n(row.active), new: n(row.new) };
    if (n(row.all_months) === 1) series.total = counts;
    else series.months[monthKey(row.month)!] = counts;
  }
  return series;
}

function consultantsPart(scope: DashboardScope, bounds: Bounds) {
  return sql`
    with proposals as (
      select consultant_id, count(*) as n from sp group by consultant_id
    ),
    started as (
      select a.consultant_id, count(*) as n from sa a where ${inPeriod(sql`a.activated_at`, bounds)} group by a.consultant_id
    ),
    reached as (
      select consultant_id, count(distinct citizen_id) as n from cm
      where cm.month between ${bounds.from}::date and ${bounds.to}::date and cm.hours >= ${ORDINARY_HOURS_GOAL} group by consultant_id
    ),
    caseload as (select consultant_id, count(*) as n from sc where closed_at is null group by consultant_id)
    select u.id, u.name, coalesce(p.n, 0) as proposals, coalesce(s.n, 0) as started, coalesce(r.n, 0) as reached, coalesce(c.n, 0) as caseload,
      row_number() over (order by u.name) as rank
    from users u
    left join proposals p on p.consultant_id = u.id
    left join started s on s.consultant_id = u.id
    left join reached r on r.consultant_id = u.id
    left join caseload c on c.consultant_id = u.id
    where u.jobcentre_id = ${scope.jobcentreId} and u.role = 'consultant' and u.deactivated_at is null`;
}

function consultantFigures(result: Row[]) {
  return [...result]
    .sort((a, b) => n(a.rank) - n(b.rank))
    .map((row) => ({ id: String(row.id), name: String(row.name), proposals: n(row.proposals), started: n(row.started), reached: n(row.reached), caseload: n(row.caseload) }));
}

export type DashboardCountsResult = DashboardCounts;

/**
 * Every count of the dashboard for a scope and period; `today` decides what is overdue and the running month.
 * Four queries in parallel, of about equal cost, each counting its figures over the shared tables it needs
 * (sharedTables): the openings; the companies; the proposals, the ordinary hours and the consultants; the
 * agreements, fleksjob and follow-ups. The companies need only which openings are the scope's, not their
 * first proposal, so they read their own light copy rather than wait behind the openings' query.
 */
export async function dashboardCounts(scope: DashboardScope, period: Period, { today = new Date() }: { today?: Date | string } = {}): Promise<DashboardCounts> {
  const bounds: Bounds = { from: period.from, to: period.to, end: addMonths(period.to, 1), today: toIsoDate(today) };
  const months = period.months;
  const t = sharedTables(scope, bounds);
  const [openingSide, companySide, proposalSide, agreementSide] = await Promise.all([
    figures([t.openings], { openings: openingsPart() }),
    figures([t.months, t.saWithoutKind, t.so], { companies: companiesPart(scope, bounds) }),
    figures([t.sc, t.saWithoutKind, t.sp, t.months, t.cm], {
      funnel: funnelPart(),
      reasons: reasonsPart(),
      ordinaryHours: ordinaryHoursPart(bounds),
      consultants: scope.consultantId ? sql`select 1 where false` : consultantsPart(scope, bounds),
    }),
    figures([t.sc, t.months, t.sa], {
      agreements: agreementsPart(),
      hoursPerWeek: hoursPerWeekPart(bounds),
      flexjobStock: flexjobStockPart(bounds),
      flexjobPlaced: flexjobPlacedPart(bounds),
      followUps: followUpsPart(bounds),
    }),
  ]);
  const openings = openingFigures(openingSide.openings, months);
  const funnel = funnelFigures(proposalSide.funnel, proposalSide.reasons, months);
  const agreements = agreementFigures(agreementSide.agreements, agreementSide.hoursPerWeek, months);
  const followUps = followUpFigures(agreementSide.followUps, months);
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
    ordinaryHours: ordinaryHoursFigures(proposalSide.ordinaryHours, months),
    flexjob: flexjobFigures(agreementSide.flexjobStock, agreementSide.flexjobPlaced, months),
    followUps: followUps.series,
    overdueNow: followUps.overdueNow,
    companies: companyFigures(companySide.companies, months),
    consultants: consultantFigures(proposalSide.consultants),
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
