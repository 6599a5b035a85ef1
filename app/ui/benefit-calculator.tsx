/**
 * "Hvad betyder det for min økonomi?": the benefit calculator as a GET form (works without JavaScript; with it,
 * the page asks again as the person types) and its answer: now and with the job side by side, the difference
 * per month, a bar chart drawn as SVG on the server with the same numbers as text, and one line per step.
 * The texts live here, in both languages, beside the only component that speaks them.
 */
import { Form, Link, useSubmit } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import type { Calculation, CalculatorForm, Line, MatchMoney } from '../domain/benefit-calculator';
import { BENEFIT_STATUS_ENTRIES } from '../domain/vocabulary';
import { formatKroner } from '../domain/format';
import type { Language } from '../i18n/language';
import { RadioGroup, SelectField } from './choice-fields';
import { TextField } from './form';

const TEXTS = {
  da: {
    heading: 'Hvad betyder det for min økonomi?',
    intro: 'Se, hvad du har før skat om måneden nu, og hvis du tager jobbet. Beregningen er vejledende – det er ikke en afgørelse.',
    benefit: 'Din forsørgelse i dag',
    choose: 'Vælg',
    hours: 'Timer om ugen',
    hoursHint: 'Mellem 0 og 37',
    wage: 'Timeløn i kroner før skat',
    wageHint: 'Uden pension, fx 145,50',
    pension: 'Pension fra arbejdsgiveren i procent',
    pensionHint: 'Bruges til fleksjob. Skriv 0, hvis du ikke ved det.',
    children: 'Forsørger du børn?',
    yes: 'Ja',
    no: 'Nej',
    household: 'Bor du alene eller med en partner?',
    single: 'Alene',
    couple: 'Gift eller samlevende',
    submit: 'Beregn',
    now: 'Nu',
    withJob: 'Med jobbet',
    wageRow: 'Løn',
    total: 'I alt før skat',
    difference: 'Forskel om måneden',
    more: (amount: string) => `Med jobbet har du ${amount} mere om måneden før skat.`,
    less: (amount: string) => `Med jobbet har du ${amount} mindre om måneden før skat.`,
    same: 'Med jobbet har du det samme om måneden før skat.',
    steps: 'Sådan er det regnet',
    notCovered: 'Spørg din jobkonsulent',
    years: (years: string) => `Satser fra ${years}. Hvor vi ikke har fundet årets satser, bruger vi de nyeste, vi har fundet.`,
    chartTitle: 'Før skat om måneden: nu og med jobbet',
    chartWage: 'Løn',
    chartBenefit: 'Ydelse',
    agreement: (name: string) => `Lønnen følger ${name}. Spørg virksomheden om timelønnen, og skriv den her.`,
    public: 'Prøv også beregneren med andre tal',
  },
  en: {
    heading: 'What does it mean for my money?',
    intro: 'See what you have before tax per month now and if you take the job. This is a guide – not a decision.',
    benefit: 'Your benefit today',
    choose: 'Choose',
    hours: 'Hours a week',
    hoursHint: 'Between 0 and 37',
    wage: 'Hourly wage in DKK before tax',
    wageHint: 'Without pension, e.g. 145.50',
    pension: "The employer's pension in per cent",
    pensionHint: "Used for flexjobs. Enter 0 if you don't know.",
    children: 'Do you provide for children?',
    yes: 'Yes',
    no: 'No',
    household: 'Do you live alone or with a partner?',
    single: 'Alone',
    couple: 'Married or cohabiting',
    submit: 'Calculate',
    now: 'Now',
    withJob: 'With the job',
    wageRow: 'Wage',
    total: 'Total before tax',
    difference: 'Difference per month',
    more: (amount: string) => `With the job you have ${amount} more per month before tax.`,
    less: (amount: string) => `With the job you have ${amount} less per month before tax.`,
    same: 'With the job you have the same per month before tax.',
    steps: 'How it is worked out',
    notCovered: 'Ask your job consultant',
    years: (years: string) => `Rates from ${years}. Where we have not found this year's rates, we use the newest we found.`,
    chartTitle: 'Before tax per month: now and with the job',
    chartWage: 'Wage',
    chartBenefit: 'Benefit',
    agreement: (name: string) => `The wage follows ${name}. Ask the company for the hourly wage and enter it here.`,
    public: 'Try the calculator with other numbers too',
  },
} as const;

const line = (text: Line, language: Language) => (language === 'da' ? text.da : text.en);
const yearsText = (years: number[], language: Language) => years.join(language === 'da' ? ', ' : ', ');

