import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { matchMoney } from '../domain/benefit-calculator';
import { ratesOn } from '../domain/benefit-rates';
import { formatDate, formatHours, formatKm, toIsoDate } from '../domain/format';
import { parseMatchFilters, shownMatches } from '../domain/match-filters';
import { blocksNewProposal, consultantProposalStatusText, INTEREST_TO_PASS_ON, mayWithdraw } from '../domain/proposal-rules';
import { ACCOMMODATION_LABELS, DEMAND_LABELS, OPENING_KIND_LABELS, OPENING_STATUS_LABELS } from '../domain/vocabulary';
import { orHttpError } from '../services/errors.server';
import { matchCitizensForOpening } from '../services/matching.server';
import { proposalsReadyForAgreement } from '../services/agreement-lists.server';
import { forwardCitizenInterest } from '../services/interests.server';
import { ProposalRefusedError, proposalPreview, proposalsForOpening, proposeCitizen } from '../services/proposals.server';
import { CONFIRM_PARAM, ProposalConfirmation, ProposeButton } from '../ui/proposal-confirmation';
import { Checkbox } from '../ui/choice-fields';
import { Alert, DatabaseSearchNotice, MatchCount, matchAnchor, MatchExplanationText, ProposalExplanationText, ProposalStepList, MatchSearchFields, ShowMoreMatches } from '../ui/matching';
import { MatchMoneyLine } from '../ui/benefit-calculator';
import { WithdrawProposalForm } from '../ui/withdraw-proposal';
import { withdrawOnMatchPage } from '../ui/withdraw-proposal.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Borgere der passer: ${data?.opening.title ?? 'Jobopslag'} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const openingId = params.openingId ?? '';
  const search = new URL(request.url).searchParams;
  const { values, filters, errors } = parseMatchFilters(search);
  const shown = shownMatches(search);
  const match = await orHttpError(() =>
    matchCitizensForOpening(user, openingId, {
      q: filters.q,
      extraFilters: { maxKm: filters.maxKm, onlyMine: filters.onlyMine },
      today: toIsoDate(new Date()),
      limit: shown,
    }),
  );
  const confirming = search.get(CONFIRM_PARAM);
  const [proposals, ready, preview] = await Promise.all([
    orHttpError(() => proposalsForOpening(user, openingId)),
    proposalsReadyForAgreement(user, { openingId }),
    confirming ? orHttpError(() => proposalPreview(user, { openingId, citizenId: confirming })) : null,
  ]);
  const { opening } = match;
  // What the job means for each citizen's money: pure computation on the rows already read.
  const rates = ratesOn(toIsoDate(new Date()));
  return {
    opening: {
      id: opening.id,
      title: opening.title,
      companyId: opening.companyId,
      companyName: opening.companyName,
      kind: opening.kind,
      status: opening.status,
      hoursMin: opening.hoursMin,
      hoursMax: opening.hoursMax,
      postcode: opening.postcode,
      city: opening.city,
      startDate: opening.startDate,
      freeSlots: opening.freeSlots,
      tasks: opening.tasks,
      demands: opening.demands,
      accommodations: opening.accommodations,
    },
    results: match.results.map((citizen) => ({ ...citizen, money: matchMoney(citizen, opening, rates) })),
    source: match.source,
    blockedReason: match.blockedReason,
    proposals,
    readyIds: ready.map((proposal) => proposal.id),
    preview,
    values,
    errors,
    shown,
  };
}

