/**
 * A proposal is confirmed before it is sent: "Foreslå" opens this step (a GET, so it works without
 * JavaScript), which shows exactly what the company will see (CompanyCandidateView, the company's own page's
 * view) and sends only from here.
 */
import { Form, Link } from '@remix-run/react';
import { formatHours } from '../domain/format';
import { proposalStatusForCompany } from '../domain/proposal-rules';
import { OPENING_KIND_LABELS } from '../domain/vocabulary';
import type { ProposalPreview } from '../services/proposals.server';
import { CompanyCandidateView } from './company-candidate';
import { Alert } from './matching';

/** The query parameter that opens the step: the id of the citizen (on an opening's page) or the opening (on a citizen's). */
export const CONFIRM_PARAM = 'bekraeft';

/** The parameters a page keeps when the step opens or closes (its search), without the page's own notices. */
function keptParams(searchParams: URLSearchParams): [string, string][] {
  return [...searchParams.entries()].filter(([name]) => ![CONFIRM_PARAM, 'foreslaaet', 'trukket'].includes(name));
}

/** "Foreslå": opens the confirmation step for one citizen or opening, keeping the page's search. */
export function ProposeButton({ targetId, name, searchParams }: { targetId: string; name: string; searchParams: URLSearchParams }) {
  return (
    <Form method="get" className="mt-3">
      {keptParams(searchParams).map(([key, value], index) => (
        <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
      ))}
      <input type="hidden" name={CONFIRM_PARAM} value={targetId} />
      <button type="submit" className="button button-secondary">
        Foreslå<span className="sr-only"> {name}</span>
      </button>
    </Form>
  );
}

export function ProposalConfirmation({ preview, searchParams }: { preview: ProposalPreview; searchParams: URLSearchParams }) {
  const { opening, companySees } = preview;
  const cancel = new URLSearchParams(keptParams(searchParams)).toString();
  return (
    <section id="bekraeft" aria-labelledby="confirm-heading" className="jobbro-confirm-proposal mb-6">
      <h2 id="confirm-heading">Bekræft forslaget</h2>
      <p>
        Du foreslår <strong>{preview.citizenName}</strong> til <strong>{opening.title}</strong> hos {opening.companyName}. Sådan ser virksomheden
        forslaget, når du har sendt det:
      </p>
      <div className="jobbro-company-preview" aria-label="Det ser virksomheden" role="group">
        <p className="h4 mt-0 mb-1">Foreslået kandidat til {opening.title}</p>
        <p className="mt-0">
          {OPENING_KIND_LABELS[opening.kind]} · {formatHours({ min: opening.hoursMin, max: opening.hoursMax })} · {proposalStatusForCompany(companySees.status)}
        </p>
        <CompanyCandidateView proposal={companySees} headingLevel={3} />
      </div>
      {preview.refusals.length > 0 ? (
        <Alert kind="error" heading="Borgeren kan ikke foreslås">
          <ul className="m-0">
            {preview.refusals.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="propose" />
          <input type="hidden" name="confirmed" value="1" />
          <input type="hidden" name="openingId" value={opening.id} />
          <input type="hidden" name="citizenId" value={preview.citizenId} />
          <div className="jobbro-actions">
            <button type="submit" className="button button-primary">
              Send forslaget til {opening.companyName}
            </button>
            <Link to={cancel ? `?${cancel}` : '?'} className="button button-secondary">
              Fortryd
            </Link>
          </div>
        </Form>
      )}
    </section>
  );
}
