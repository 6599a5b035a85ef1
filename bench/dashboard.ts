/**
 * The leader's dashboard (issue 17) at size: a jobcentre with 5,000 citizens and 20,000 openings in a year,
 * about 30,000 proposals, 4,000 agreements with their monthly hours and follow-ups. Run on an empty database
 * of its own (it is filled once, in SQL, and reused on the next run):
 *
 *   createdb -h 127.0.0.1 -U postgres jobbro_bench_dashboard
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/jobbro_bench_dashboard npx tsx bench/dashboard.ts
 *
 * It times, alternating sample by sample:
 *   ours    — `dashboardCounts` (app/services/dashboard.server.ts) for the jobcentre and the last 12 months;
 *   trivial — the same number of queries in parallel over the same tables and period, each a bare count
 *             with the period's filter and no joins: the floor of "ask PostgreSQL eight things about a year".
 * Options: --samples 30, --warmup 5.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { defaultPeriod } from '../app/domain/dashboard-rules';
import { dashboardCounts } from '../app/services/dashboard.server';
import { createDatabase, db, installDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';

const CITIZENS = 5_000;
const OPENINGS = 20_000;
const PROPOSALS = 30_000;
const AGREEMENTS = 4_000;
const CONSULTANTS = 20;
const COMPANIES = 600;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T | undefined> {
  const result = await db().execute(query);
  return ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[])[0];
}

/** Fills the database once: every row made by generate_series with a fixed setseed, so runs compare. */
async function fill(): Promise<string> {
  const existing = await one<{ id: string }>(sql`select id from jobcentres where name = 'Bench Jobcenter'`);
  if (existing) return existing.id;
  const started = performance.now();
  await db().transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    await tx.execute(sql`insert into jobcentres (name, municipality) values ('Bench Jobcenter', 'Aarhus'), ('Anden Jobcenter', 'Randers')`);
    await tx.execute(sql`insert into users (email, name, role, jobcentre_id)
      select 'bench-konsulent-' || g || '@jobbro.test', 'Konsulent ' || g, 'consultant', (select id from jobcentres where name = 'Bench Jobcenter') from generate_series(1, ${CONSULTANTS}) g`);
    await tx.execute(sql`insert into companies (cvr, name, address, postcode, city, industry, ordinary_employees, phone, email, created_by_jobcentre_id, created_at)
      select (90000000 + g)::text, 'Firma ' || g, 'Vej ' || g, '8000', 'Aarhus C', 'Service', 20, '12345678', 'firma' || g || '@firma.test',
        case when g % 3 = 0 then (select id from jobcentres where name = 'Bench Jobcenter') end, now() - (random() * 700) * interval '1 day'
      from generate_series(1, ${COMPANIES}) g`);
    await tx.execute(sql`create temporary table bench_consultants on commit drop as select id, row_number() over () as n from users where email like 'bench-konsulent-%'`);
    await tx.execute(sql`create temporary table bench_companies on commit drop as select id, row_number() over () as n from companies where name like 'Firma %'`);
    await tx.execute(sql`insert into citizens (jobcentre_id, consultant_id, name, postcode, city, lat, lon, reach_km, benefit_status, flexjob_visitation_until, hours_min, hours_max, consent_to_share, created_at, closed_at)
      select (select id from jobcentres where name = 'Bench Jobcenter'), (select id from bench_consultants where n = 1 + g % ${CONSULTANTS}), 'Borger ' || g, '8000', 'Aarhus C', 56.15, 10.2, 15,
        case when g % 5 = 0 then 'flexjob_unemployment'::benefit_status else 'cash_benefit_activity_ready'::benefit_status end,
        case when g % 5 = 0 then current_date + 400 end, 3, 12, true, now() - (random() * 700) * interval '1 day',
        case when g % 10 = 0 then now() - (random() * 200) * interval '1 day' end
      from generate_series(1, ${CITIZENS}) g`);
    await tx.execute(sql`insert into openings (company_id, kind, title, description, tasks, hours_min, hours_max, start_date, postcode, city, lat, lon, contact_name, contact_role, contact_phone, contact_email, status, is_job_order, created_via, created_by, published_at, created_at)
      select (select id from bench_companies where n = 1 + g % ${COMPANIES}), (array['ordinary_hours', 'flexjob', 'sheltered_job'])[1 + g % 3]::opening_kind, 'Job ' || g, 'Beskrivelse', '["Opgave"]', 3, 10, current_date,
        '8000', 'Aarhus C', 56.15, 10.2, 'Kontakt', 'Leder', '12345678', 'k@firma.test', (array['open', 'filled', 'closed'])[1 + g % 3]::opening_status, g % 2 = 0,
        case when g % 7 = 0 then 'api' else 'form' end, case when g % 2 = 0 then (select id from bench_consultants where n = 1 + g % ${CONSULTANTS}) end, p, p - interval '1 day'
      from (select g, now() - (random() * 365) * interval '1 day' as p from generate_series(1, ${OPENINGS}) g) s`);
    await tx.execute(sql`create temporary table bench_openings on commit drop as select id, published_at, row_number() over () as n from openings where title like 'Job %'`);
    await tx.execute(sql`create temporary table bench_citizens on commit drop as select id, row_number() over () as n from citizens where name like 'Borger %'`);
    await tx.execute(sql`insert into match_proposals (opening_id, citizen_id, status, created_at, citizen_accepted_at, company_accepted_at, citizen_declined_at, citizen_reason, company_declined_at, withdrawn_at)
      select o.id, c.id, 'proposed', o.published_at + s.d, case when s.r < 0.7 then o.published_at + s.d + interval '2 days' end,
        case when s.r < 0.45 then o.published_at + s.d + interval '5 days' end, case when s.r >= 0.7 and s.r < 0.85 then o.published_at + s.d + interval '2 days' end,
        case when s.r >= 0.7 and s.r < 0.85 then 'Passer ikke' end, case when s.r >= 0.45 and s.r < 0.55 then o.published_at + s.d + interval '5 days' end,
        case when s.r >= 0.85 then o.published_at + s.d + interval '3 days' end
      from (select g, random() as r, (random() * 20) * interval '1 day' as d from generate_series(1, ${PROPOSALS}) g) s
      join bench_openings o on o.n = 1 + (s.g::bigint * 7919) % ${OPENINGS}
      join bench_citizens c on c.n = 1 + (s.g::bigint * 104729) % ${CITIZENS}`);
    await tx.execute(sql`insert into agreements (citizen_id, company_id, opening_id, proposal_id, status, current_version, activated_at, ended_at)
      select p.citizen_id, o.company_id, p.opening_id, p.id, case when random() < 0.6 then 'active' else 'ended' end::agreement_status, 1,
        p.company_accepted_at + interval '7 days', case when random() < 0.4 then p.company_accepted_at + (30 + random() * 200) * interval '1 day' end
      from match_proposals p join openings o on o.id = p.opening_id where p.company_accepted_at is not null and o.title like 'Job %' limit ${AGREEMENTS}`);
    await tx.execute(sql`insert into agreement_versions (agreement_id, version, ordinary_hours_per_week, schedule, start_date, tasks, contact_name, contact_role, follow_up_dates)
      select a.id, 1, 3 + floor(random() * 6), '{"days": [], "parts": []}', (a.activated_at at time zone 'Europe/Copenhagen')::date, '["Opgave"]', 'Kontakt', 'Leder',
        (select jsonb_agg(to_char((a.activated_at at time zone 'Europe/Copenhagen')::date + m * 30, 'YYYY-MM-DD')) from generate_series(1, 12) m)
      from agreements a join openings o on o.id = a.opening_id where o.title like 'Job %'`);
    await tx.execute(sql`insert into monthly_hours (agreement_id, month, ordinary_hours, reported_by)
      select a.id, (date_trunc('month', a.activated_at at time zone 'Europe/Copenhagen') + m * interval '1 month')::date, floor(random() * 45), 'company'
      from agreements a join openings o on o.id = a.opening_id, generate_series(0, 7) m
      where o.title like 'Job %' and date_trunc('month', a.activated_at) + m * interval '1 month' < now()`);
    await tx.execute(sql`insert into follow_ups (agreement_id, contact_date, planned_date, with_whom, channel, summary)
      select v.agreement_id, d::date + floor(random() * 12)::int, d::date, 'both', 'phone', 'Opfølgning'
      from agreement_versions v join agreements a on a.id = v.agreement_id join openings o on o.id = a.opening_id, jsonb_array_elements_text(v.follow_up_dates) d
      where o.title like 'Job %' and d::date < current_date and random() < 0.8`);
  });
  await db().execute(sql`analyze`);
  console.info(`Filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return (await one<{ id: string }>(sql`select id from jobcentres where name = 'Bench Jobcenter'`))!.id;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to an empty database of its own (see the top of bench/dashboard.ts).');
  const handle = await createDatabase({ url });
  await migrateDatabase(handle);
  installDatabase(handle);
  const jobcentreId = await fill();
  const period = defaultPeriod(new Date());
  const start = `${period.from}`;
  const counts = await one<{ citizens: number; openings: number; proposals: number; agreements: number; hours: number; follow_ups: number }>(sql`
    select (select count(*) from citizens where jobcentre_id = ${jobcentreId}) as citizens,
      (select count(*) from openings where published_at >= ${start}::date) as openings, (select count(*) from match_proposals) as proposals,
      (select count(*) from agreements) as agreements, (select count(*) from monthly_hours) as hours, (select count(*) from follow_ups) as follow_ups`);
  console.info('Rows:', counts);

  const ours = () => dashboardCounts({ jobcentreId, consultantId: null }, period);
  // Eight bare counts over the same tables and period, in parallel (ours runs four queries in parallel since the
  // shared-tables rewrite, eight parts before it; the floor is kept so the ratios compare across rounds).
  const trivial = () =>
    Promise.all([
      one(sql`select count(*) from openings where published_at >= ${start}::date`),
      one(sql`select count(*) from match_proposals where created_at >= ${start}::date`),
      one(sql`select count(*) from agreements where activated_at >= ${start}::date`),
      one(sql`select count(*) from monthly_hours where month >= ${start}::date`),
      one(sql`select count(*) from citizens where jobcentre_id = ${jobcentreId} and flexjob_visitation_until is not null`),
      one(sql`select count(*) from follow_ups where planned_date >= ${start}::date`),
      one(sql`select count(*) from companies where created_at >= ${start}::date`),
      one(sql`select count(*) from users where jobcentre_id = ${jobcentreId}`),
    ]);

  const samples = option('samples', 30);
  const warmup = option('warmup', 5);
  for (let index = 0; index < warmup; index += 1) {
    await ours();
    await trivial();
  }
  const oursMs: number[] = [];
  const trivialMs: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    let at = performance.now();
    await ours();
    oursMs.push(performance.now() - at);
    at = performance.now();
    await trivial();
    trivialMs.push(performance.now() - at);
  }
  const line = (name: string, values: number[]) => `${name.padEnd(8)} p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
  console.info(line('ours', oursMs));
  console.info(line('trivial', trivialMs));
  console.info(`ours / trivial at p50: ${(quantile(oursMs, 0.5) / quantile(trivialMs, 0.5)).toFixed(1)}×, at p95: ${(quantile(oursMs, 0.95) / quantile(trivialMs, 0.95)).toFixed(1)}×`);
  await handle.close();
}

await main();
