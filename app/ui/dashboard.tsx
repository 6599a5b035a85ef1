/**
 * The leader's dashboard: per section a chart drawn on the server as SVG (no JavaScript, prints well) and a
 * table with the same numbers for screen readers and for reading across months. Both read the same rows
 * (app/domain/dashboard-figures.ts), so they cannot disagree; a hidden cell says "under 5" in both.
 */
import { Form } from '@remix-run/react';
import { goalMetText, goalText, type Cell, type DashboardSection, type FigureRow } from '../domain/dashboard-figures';
import { formatShown, GOAL_ENTRIES, monthLabel, SUPPRESSED_TEXT, type GoalsInput, type Period } from '../domain/dashboard-rules';
import { ErrorSummary, SubmitButton, TextField, type FieldErrors } from './form';
import { TableScrollRegion } from './table';

type Layout = { name: 'wide' | 'narrow'; width: number; height: number; pad: { top: number; right: number; bottom: number; left: number }; font: number; minLabelGap: number };

const LAYOUTS: Layout[] = [
  { name: 'wide', width: 640, height: 240, pad: { top: 16, right: 16, bottom: 40, left: 52 }, font: 12, minLabelGap: 40 },
  { name: 'narrow', width: 300, height: 220, pad: { top: 18, right: 8, bottom: 40, left: 50 }, font: 13, minLabelGap: 48 },
];

function valueOf(cell: Cell): number | null {
  return cell && !cell.hidden ? cell.value : null;
}

/** The chart's text alternative: each month's value in words, as the table has it. */
function describe(row: FigureRow, months: string[]): string {
  return months.map((month, index) => `${monthLabel(month)}: ${formatShown(row.months[index] ?? null, row.unit)}`).join(', ');
}

function niceTop(max: number, unit: FigureRow['unit']): number {
  if (unit === 'percent') return 100;
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const steps = [1, 2, 2.5, 5, 10].map((step) => step * magnitude);
  return steps.find((step) => step >= max) ?? max;
}

function ChartDrawing({ row, months, layout, idPrefix, title }: { row: FigureRow; months: string[]; layout: Layout; idPrefix: string; title: string }) {
  const { width, height, pad, font } = layout;
  const values = row.months.map(valueOf);
  const goal = row.goal?.percent ?? null;
  const top = niceTop(Math.max(0, goal ?? 0, ...values.map((value) => value ?? 0)), row.unit);
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const y = (value: number) => pad.top + plotHeight - (value / top) * plotHeight;
  const step = months.length > 0 ? plotWidth / months.length : plotWidth;
  const barWidth = Math.min(36, step * 0.6);
  const labelEvery = Math.max(1, Math.ceil(layout.minLabelGap / step));
  const ticks = [0, top / 2, top];
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return (
    <svg className={`jobbro-chart-${layout.name}`} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} width="100%">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{describe(row, months)}</desc>
      {ticks.map((tick) => (
        <g key={tick} aria-hidden="true">
          <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#ddd" />
          <text x={pad.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={font} fill="#333">
            {row.unit === 'percent' ? `${tick} %` : tick.toLocaleString('da-DK')}
          </text>
        </g>
      ))}
      {months.map((month, index) => {
        const value = values[index];
        const cell = row.months[index];
        const x = pad.left + index * step + (step - barWidth) / 2;
        return (
          <g key={month} aria-hidden="true">
            {value !== null && value !== undefined ? (
              <rect x={x} y={y(value)} width={barWidth} height={Math.max(0, y(0) - y(value))} fill={row.goal?.percent != null && row.goal.direction === 'atMost' ? (value <= row.goal.percent ? '#007b40' : '#b3261e') : '#0059b3'} />
            ) : cell?.hidden ? (
              // A hidden month is marked, so it does not read as zero.
              <text x={x + barWidth / 2} y={y(0) - 4} textAnchor="middle" fontSize={font} fill="#555">
                &lt;5
              </text>
            ) : null}
            {index % labelEvery === 0 ? (
              <text x={x + barWidth / 2} y={height - pad.bottom + font + 6} textAnchor="middle" fontSize={font} fill="#333">
                {monthLabel(month).replace(/\.? \d{2}(\d{2})$/, ' $1')}
              </text>
            ) : null}
          </g>
        );
      })}
      {goal !== null ? (
        <g aria-hidden="true">
          <line x1={pad.left} x2={width - pad.right} y1={y(goal)} y2={y(goal)} stroke="#b3261e" strokeWidth={2} strokeDasharray="6 4" />
          <text x={width - pad.right} y={y(goal) - 4} textAnchor="end" fontSize={font} fill="#b3261e">
            Mål {goal} %
          </text>
        </g>
      ) : null}
      <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="#333" aria-hidden="true" />
    </svg>
  );
}

