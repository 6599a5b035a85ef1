import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { matchMoney } from '../domain/benefit-calculator';
import { ratesOn } from '../domain/benefit-rates';
import { formatDate, formatHours, formatKm, toIsoDate } from '../domain/format';
import { parseMatchFilters, shownMatches } from '../domain/match-filters';
import { blocksNewProposal, consultantProposalStatusText, mayWithdraw } from '../domain/proposal-rules';
import { OPENING_KIND_ENTRIES, OPENING_KIND_LABELS } from '../domain/vocabulary';
import { orHttpError } from '../services/errors.server';
import { matchOpeningsForCitizen } from '../services/matching.server';
import { ProposalRefusedError, proposalPreview, proposalsForCitizen, proposeCitizen } from '../services/proposals.server';
import { CONFIRM_PARAM, ProposalConfirmation, ProposeButton } from '../ui/proposal-confirmation';
import { CheckboxGroup } from '../ui/choice-fields';
import { Alert, DatabaseSearchNotice, MatchCount, matchAnchor, MatchExplanationText, ProposalExplanationText, ProposalStepList, MatchSearchFields, ShowMoreMatches } from '../ui/matching';
import { MatchMoneyLine } from '../ui/benefit-calculator';
import { WithdrawProposalForm } from '../ui/withdraw-proposal';
import { withdrawOnMatchPage } from '../ui/withdraw-proposal.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Job der passer til ${data?.citizen.name ?? 'borgeren'} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const citizenId = params.citizenId ?? '';
  const search = new URL(request.url).searchParams;
  const { values, filters, errors } = parseMatchFilters(search);
  const shown = shownMatches(search);
  const match = await orHttpError(() =>
    matchOpeningsForCitizen(user, citizenId, { q: filters.q, extraFilters: { kinds: filters.kinds, maxKm: filters.maxKm }, today: toIsoDate(new Date()), limit: shown }),
  );
  const confirming = search.get(CONFIRM_PARAM);
  const [proposals, preview] = await Promise.all([
    orHttpError(() => proposalsForCitizen(user, citizenId)),
    confirming ? orHttpError(() => proposalPreview(user, { openingId: confirming, citizenId })) : null,
  ]);
  // What each job means for the citizen's money: pure computation on the rows already read.
  const rates = ratesOn(toIsoDate(new Date()));
  const results = match.results.map((opening) => ({ ...opening, money: matchMoney(match.citizen, opening, rates) }));
  return { ...match, results, proposals, preview, values, errors, shown };
}