export type BenefitCalculatorProps = {
  form: CalculatorForm;
  language: Language;
  /** Where the GET form goes; the page itself by default. */
  action?: string;
  /** Hidden fields the page needs to keep (none on most pages). */
  keep?: Record<string, string>;
  /** The wage follows this collective agreement. */
  wageAgreement?: string | null;
  headingLevel?: 'h2' | 'h3';
  /** Ask again as the person types (with JavaScript); off where every answer is a logged read. */
  live?: boolean;
};

/** The calculator: the form, then the answer right under it. */
export function BenefitCalculator({ form, language, action, keep = {}, wageAgreement, headingLevel = 'h2', live = true }: BenefitCalculatorProps) {
  const t = TEXTS[language];
  const Heading = headingLevel;
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  // With JavaScript the answer follows the typing: the same GET, sent a moment after the last key.
  const updateSoon = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (formRef.current) submit(formRef.current, { method: 'get', replace: true, preventScrollReset: true });
    }, 350);
  };
  const { values, errors } = form;
  return (
    <section className="jobbro-calculator mb-6" aria-labelledby="calculator-heading" id="oekonomi">
      <Heading id="calculator-heading">{t.heading}</Heading>
      <p className="mt-0">{t.intro}</p>
      <Form method="get" action={action ? `${action}#oekonomi` : '#oekonomi'} ref={formRef} onChange={live ? updateSoon : undefined} preventScrollReset replace>
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SelectField
          name="benefit"
          label={t.benefit}
          options={BENEFIT_STATUS_ENTRIES.map((entry) => ({ code: entry.code, label: language === 'da' ? entry.da : entry.en }))}
          selected={values.benefit}
          placeholder={t.choose}
          error={errors.benefit}
        />
        <div className="jobbro-calculator-numbers">
          <TextField name="hours" label={t.hours} hint={t.hoursHint} inputMode="decimal" defaultValue={values.hours ?? ''} error={errors.hours} />
          <TextField name="wage" label={t.wage} hint={wageAgreement && !values.wage ? t.agreement(wageAgreement) : t.wageHint} inputMode="decimal" defaultValue={values.wage ?? ''} error={errors.wage} />
          <TextField name="pension" label={t.pension} hint={t.pensionHint} inputMode="decimal" defaultValue={values.pension ?? '0'} error={errors.pension} />
        </div>
        <RadioGroup
          name="children"
          legend={t.children}
          options={[
            { code: 'no', label: t.no },
            { code: 'yes', label: t.yes },
          ]}
          selected={values.children ?? 'no'}
        />
        <RadioGroup
          name="household"
          legend={t.household}
          options={[
            { code: 'single', label: t.single },
            { code: 'couple', label: t.couple },
          ]}
          selected={values.household ?? 'single'}
        />
        <button type="submit" className="button button-primary">
          {t.submit}
        </button>
      </Form>
      <div aria-live="polite">{form.result ? <CalculationAnswer result={form.result} language={language} /> : null}</div>
    </section>
  );
}

/** The answer alone: the side-by-side table, the difference, the chart and the steps (also on pages without the form). */
export function CalculationAnswer({ result, language }: { result: Calculation; language: Language }) {
  const t = TEXTS[language];
  if (!result.covered) {
    return (
      <div className="alert alert-info mt-5" role="status">
        <div className="alert-body">
          <p className="alert-heading">{t.notCovered}</p>
          <p className="alert-text" data-testid="calculator-not-covered">
            {line(result.message, language)} {line(result.reason, language)}
          </p>
        </div>
      </div>
    );
  }
  const money = (amount: number) => formatKroner(amount, language);
  const differenceText = result.difference > 0 ? t.more(money(result.difference)) : result.difference < 0 ? t.less(money(-result.difference)) : t.same;
  const benefitNow = line(result.benefitNow, language);
  const benefitWithJob = line(result.benefitWithJob, language);
  return (
    <div className="mt-5" data-testid="calculator-answer">
      <p className="font-lead" data-testid="calculator-difference">
        <strong>{differenceText}</strong>
      </p>
      <table className="table table--compact">
        <caption className="sr-only">{t.chartTitle}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t.now}</th>
            <th scope="col">{t.withJob}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.wageRow}</th>
            <td className="jobbro-number">{money(result.now.wage)}</td>
            <td className="jobbro-number">{money(result.withJob.wage)}</td>
          </tr>
          <tr>
            <th scope="row">{benefitNow === benefitWithJob ? benefitNow : `${benefitNow} / ${benefitWithJob}`}</th>
            <td className="jobbro-number">{money(result.now.benefit)}</td>
            <td className="jobbro-number">{money(result.withJob.benefit)}</td>
          </tr>
          <tr>
            <th scope="row">{t.total}</th>
            <td className="jobbro-number">
              <strong>{money(result.now.total)}</strong>
            </td>
            <td className="jobbro-number">
              <strong data-testid="calculator-with-job-total">{money(result.withJob.total)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">{t.difference}</th>
            <td />
            <td className="jobbro-number" data-testid="calculator-difference-amount">
              {result.difference > 0 ? '+' : result.difference < 0 ? '−' : ''}
              {money(Math.abs(result.difference))}
            </td>
          </tr>
        </tbody>
      </table>
      <MoneyChart result={result} language={language} />
      <h3 className="h5 mb-1">{t.steps}</h3>
      <ol className="mt-0">
        {result.steps.map((step) => (
          <li key={step.da}>{line(step, language)}</li>
        ))}
      </ol>
      <ul className="form-hint">
        {result.notes.map((note) => (
          <li key={note.da}>{line(note, language)}</li>
        ))}
        <li data-testid="calculator-years">{t.years(yearsText(result.years, language))}</li>
      </ul>
    </div>
  );
}