/** Only from the confirmation step (`confirmed`), which showed what the company will see. */
const ProposeInput = z.object({ intent: z.literal('propose'), confirmed: z.literal('1'), citizenId: z.string().min(1) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const openingId = params.openingId ?? '';
  const values = Object.fromEntries(await request.formData());
  const url = new URL(request.url);
  if (values.intent === 'withdraw') return withdrawOnMatchPage(user, values, request.url);
  if (values.intent === 'forward-interest') {
    const proposalId = typeof values.proposalId === 'string' ? values.proposalId : '';
    try {
      await orHttpError(() => forwardCitizenInterest(user, proposalId));
    } catch (error) {
      if (error instanceof ProposalRefusedError) return data({ refusal: null, withdrawal: null, forwardRefusal: { proposalId, reasons: error.reasons } }, { status: 400 });
      throw error;
    }
    url.searchParams.delete('trukket');
    url.searchParams.set('sendtvidere', proposalId);
    return redirect(`${url.pathname}?${url.searchParams}#forslag`);
  }
  const input = ProposeInput.safeParse(values);
  if (!input.success) throw new Response('Ukendt handling.', { status: 400 });
  try {
    await orHttpError(() => proposeCitizen(user, { openingId, citizenId: input.data.citizenId }));
  } catch (error) {
    if (error instanceof ProposalRefusedError) return data({ refusal: { citizenId: input.data.citizenId, reasons: error.reasons }, withdrawal: null, forwardRefusal: null }, { status: 400 });
    throw error;
  }
  url.searchParams.delete('trukket');
  url.searchParams.delete(CONFIRM_PARAM);
  url.searchParams.set('foreslaaet', input.data.citizenId);
  return redirect(`${url.pathname}?${url.searchParams}#forslag`);
}

/** A citizen's own interest, passed on to the company as a proposal (the citizen has said yes already). */
function ForwardInterestForm({ proposalId, citizenName, companyName }: { proposalId: string; citizenName: string; companyName: string }) {
  return (
    <Form method="post" className="mt-2">
      <input type="hidden" name="intent" value="forward-interest" />
      <input type="hidden" name="proposalId" value={proposalId} />
      <button type="submit" className="button button-primary">
        Send videre til {companyName}
        <span className="sr-only"> ({citizenName})</span>
      </button>
    </Form>
  );
}

export default function OpeningMatches() {
  const { opening, results, source, blockedReason, proposals, readyIds, preview, values, errors, shown } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = actionData?.refusal ?? null;
  const [searchParams] = useSearchParams();
  const proposedId = searchParams.get('foreslaaet');
  const withdrawnName = proposals.find((proposal) => proposal.id === searchParams.get('trukket'))?.citizenName;
  const proposedName = proposals.find((proposal) => proposal.citizenId === proposedId)?.citizenName;
  const forwardedName = proposals.find((proposal) => proposal.id === searchParams.get('sendtvidere'))?.citizenName;
  const forwardRefusal = actionData && 'forwardRefusal' in actionData ? actionData.forwardRefusal : null;
  const standing = new Map(proposals.filter((proposal) => blocksNewProposal(proposal.status)).map((proposal) => [proposal.citizenId, proposal]));
  return (
    <>
      <p>
        <Link to={`/konsulent/virksomheder/${opening.companyId}`}>Tilbage til {opening.companyName}</Link>
      </p>
      <h1>{opening.title}</h1>
      <p className="font-lead">
        {opening.companyName} · {OPENING_KIND_LABELS[opening.kind]} · {formatHours({ min: opening.hoursMin, max: opening.hoursMax })} ·{' '}
        {opening.postcode} {opening.city}
      </p>
      <table className="table table--compact table--responsive-headers mb-6">
        <caption className="sr-only">Om jobbet</caption>
        <tbody>
          <tr>
            <th scope="row">Status</th>
            <td>
              {OPENING_STATUS_LABELS[opening.status]} · {opening.freeSlots === 1 ? '1 ledig plads' : `${opening.freeSlots} ledige pladser`} · start{' '}
              {formatDate(opening.startDate)}
            </td>
          </tr>
          <tr>
            <th scope="row">Opgaver</th>
            <td>{opening.tasks.join(' · ')}</td>
          </tr>
          <tr>
            <th scope="row">Arbejdet indebærer</th>
            <td>{opening.demands.length > 0 ? opening.demands.map((code) => DEMAND_LABELS[code]).join(' · ') : 'Intet særligt'}</td>
          </tr>
          <tr>
            <th scope="row">Virksomheden tilbyder</th>
            <td>{opening.accommodations.length > 0 ? opening.accommodations.map((code) => ACCOMMODATION_LABELS[code]).join(' · ') : 'Ingen særlige hensyn'}</td>
          </tr>
        </tbody>
      </table>

      {refused && !results.some((match) => match.citizenId === refused.citizenId) ? (
        <Alert kind="error" heading="Borgeren kan ikke foreslås">
          <ul className="m-0">
            {refused.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {proposedName ? <Alert kind="success">{proposedName} er foreslået til jobbet. Virksomheden og borgeren kan nu svare.</Alert> : null}
      {withdrawnName ? <Alert kind="success">Forslaget om {withdrawnName} er trukket tilbage. Borgeren kan se din begrundelse.</Alert> : null}
      {forwardedName ? <Alert kind="success">{forwardedName}s interesse er sendt videre til virksomheden som et forslag.</Alert> : null}
      {forwardRefusal ? (
        <Alert kind="error" heading="Interessen kan ikke sendes videre">
          <ul className="m-0">
            {forwardRefusal.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {preview ? <ProposalConfirmation preview={preview} searchParams={searchParams} /> : null}

      <h2>Borgere der passer</h2>
      <p>
        Kun borgere fra dit jobcenter, der opfylder alle krav: må have denne slags job, kan arbejde timerne, skal ikke undgå noget, jobbet
        indebærer, og kan nå frem. De bedste står først.
      </p>
      <Form method="get" className="mb-6" aria-label="Søg blandt borgerne">
        <MatchSearchFields label="Søg i borgernes ønsker og erfaring" hint="Fx truck eller pakkeri. Lad feltet stå tomt for at se alle, der passer." values={values} errors={errors} />
        <Checkbox name="mine" value="1" label="Kun mine egne borgere" checked={values.mine} />
        <button type="submit" className="button button-secondary">
          Søg
        </button>
      </Form>

      <DatabaseSearchNotice source={source} />
      {blockedReason ? <Alert kind="info">{blockedReason}</Alert> : null}
      {!blockedReason && results.length === 0 ? <p>Ingen borgere i dit jobcenter opfylder alle krav til jobbet{values.q ? ' og din søgning' : ''}.</p> : null}
      {results.length > 0 ? (
        <>
          <MatchCount count={results.length} shown={shown} one="borger" many="borgere" />
          <ol className="nobullet-list" aria-label="Borgere der passer, bedste først">
            {results.map((match, index) => {
              const proposal = standing.get(match.citizenId);
              return (
                <li key={match.citizenId} id={matchAnchor(index + 1)} tabIndex={-1} className="mb-6 pb-4" style={{ borderBottom: '1px solid #ccc' }}>
                  <h3 className="h4 mb-0">
                    <Link to={`/konsulent/borgere/${match.citizenId}`}>{match.name}</Link>
                  </h3>
                  <p className="mt-1 mb-0">
                    {formatHours({ min: match.hoursMin, max: match.hoursMax })} · {formatKm(match.distanceKm)} væk · match {Math.round(match.score)} af 100
                  </p>
                  <MatchExplanationText explanation={match.explanation} />
                  <MatchMoneyLine money={match.money} calculationHref={`/konsulent/aftaler/ny?borger=${match.citizenId}&jobopslag=${opening.id}#oekonomi`} />
                  {refused?.citizenId === match.citizenId ? (
                    <Alert kind="error" heading={`${match.name} kan ikke foreslås`}>
                      <ul className="m-0">
                        {refused.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </Alert>
                  ) : null}
                  {proposal?.awaitingPassOn ? (
                    <>
                      <p className="mt-2 mb-0">
                        <strong>{INTEREST_TO_PASS_ON}</strong>
                      </p>
                      <ForwardInterestForm proposalId={proposal.id} citizenName={match.name} companyName={opening.companyName} />
                    </>
                  ) : proposal ? (
                    <p className="mt-2 mb-0">
                      <strong>Foreslået</strong> · {consultantProposalStatusText(proposal.status, false)}
                    </p>
                  ) : (
                    <ProposeButton targetId={match.citizenId} name={match.name} searchParams={searchParams} />
                  )}
                </li>
              );
            })}
          </ol>
          <ShowMoreMatches count={results.length} shown={shown} />
        </>
      ) : null}

      <h2 id="forslag">Forslag til jobbet</h2>
      {proposals.length === 0 ? (
        <p>Du har ikke foreslået nogen borgere til jobbet endnu.</p>
      ) : (
        <ul className="nobullet-list">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="mb-5">
              <h3 className="h4 mb-0">
                <Link to={`/konsulent/borgere/${proposal.citizenId}`}>{proposal.citizenName}</Link>
              </h3>
              <p className="mt-1 mb-0">
                {proposal.awaitingPassOn ? <strong>{INTEREST_TO_PASS_ON}</strong> : consultantProposalStatusText(proposal.status, false)}
              </p>
              {readyIds.includes(proposal.id) ? (
                <p className="mt-2 mb-0">
                  <Link to={`/konsulent/aftaler/ny?forslag=${proposal.id}`} className="button button-primary" aria-label={`Skriv aftale for ${proposal.citizenName}`}>
                    Skriv aftale
                  </Link>
                </p>
              ) : null}
              {proposal.awaitingPassOn ? <ForwardInterestForm proposalId={proposal.id} citizenName={proposal.citizenName} companyName={opening.companyName} /> : null}
              {proposal.explanation ? <ProposalExplanationText explanation={proposal.explanation} /> : null}
              <ProposalStepList steps={proposal.steps} />
              {mayWithdraw(proposal.status) ? <WithdrawProposalForm proposalId={proposal.id} label={proposal.awaitingPassOn ? 'Send ikke interessen videre' : 'Træk forslaget tilbage'} problem={actionData?.withdrawal} /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