/** Only from the confirmation step (`confirmed`), which showed what the company will see. */
const ProposeInput = z.object({ intent: z.literal('propose'), confirmed: z.literal('1'), openingId: z.string().min(1) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const citizenId = params.citizenId ?? '';
  const values = Object.fromEntries(await request.formData());
  const url = new URL(request.url);
  if (values.intent === 'withdraw') return withdrawOnMatchPage(user, values, request.url);
  const input = ProposeInput.safeParse(values);
  if (!input.success) throw new Response('Ukendt handling.', { status: 400 });
  try {
    await orHttpError(() => proposeCitizen(user, { openingId: input.data.openingId, citizenId }));
  } catch (error) {
    if (error instanceof ProposalRefusedError) return data({ refusal: { openingId: input.data.openingId, reasons: error.reasons }, withdrawal: null }, { status: 400 });
    throw error;
  }
  url.searchParams.delete('trukket');
  url.searchParams.delete(CONFIRM_PARAM);
  url.searchParams.set('foreslaaet', input.data.openingId);
  return redirect(`${url.pathname}?${url.searchParams}#forslag`);
}

function Refusal({ reasons, heading }: { reasons: string[]; heading: string }) {
  return (
    <Alert kind="error" heading={heading}>
      <ul className="m-0">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </Alert>
  );
}

export default function CitizenMatches() {
  const { citizen, results, source, blockedReason, proposals, preview, values, errors, shown } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = actionData?.refusal ?? null;
  const [searchParams] = useSearchParams();
  const proposedTitle = proposals.find((proposal) => proposal.openingId === searchParams.get('foreslaaet'))?.openingTitle;
  const withdrawnTitle = proposals.find((proposal) => proposal.id === searchParams.get('trukket'))?.openingTitle;
  const standing = new Map(proposals.filter((proposal) => blocksNewProposal(proposal.status)).map((proposal) => [proposal.openingId, proposal]));
  return (
    <>
      <p>
        <Link to={`/konsulent/borgere/${citizen.id}`}>Tilbage til {citizen.name}</Link>
      </p>
      <h1>Job der passer til {citizen.name}</h1>
      <p className="font-lead">
        Kan arbejde {formatHours({ min: citizen.hoursMin, max: citizen.hoursMax })} · kan rejse op til {formatKm(citizen.reachKm)}
      </p>
      {citizen.consentToShare ? null : (
        <Alert kind="info">
          Borgeren har ikke givet samtykke til, at virksomheder må se et resumé af profilen. Du kan se job, der passer, men ikke foreslå
          borgeren, før samtykket er givet.
        </Alert>
      )}
      {refused && !results.some((match) => match.openingId === refused.openingId) ? <Refusal reasons={refused.reasons} heading="Borgeren kan ikke foreslås" /> : null}
      {proposedTitle ? <Alert kind="success">{citizen.name} er foreslået til {proposedTitle}. Virksomheden og borgeren kan nu svare.</Alert> : null}
      {withdrawnTitle ? <Alert kind="success">Forslaget til {withdrawnTitle} er trukket tilbage. Borgeren kan se din begrundelse.</Alert> : null}
      {preview ? <ProposalConfirmation preview={preview} searchParams={searchParams} /> : null}

      <h2>Ledige job der passer</h2>
      <p>Kun åbne job med ledige pladser, som borgeren må have, kan arbejde timerne i, ikke skal undgå noget i og kan nå frem til. De bedste står først.</p>
      <Form method="get" className="mb-6" aria-label="Søg blandt jobbene">
        <MatchSearchFields label="Søg i jobbenes titel og opgaver" hint="Fx lager eller køkken. Lad feltet stå tomt for at se alle job, der passer." values={values} errors={errors} />
        <CheckboxGroup
          name="kind"
          legend="Kun disse jobtyper"
          hint="Uden flueben vises alle de jobtyper, borgeren må have."
          options={OPENING_KIND_ENTRIES.map((entry) => ({ code: entry.code, label: entry.da }))}
          checked={values.kinds}
          error={errors.kind}
        />
        <button type="submit" className="button button-secondary">
          Søg
        </button>
      </Form>

      <DatabaseSearchNotice source={source} />
      {blockedReason ? <Alert kind="info">{blockedReason}</Alert> : null}
      {!blockedReason && results.length === 0 ? (
        <p>Der er ingen ledige job, der opfylder alle borgerens krav{values.q || values.maxKm || values.kinds.length > 0 ? ' og din søgning' : ''}.</p>
      ) : null}
      {results.length > 0 ? (
        <>
          <MatchCount count={results.length} shown={shown} one="job" many="job" />
          <ol className="nobullet-list" aria-label="Job der passer, bedste først">
            {results.map((match, index) => {
              const proposal = standing.get(match.openingId);
              return (
                <li key={match.openingId} id={matchAnchor(index + 1)} tabIndex={-1} className="mb-6 pb-4" style={{ borderBottom: '1px solid #ccc' }}>
                  <h3 className="h4 mb-0">
                    <Link to={`/konsulent/jobopslag/${match.openingId}`}>{match.title}</Link>
                  </h3>
                  <p className="mt-1 mb-0">
                    {match.companyName} · {OPENING_KIND_LABELS[match.kind]} · {formatHours({ min: match.hoursMin, max: match.hoursMax })} · {match.postcode}{' '}
                    {match.city} · start {formatDate(match.startDate)} · match {Math.round(match.score)} af 100
                  </p>
                  <MatchExplanationText explanation={match.explanation} />
                  <MatchMoneyLine money={match.money} calculationHref={`/konsulent/aftaler/ny?borger=${citizen.id}&jobopslag=${match.openingId}#oekonomi`} />
                  {refused?.openingId === match.openingId ? <Refusal reasons={refused.reasons} heading="Borgeren kan ikke foreslås til jobbet" /> : null}
                  {proposal ? (
                    <p className="mt-2 mb-0">
                      {proposal.awaitingPassOn ? (
                        <>
                          <strong>{consultantProposalStatusText(proposal.status, true)}</strong>{' '}
                          <Link to={`/konsulent/jobopslag/${match.openingId}#forslag`}>Send videre fra jobbets side</Link>
                        </>
                      ) : (
                        <>
                          <strong>Foreslået</strong> · {consultantProposalStatusText(proposal.status, false)}
                        </>
                      )}
                    </p>
                  ) : citizen.consentToShare ? (
                    <ProposeButton targetId={match.openingId} name={`til ${match.title}`} searchParams={searchParams} />
                  ) : null}
                </li>
              );
            })}
          </ol>
          <ShowMoreMatches count={results.length} shown={shown} />
        </>
      ) : null}

      <h2 id="forslag">Forslag til {citizen.name}</h2>
      {proposals.length === 0 ? (
        <p>Borgeren er ikke foreslået til noget job endnu.</p>
      ) : (
        <ul className="nobullet-list">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="mb-5">
              <h3 className="h4 mb-0">
                <Link to={`/konsulent/jobopslag/${proposal.openingId}`}>{proposal.openingTitle}</Link>
              </h3>
              <p className="mt-1 mb-0">
                {proposal.companyName} · {consultantProposalStatusText(proposal.status, proposal.awaitingPassOn)}
              </p>
              {proposal.explanation ? <ProposalExplanationText explanation={proposal.explanation} /> : null}
              <ProposalStepList steps={proposal.steps} />
              {mayWithdraw(proposal.status) ? <WithdrawProposalForm proposalId={proposal.id} label="Træk forslaget tilbage" problem={actionData?.withdrawal} /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
