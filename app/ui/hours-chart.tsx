/**
 * Ordinary hours per month against the 30-hours line (DESIGN: path step 3). The SVG is one image with a text
 * alternative that says the path in words; the table beside it holds every number, also the praktik,
 * fleksjob and wage-subsidy hours that do not count towards the goal.
 */
import { Link } from '@remix-run/react';
import { ORDINARY_HOURS_GOAL } from '../domain/citizen-path';
import { HOURS_REPORTER_ENTRIES, reachedOrdinaryHoursGoal, type MonthHours } from '../domain/agreement-rules';
import { formatHoursIn, formatMonthIn } from '../i18n/format';
import { labelIn, type Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';
import { TableScrollRegion } from './table';

type Row = MonthHours & { reportedBy?: string };

const hoursIn = (value: number, language: Language) => formatHoursIn(value, language, { unit: false });

/**
 * The chart is drawn twice and CSS shows one: a wide drawing from 768 px, never scaled below its own size, and
 * a narrow one for phones, whose labels stay at 12 px or more when a 320 px screen shrinks it (one 640-unit
 * drawing for both would put the labels at about 6 px there, issue 14).
 */
type Layout = { name: 'wide' | 'narrow'; width: number; height: number; pad: { top: number; right: number; bottom: number; left: number }; font: number; minLabelGap: number };

const LAYOUTS: Layout[] = [
  { name: 'wide', width: 640, height: 260, pad: { top: 16, right: 16, bottom: 48, left: 44 }, font: 12, minLabelGap: 28 },
  { name: 'narrow', width: 300, height: 240, pad: { top: 20, right: 8, bottom: 48, left: 36 }, font: 13, minLabelGap: 34 },
];

/** A short text of the whole path, for the image's description. */
export function describeHoursPath(rows: readonly Row[], language: Language = 'da'): string {
  const t = textsFor(language).hours;
  if (rows.length === 0) return t.none;
  const path = rows.map((row) => t.pathItem(formatMonthIn(row.month, language), hoursIn(row.ordinaryHours, language))).join(', ');
  const reached = rows.find(reachedOrdinaryHoursGoal);
  return t.path(path, reached ? formatMonthIn(reached.month, language) : null);
}

export function HoursChart({ rows, idPrefix = 'hours', language = 'da' }: { rows: readonly Row[]; idPrefix?: string; language?: Language }) {
  const t = textsFor(language).hours;
  const sorted = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  return (
    <figure className="hours-chart">
      {LAYOUTS.map((layout) => (
        <ChartDrawing key={layout.name} rows={sorted} layout={layout} idPrefix={`${idPrefix}-${layout.name}`} language={language} />
      ))}
      <figcaption className="form-hint">{t.chartCaption}</figcaption>
    </figure>
  );
}

function ChartDrawing({ rows, layout, idPrefix, language }: { rows: readonly Row[]; layout: Layout; idPrefix: string; language: Language }) {
  const t = textsFor(language).hours;
  const { width, height, pad, font } = layout;
  const top = Math.max(ORDINARY_HOURS_GOAL + 10, ...rows.map((row) => row.ordinaryHours));
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const y = (value: number) => pad.top + plotHeight - (value / top) * plotHeight;
  const step = rows.length > 0 ? plotWidth / rows.length : plotWidth;
  const barWidth = Math.min(48, step * 0.6);
  // With many months on a narrow drawing, every second (third…) month is named; the table has them all.
  const labelEvery = Math.max(1, Math.ceil(layout.minLabelGap / step));
  const ticks = [0, 10, 20, 30, 40, 50, 60, 80, 100, 150, 200].filter((tick) => tick <= top && (layout.name === 'wide' || tick % 20 === 0 || tick === ORDINARY_HOURS_GOAL));
  const titleId = `${idPrefix}-chart-title`;
  const descId = `${idPrefix}-chart-desc`;
  return (
    <svg className={`jobbro-chart-${layout.name}`} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} width="100%">
      <title id={titleId}>{t.chartTitle}</title>
      <desc id={descId}>{describeHoursPath(rows, language)}</desc>
      {ticks.map((tick) => (
        <g key={tick} aria-hidden="true">
          <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#ddd" />
          <text x={pad.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={font} fill="#333">
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const x = pad.left + index * step + (step - barWidth) / 2;
        const reached = reachedOrdinaryHoursGoal(row);
        const named = index % labelEvery === 0;
        return (
          <g key={row.month} aria-hidden="true">
            <rect x={x} y={y(row.ordinaryHours)} width={barWidth} height={Math.max(0, y(0) - y(row.ordinaryHours))} fill={reached ? '#008139' : '#0059b3'} />
            {named ? (
              <>
                <text x={x + barWidth / 2} y={y(row.ordinaryHours) - 4} textAnchor="middle" fontSize={font} fill="#1a1a1a">
                  {hoursIn(row.ordinaryHours, language)}
                </text>
                <text x={x + barWidth / 2} y={height - pad.bottom + 18} textAnchor="middle" fontSize={font} fill="#1a1a1a">
                  {formatMonthIn(row.month, language).replace(/ \d{4}$/, '').slice(0, 3)}
                </text>
                <text x={x + barWidth / 2} y={height - pad.bottom + 34} textAnchor="middle" fontSize={font} fill="#555">
                  {row.month.slice(0, 4)}
                </text>
              </>
            ) : null}
          </g>
        );
      })}
      <g aria-hidden="true">
        <line x1={pad.left} x2={width - pad.right} y1={y(ORDINARY_HOURS_GOAL)} y2={y(ORDINARY_HOURS_GOAL)} stroke="#b00020" strokeWidth="2" strokeDasharray="6 4" />
        <text x={width - pad.right} y={y(ORDINARY_HOURS_GOAL) - 6} textAnchor="end" fontSize={font} fill="#b00020">
          {t.goalLine}
        </text>
      </g>
    </svg>
  );
}

/** Every month's hours; only the ordinary ones count towards the goal. `correctHref` adds a link to correct a month. */
export function HoursTable({
  rows,
  caption,
  language = 'da',
  correctHref,
}: {
  rows: readonly Row[];
  caption?: string;
  language?: Language;
  correctHref?: (month: string) => string;
}) {
  const t = textsFor(language).hours;
  if (rows.length === 0) return <p>{t.none}</p>;
  const sorted = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  return (
    <TableScrollRegion label={caption ?? t.caption}>
      <table className="table table--compact">
        <caption>{caption ?? t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.month}</th>
            <th scope="col" className="align-text-right">
              {t.ordinary}
            </th>
            <th scope="col" className="align-text-right">
              {t.internship}
            </th>
            <th scope="col" className="align-text-right">
              {t.flexjob}
            </th>
            <th scope="col" className="align-text-right">
              {t.wageSubsidy}
            </th>
            <th scope="col">{t.goalReached}</th>
            {sorted.some((row) => row.reportedBy) ? <th scope="col">{t.reportedBy}</th> : null}
            {correctHref ? <th scope="col" className="no-print"><span className="sr-only">Ret timerne</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.month}>
              <th scope="row">{formatMonthIn(row.month, language)}</th>
              <td className="align-text-right">{hoursIn(row.ordinaryHours, language)}</td>
              <td className="align-text-right">{hoursIn(row.internshipHours, language)}</td>
              <td className="align-text-right">{hoursIn(row.flexjobHours, language)}</td>
              <td className="align-text-right">{hoursIn(row.wageSubsidyHours, language)}</td>
              <td>{reachedOrdinaryHoursGoal(row) ? t.yes : t.no}</td>
              {row.reportedBy ? <td>{labelIn(HOURS_REPORTER_ENTRIES, row.reportedBy as (typeof HOURS_REPORTER_ENTRIES)[number]['code'], language)}</td> : null}
              {correctHref ? (
                <td className="no-print">
                  <Link to={correctHref(row.month)} preventScrollReset={false}>
                    Ret<span className="sr-only"> timerne for {formatMonthIn(row.month, language)}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}