function Chart({ row, months, id, title }: { row: FigureRow; months: string[]; id: string; title: string }) {
  return (
    <figure className="jobbro-dashboard-chart">
      {LAYOUTS.map((layout) => (
        <ChartDrawing key={layout.name} row={row} months={months} layout={layout} idPrefix={`${id}-${layout.name}`} title={title} />
      ))}
      <figcaption className="form-hint">{title}. Tallene står i tabellen herunder; måneder med 1–4 vises som «{SUPPRESSED_TEXT}».</figcaption>
    </figure>
  );
}

function SectionTable({ section, period }: { section: DashboardSection; period: Period }) {
  return (
    <TableScrollRegion label={`${section.title}, tal pr. måned`}>
      <table className="table table--compact jobbro-dashboard-table">
        <caption className="sr-only">{section.title} pr. måned og for hele perioden</caption>
        <thead>
          <tr>
            <th scope="col">Tal</th>
            <th scope="col">Hele perioden</th>
            <th scope="col">Mål</th>
            {period.months.map((month) => (
              <th scope="col" key={month}>
                {monthLabel(month)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section.rows.map((row) => (
            <tr key={row.key} data-figure={row.key}>
              <th scope="row" className={row.sub ? 'jobbro-dashboard-sub' : undefined}>
                {row.sub ? <span className="sr-only">Heraf: </span> : null}
                {row.label}
              </th>
              <td data-cell="total">
                <strong>{formatShown(row.total, row.unit)}</strong>
              </td>
              <td data-cell="goal">
                {row.goal ? (
                  <>
                    {goalText(row.goal)}
                    {row.goal.percent !== null ? (
                      <span className={`jobbro-goal-${row.goal.met === null ? 'unknown' : row.goal.met ? 'met' : 'missed'}`}> · {goalMetText(row.goal)}</span>
                    ) : null}
                  </>
                ) : null}
              </td>
              {period.months.map((month, index) => (
                <td key={month}>{formatShown(row.months[index] ?? null, row.unit)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

export function DashboardSections({ sections, period }: { sections: DashboardSection[]; period: Period }) {
  return (
    <>
      {sections.map((section) => {
        const chartRow = section.rows.find((row) => row.key === section.chart.rowKey)!;
        return (
          <section key={section.id} aria-labelledby={`${section.id}-heading`} className="mb-8">
            <h2 id={`${section.id}-heading`}>{section.title}</h2>
            <Chart row={chartRow} months={period.months} id={`chart-${section.id}`} title={section.chart.title} />
            <SectionTable section={section} period={period} />
          </section>
        );
      })}
    </>
  );
}

/** The period chooser: two month fields (ÅÅÅÅ-MM), sent by GET so a period can be bookmarked. */
export function PeriodForm({ period, values, errors, hidden = {} }: { period: Period; values: { fra: string; til: string }; errors: FieldErrors; hidden?: Record<string, string> }) {
  return (
    <Form method="get" className="mb-6" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
      <fieldset>
        <legend className="h3">Periode</legend>
        <p className="form-hint">
          Nu: {monthLabel(period.from)} – {monthLabel(period.to)}. Uden valg vises de seneste 12 måneder.
        </p>
        <div className="jobbro-period-fields">
          <TextField name="fra" label="Fra måned (ÅÅÅÅ-MM)" defaultValue={values.fra} error={errors.fra} inputMode="numeric" autoComplete="off" />
          <TextField name="til" label="Til måned (ÅÅÅÅ-MM)" defaultValue={values.til} error={errors.til} inputMode="numeric" autoComplete="off" />
        </div>
        <button type="submit" className="button button-secondary">
          Vis perioden
        </button>
      </fieldset>
    </Form>
  );
}

/** The jobcentre's goals, each a percent from 0 to 100 or empty; bad values are refused at their field. */
export function GoalsForm({ goals, values, errors, saved }: { goals: GoalsInput; values?: Record<string, string>; errors: FieldErrors; saved: boolean }) {
  return (
    <section aria-labelledby="goals-heading" className="mb-8">
      <h2 id="goals-heading">Jobcentrets mål</h2>
      {saved ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">Målene er gemt.</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="goals" />
        <p className="form-hint">Skriv målet i procent fra 0 til 100. Et tomt felt betyder intet mål.</p>
        <div className="jobbro-goal-fields">
          {GOAL_ENTRIES.map((entry) => (
            <TextField
              key={entry.code}
              name={entry.code}
              label={`${entry.da} (${entry.direction === 'atLeast' ? 'mindst' : 'højst'}, %)`}
              defaultValue={values?.[entry.code] ?? (goals[entry.code] === null ? '' : String(goals[entry.code]).replace('.', ','))}
              error={errors[entry.code]}
              inputMode="decimal"
              autoComplete="off"
            />
          ))}
        </div>
        <SubmitButton>Gem målene</SubmitButton>
      </Form>
    </section>
  );
}

/** The goals as a short list, for consultants, who see but do not set them. */
export function GoalsList({ goals }: { goals: GoalsInput }) {
  return (
    <section aria-labelledby="goals-heading" className="mb-8">
      <h2 id="goals-heading">Jobcentrets mål</h2>
      <ul>
        {GOAL_ENTRIES.map((entry) => (
          <li key={entry.code}>
            {entry.da}: {goals[entry.code] === null ? 'intet mål' : `${entry.direction === 'atLeast' ? 'mindst' : 'højst'} ${formatShown({ hidden: false, value: goals[entry.code]! }, 'percent')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Extras = {
  overdueNow: Cell;
  hoursPerWeek: { agreements: Cell; atStart: Cell; now: Cell };
  noReasons: { party: 'citizen' | 'company'; reason: string; count: number }[];
  consultants: { id: string; name: string; proposals: Cell; started: Cell; reached: Cell; caseload: Cell }[];
};

/** What has no months: overdue follow-ups now, hours per week at start and now, reasons for no, per consultant. */
export function DashboardExtras({ extras, period }: { extras: Extras; period: Period }) {
  return (
    <section aria-labelledby="extras-heading" className="mb-8">
      <h2 id="extras-heading">Lige nu og for hele perioden</h2>
      <table className="table table--compact">
        <caption className="sr-only">Tal uden måneder</caption>
        <tbody>
          <tr data-figure="overdueNow">
            <th scope="row">Opfølgninger overskredet nu</th>
            <td>{formatShown(extras.overdueNow, 'count')}</td>
          </tr>
          <tr data-figure="hoursAgreements">
            <th scope="row">Aktive aftaler ved udgangen af {monthLabel(period.to)}</th>
            <td>{formatShown(extras.hoursPerWeek.agreements, 'count')}</td>
          </tr>
          <tr data-figure="hoursAtStart">
            <th scope="row">Ordinære timer pr. uge ved start (gennemsnit)</th>
            <td>{formatShown(extras.hoursPerWeek.atStart, 'hours')}</td>
          </tr>
          <tr data-figure="hoursNow">
            <th scope="row">Ordinære timer pr. uge nu (gennemsnit)</th>
            <td>{formatShown(extras.hoursPerWeek.now, 'hours')}</td>
          </tr>
        </tbody>
      </table>
      <h3>Begrundelser for nej</h3>
      {extras.noReasons.length === 0 ? (
        <p>Ingen begrundelse er givet af mindst 5 med de samme ord i perioden. Sjældnere begrundelser vises ikke, da de kan pege på en person.</p>
      ) : (
        <ul>
          {extras.noReasons.map((row) => (
            <li key={`${row.party}-${row.reason}`}>
              {row.party === 'citizen' ? 'Borgeren' : 'Virksomheden'}: «{row.reason}» ({row.count})
            </li>
          ))}
        </ul>
      )}
      {extras.consultants.length > 0 ? (
        <>
          <h3 id="consultants-heading">Pr. konsulent</h3>
          <TableScrollRegion label="Tal pr. konsulent">
            <table className="table table--compact" aria-labelledby="consultants-heading">
              <thead>
                <tr>
                  <th scope="col">Konsulent</th>
                  <th scope="col">Borgere nu</th>
                  <th scope="col">Forslag</th>
                  <th scope="col">Aftaler startet</th>
                  <th scope="col">Borgere med 30 timer</th>
                </tr>
              </thead>
              <tbody>
                {extras.consultants.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    <td>{formatShown(row.caseload, 'count')}</td>
                    <td>{formatShown(row.proposals, 'count')}</td>
                    <td>{formatShown(row.started, 'count')}</td>
                    <td>{formatShown(row.reached, 'count')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        </>
      ) : null}
    </section>
  );
}
