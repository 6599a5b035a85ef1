import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { requireUser } from '../auth/permissions.server';
import { EXCLUSION_REASON_LABELS, LANGUAGE_LEVEL_LABELS, type LanguageLevel } from '../domain/vocabulary';
import { hasValidFlexjobVisitation } from '../domain/eligibility';
import { formatDate, formatHours, formatKm, toIsoDate } from '../domain/format';
import {
  ACCOMMODATION_LABELS,
  BENEFIT_STATUS_LABELS,
  DEMAND_LABELS,
  PATH_PHASE_LABELS,
  TRANSPORT_MODE_LABELS,
} from '../domain/vocabulary';
import { ACCESS_PURPOSES } from '../services/access-log.server';
import { agreementsForCitizen, proposalsReadyForAgreement } from '../services/agreement-lists.server';
import { forwardCitizenInterest, pendingInterests } from '../services/interests.server';
import { closeCitizenCase, getCitizenForConsultant } from '../services/citizens.server';
import { orHttpError } from '../services/errors.server';
import { invitationStatus, InvitationRefusedError, inviteCitizen, removeCitizenAccess } from '../services/invitations.server';
import { ProposalRefusedError, withdrawProposalFromForm } from '../services/proposals.server';
import { publicOrigin } from '../services/public-origin.server';
import { RateLimitedError } from '../services/rate-limits.server';
import { CitizenAgreementsSection } from '../ui/citizen-agreements';
import { CitizenAccessSection, CitizenInterestSection } from '../ui/consultant-citizen-portal';
import { EmailLink, PhoneLink } from '../ui/contact-links';
import { otherLanguages } from '../domain/citizen-rules';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.citizen.name ?? 'Borger'} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const citizen = await orHttpError(() => getCitizenForConsultant(user, params.citizenId ?? '', ACCESS_PURPOSES.viewProfile));
  // Part of the profile read just logged, so not logged again.
  const [portalAccess, interests, agreements, readyProposals] = await Promise.all([
    invitationStatus(user, citizen.id, new Date(), { logRead: false }),
    pendingInterests(user, { citizenId: citizen.id }),
    agreementsForCitizen(user, citizen.id),
    proposalsReadyForAgreement(user, { citizenId: citizen.id }),
  ]);
  return { citizen, today: toIsoDate(new Date()), portalAccess, interests, agreements, readyProposals };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const formData = await request.formData();
  const citizenId = params.citizenId ?? '';
  const intent = formData.get('intent');
  if (intent === 'invite') {
    try {
      await orHttpError(() => inviteCitizen(user, citizenId, { baseUrl: publicOrigin() }));
    } catch (error) {
      if (error instanceof InvitationRefusedError || error instanceof RateLimitedError) {
        return data({ inviteError: error.message, interestError: null, withdrawal: null }, { status: error instanceof RateLimitedError ? 429 : 400 });
      }
      throw error;
    }
    // The link went to the citizen only; the page shows where and when from the loader.
    return redirect(`/konsulent/borgere/${citizenId}?inviteret=1#adgang`);
  }
  if (intent === 'remove-access') {
    try {
      await orHttpError(() => removeCitizenAccess(user, citizenId));
    } catch (error) {
      if (error instanceof InvitationRefusedError) return data({ inviteError: error.message, interestError: null, withdrawal: null }, { status: 400 });
      throw error;
    }
    return redirect(`/konsulent/borgere/${citizenId}?adgang=fjernet#portal-access-heading`);
  }
  if (intent === 'forward-interest') {
    const proposalId = formData.get('proposalId');
    try {
      await orHttpError(() => forwardCitizenInterest(user, typeof proposalId === 'string' ? proposalId : ''));
    } catch (error) {
      if (error instanceof ProposalRefusedError) return data({ inviteError: null, interestError: error.reasons, withdrawal: null }, { status: 400 });
      throw error;
    }
    return redirect(`/konsulent/borgere/${citizenId}?videresendt=1#interesse`);
  }
  if (intent === 'withdraw') {
    const { problem } = await orHttpError(() => withdrawProposalFromForm(user, Object.fromEntries(formData)));
    if (problem) return data({ inviteError: null, interestError: null, withdrawal: problem }, { status: 400 });
    return redirect(`/konsulent/borgere/${citizenId}?ikkevideresendt=1#interesse`);
  }
  if (intent !== 'close') throw new Response('Ukendt handling.', { status: 400 });
  await orHttpError(() => closeCitizenCase(user, citizenId));
  return redirect('/konsulent/borgere?lukket=1');
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function Facts({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <section className="mb-6">
      <h2 className="h3">{caption}</h2>
      <table className="table table--compact table--responsive-headers">
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

function ListOr({ items, none }: { items: string[]; none: string }) {
  if (items.length === 0) return <>{none}</>;
  return (
    <ul className="m-0">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-text">{children}</p>
      </div>
    </div>
  );
}

export default function CitizenProfile() {
  const { citizen, today, portalAccess, interests, agreements, readyProposals } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const visitation = citizen.flexjobVisitationUntil;
  const closed = citizen.closedAt !== null;
  return (
    <>
      <p>
        <Link to="/konsulent/borgere">Tilbage til Mine borgere</Link>
      </p>
      <h1>{citizen.name}</h1>
      <p className="font-lead">
        {PATH_PHASE_LABELS[citizen.phase]} · {BENEFIT_STATUS_LABELS[citizen.benefitStatus]}
      </p>
      {searchParams.get('oprettet') ? <Notice>Borgeren er oprettet.</Notice> : null}
      {searchParams.get('gemt') ? <Notice>Profilen er gemt.</Notice> : null}
      {closed ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">
              Sagen blev lukket {formatDate(citizen.closedAt!)}. Borgeren bliver ikke længere matchet med job.
              {citizen.anonymisedAt ? ` Oplysningerne blev anonymiseret ${formatDate(citizen.anonymisedAt)}, fem år efter.` : null}
            </p>
          </div>
        </div>
      ) : (
        <div className="jobbro-actions">
          <Link to={`/konsulent/borgere/${citizen.id}/match`} className="button button-primary">
            Find job til borgeren
          </Link>
          <Link to={`/konsulent/borgere/${citizen.id}/ret`} className="button button-secondary">
            Ret
          </Link>
        </div>
      )}

      <CitizenInterestSection
        interests={interests}
        notice={searchParams.get('videresendt') !== null ? 'forwarded' : searchParams.get('ikkevideresendt') !== null ? 'declined' : null}
        refusal={actionResult?.interestError ?? null}
        withdrawal={actionResult?.withdrawal ?? null}
      />

      <CitizenAgreementsSection citizenId={citizen.id} agreements={agreements} ready={readyProposals} closed={closed} />

      <Facts caption="Kontakt">
        <Fact label="E-mail">{citizen.email ? <EmailLink email={citizen.email} /> : 'Ikke oplyst'}</Fact>
        <Fact label="Telefon">{citizen.phone ? <PhoneLink phone={citizen.phone} /> : 'Ikke oplyst'}</Fact>
        <Fact label="Bor i">
          {citizen.postcode} {citizen.city}
        </Fact>
      </Facts>

      <Facts caption="Transport og forsørgelse">
        <Fact label="Kommer på arbejde">{TRANSPORT_MODE_LABELS[citizen.transportMode]}</Fact>
        <Fact label="Kan rejse op til">{formatKm(citizen.reachKm)}</Fact>
        <Fact label="Kørekort">{citizen.drivingLicence ? 'Ja' : 'Nej'}</Fact>
        <Fact label="Forsørgelse">{BENEFIT_STATUS_LABELS[citizen.benefitStatus]}</Fact>
        <Fact label="Fleksjobvisitation">
          {visitation === null
            ? 'Ingen'
            : hasValidFlexjobVisitation({ flexjobVisitationUntil: visitation }, today)
              ? `Gælder til og med ${formatDate(visitation)}`
              : `Udløb ${formatDate(visitation)} — borgeren kan ikke matches med fleksjob`}
        </Fact>
        <Fact label="Ikke skånejob hos">
          <ListOr
            items={citizen.excludedCompanies.map((entry) => `${entry.companyName} (${EXCLUSION_REASON_LABELS[entry.reason].toLowerCase()})`)}
            none="Ingen virksomheder"
          />
        </Fact>
      </Facts>

      <Facts caption="Job og kompetencer">
        <Fact label="Timer om ugen">{formatHours({ min: citizen.hoursMin, max: citizen.hoursMax })}</Fact>
        <Fact label="Jobønsker">{citizen.wishes || 'Ikke skrevet endnu'}</Fact>
        <Fact label="Kompetencer og erfaring">
          <ListOr items={citizen.competences} none="Ikke skrevet endnu" />
        </Fact>
        <Fact label="Sprog">
          <ListOr items={otherLanguages(citizen.languages).map((skill) => `${skill.language}: ${LANGUAGE_LEVEL_LABELS[skill.level].toLowerCase()}`)} none="Ikke oplyst" />
        </Fact>
        <Fact label="Dansk">{LANGUAGE_LEVEL_LABELS[citizen.danishLevel as LanguageLevel] ?? citizen.danishLevel}</Fact>
        <Fact label="Skal undgå">
          <ListOr items={citizen.restrictions.map((code) => DEMAND_LABELS[code])} none="Intet" />
        </Fact>
        <Fact label="Har brug for">
          <ListOr items={citizen.neededAccommodations.map((code) => ACCOMMODATION_LABELS[code])} none="Ingen særlige hensyn" />
        </Fact>
        <Fact label="Samtykke">
          {citizen.consentToShare
            ? 'Ja — et resumé uden navn og kontaktoplysninger må vises for virksomheder'
            : 'Nej — borgeren bliver ikke fundet, når du matcher med ledige job'}
          {citizen.consentUpdatedAt ? ` (siden ${formatDate(citizen.consentUpdatedAt)})` : null}
        </Fact>
      </Facts>

      <CitizenAccessSection
        access={portalAccess}
        justSent={searchParams.get('inviteret') !== null}
        refusal={actionResult?.inviteError ?? null}
        removed={searchParams.get('adgang') === 'fjernet'}
      />

      <section className="bg-alternative p-5 mb-6" aria-labelledby="health-notes-heading">
        <h2 className="h3" id="health-notes-heading">
          Helbredsnoter (følsomme — vises kun for jobcentret)
        </h2>
        <p className="form-hint">Vises aldrig for virksomheder og kommer ikke med i søgningen.</p>
        <p style={{ whiteSpace: 'pre-line' }}>{citizen.healthNotes || 'Ingen noter.'}</p>
      </section>

      <Facts caption="Forløb">
        <Fact label="Fase">{PATH_PHASE_LABELS[citizen.phase]}</Fact>
        <Fact label="Næste handling">
          {citizen.nextAction ?? 'Ingen'}
          {citizen.nextActionDate ? ` — ${formatDate(citizen.nextActionDate)}` : null}
          {citizen.nextActionDate && citizen.nextActionDate < today ? <strong> (overskredet)</strong> : null}
        </Fact>
        <Fact label="Ansvarlig konsulent">{citizen.consultant?.name ?? 'Ingen'}</Fact>
      </Facts>

      {closed ? null : (
        <details className="mb-6">
          <summary>Luk sag</summary>
          <p>
            Når du lukker sagen, er borgeren ikke længere på din liste og bliver ikke matchet med job. Oplysningerne gemmes i fem år og
            anonymiseres derefter.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="button button-secondary">
              Ja, luk sagen
            </button>
          </Form>
        </details>
      )}
    </>
  );
}
