/** Pieces the match and proposal pages share: the explanation of a match, the steps of a proposal, notices. */
import { Link, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { nextShown, type MatchFilterErrors, type MatchFilterValues } from '../domain/match-filters';
import { TextField } from './form';
import type { CurrentProposalExplanation } from '../domain/proposal-explanation';
import { formatStepTime, type ProposalStep } from '../domain/proposal-rules';

/** What fits on one line, what is missing below it: each missing sentence says what it is, so no label. */
export function MatchExplanationText({ explanation }: { explanation: { summary: string; missing: string[] } }) {
  return (
    <>
      {explanation.summary ? <p className="mt-2 mb-0">{explanation.summary}</p> : null}
      {explanation.missing.length > 0 ? (
        <p className="mt-1 mb-0">
          <strong>{explanation.missing.join(' · ')}</strong>
        </p>
      ) : null}
    </>
  );
}

/**
 * An open proposal explained as the citizen and the job are now: first what no longer fits, then what fits
 * and what is missing, and what was said when it was proposed, only where that said something else.
 */
export function ProposalExplanationText({ explanation }: { explanation: CurrentProposalExplanation }) {
  return (
    <>
      {explanation.noLongerFits.length > 0 ? (
        <p className="mt-2 mb-0">
          <strong>Passer ikke længere:</strong> {explanation.noLongerFits.join(' ')}
        </p>
      ) : null}
      <MatchExplanationText explanation={explanation} />
      {explanation.atProposal ? <p className="mt-1 mb-0">Ved forslaget: {explanation.atProposal}</p> : null}
    </>
  );
}

/** Every step of a proposal with its time (and the reason of a no). */
export function ProposalStepList({ steps }: { steps: ProposalStep[] }) {
  return (
    <ol className="mt-2 mb-0">
      {steps.map((step) => (
        <li key={`${step.label}-${new Date(step.at).getTime()}`}>
          {step.label}: <time dateTime={new Date(step.at).toISOString()}>{formatStepTime(new Date(step.at))}</time>
          {step.reason ? ` — “${step.reason}”` : null}
        </li>
      ))}
    </ol>
  );
}

export function Alert({ kind, children, heading }: { kind: 'info' | 'success' | 'warning' | 'error'; children: ReactNode; heading?: string }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="alert-body">
        {heading ? <p className="alert-heading">{heading}</p> : null}
        <div className="alert-text">{children}</div>
      </div>
    </div>
  );
}

export const DATABASE_SEARCH_NOTICE =
  'Søgningen kører i en enklere udgave lige nu, fordi søgemaskinen ikke svarer. Resultaterne er stadig rigtige, men rækkefølgen er enklere.';

/** Said whenever the answer came from the database because Meilisearch did not answer. */
export function DatabaseSearchNotice({ source }: { source: 'meilisearch' | 'database' }) {
  if (source !== 'database') return null;
  return <Alert kind="warning">{DATABASE_SEARCH_NOTICE}</Alert>;
}

/** The search box and the distance of a match page's GET form, side by side. */
export function MatchSearchFields({ label, hint, values, errors }: { label: string; hint: string; values: MatchFilterValues; errors: MatchFilterErrors }) {
  return (
    <div className="row">
      <div className="col-12 col-md-6">
        <TextField name="q" label={label} type="search" hint={hint} defaultValue={values.q} error={errors.q} optional />
      </div>
      <div className="col-12 col-md-3">
        <TextField name="maxKm" label="Højst afstand (km)" inputMode="numeric" defaultValue={values.maxKm} error={errors.maxKm} optional />
      </div>
    </div>
  );
}

/** The count above a match list: all of them, or the best so many when there may be more. */
export function MatchCount({ count, shown, one, many }: { count: number; shown: number; one: string; many: string }) {
  const text = nextShown(count, shown) !== null ? `De ${count} bedste ${many} vises.` : count === 1 ? `1 ${one} passer.` : `${count} ${many} passer.`;
  return <p aria-live="polite">{text}</p>;
}

/** The id of the n-th match in a list (from 1), so "Vis flere" can land on the first new one. */
export const matchAnchor = (position: number) => `match-${position}`;

/** "Vis flere" under a full list: the same search with a page more, landing on the first new match. */
export function ShowMoreMatches({ count, shown }: { count: number; shown: number }) {
  const [searchParams] = useSearchParams();
  const next = nextShown(count, shown);
  if (next === null) return null;
  const more = new URLSearchParams(searchParams);
  more.set('vis', String(next));
  return (
    <p>
      <Link to={`?${more}#${matchAnchor(shown + 1)}`} className="button button-secondary">
        Vis flere
      </Link>
    </p>
  );
}