/** Two stacked bars, wage and benefit, with the totals written at their ends; the table above holds the numbers. */
function MoneyChart({ result, language }: { result: Extract<Calculation, { covered: true }>; language: Language }) {
  const t = TEXTS[language];
  const width = 320;
  const labelWidth = 92;
  const barArea = width - labelWidth - 8;
  const top = Math.max(result.now.total, result.withJob.total, 1);
  const scale = (amount: number) => (amount / top) * (barArea - 4);
  const rows = [
    { name: t.now, side: result.now, y: 30 },
    { name: t.withJob, side: result.withJob, y: 92 },
  ];
  const description = `${t.now}: ${formatKroner(result.now.total, language)}. ${t.withJob}: ${formatKroner(result.withJob.total, language)}.`;
  return (
    <figure className="jobbro-money-chart">
      <svg viewBox={`0 0 ${width} 170`} role="img" aria-labelledby="money-chart-title money-chart-desc" width="100%">
        <title id="money-chart-title">{t.chartTitle}</title>
        <desc id="money-chart-desc">{description}</desc>
        {rows.map((row) => (
          <g key={row.name}>
            <text x={0} y={row.y - 8} fontSize={15} fontWeight="bold" fill="#1a1a1a">
              {row.name}: {formatKroner(row.side.total, language)}
            </text>
            <rect x={0} y={row.y} width={Math.max(0, scale(row.side.wage))} height={28} fill="#0059b3" />
            <rect x={scale(row.side.wage)} y={row.y} width={Math.max(0, scale(row.side.benefit))} height={28} fill="#9ec9f0" />
          </g>
        ))}
        <g aria-hidden="true">
          <rect x={0} y={142} width={14} height={14} fill="#0059b3" />
          <text x={20} y={154} fontSize={14} fill="#1a1a1a">
            {t.chartWage}
          </text>
          <rect x={92} y={142} width={14} height={14} fill="#9ec9f0" />
          <text x={112} y={154} fontSize={14} fill="#1a1a1a">
            {t.chartBenefit}
          </text>
        </g>
      </svg>
    </figure>
  );
}

/** A link to the public calculator with the job's numbers, for lists where a whole form per job is too much. */
export function CalculatorLink({
  hours,
  wage,
  wageAgreement,
  language,
}: {
  hours: string | undefined;
  wage: string | undefined;
  /** Said beside the link when the job names only the agreement its wage follows. */
  wageAgreement?: string | null;
  language: Language;
}) {
  const query = new URLSearchParams();
  if (hours) query.set('hours', hours);
  if (wage) query.set('wage', wage);
  return (
    <>
      <Link to={`/beregner${query.size > 0 ? `?${query}` : ''}#oekonomi`}>{TEXTS[language].heading}</Link>
      {!wage && wageAgreement ? <span className="d-block form-hint">{TEXTS[language].agreement(wageAgreement)}</span> : null}
    </>
  );
}

/** The calculator's figure in a consultant's match list (Danish: consultants' pages), with the way to the whole sum. */
export function MatchMoneyLine({ money, calculationHref }: { money: MatchMoney; calculationHref: string }) {
  // A job that states neither wage nor agreement: nothing to say, and no line repeated down the list.
  if (money.kind === 'no_wage' && !money.wageAgreement) return null;
  const text =
    money.kind === 'figure'
      ? `Med jobbet: ${money.difference > 0 ? '+' : money.difference < 0 ? '−' : ''}${formatKroner(Math.abs(money.difference), 'da')} om måneden, vejledende.`
      : money.kind === 'not_covered'
        ? 'Beregneren dækker ikke borgerens ydelse endnu.'
        : `Løn efter overenskomst: ${money.wageAgreement}. Ingen timeløn at regne med.`;
  return (
    <p className="mt-2 mb-0" data-testid="match-money">
      {text}{' '}
      {money.kind === 'figure' ? <Link to={calculationHref}>Se beregningen</Link> : null}
    </p>
  );
}
