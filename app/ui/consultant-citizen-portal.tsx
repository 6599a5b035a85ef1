/**
 * The citizen's portal as the consultant meets it on the citizen's profile: whether the citizen can log in
 * (and the invitation to send or pass on), and the jobs the citizen said "Jeg er interesseret" to.
 */
import { Form, Link } from '@remix-run/react';
import { formatDate } from '../domain/format';
import { formatStepTime, type WithdrawalProblem } from '../domain/proposal-rules';
import { Alert } from './matching';
import { WithdrawProposalForm } from './withdraw-proposal';

type AccessStatus = { email: string | null; closed: boolean; hasAccess: boolean; accessRemoved: boolean; pendingUntil: Date | string | null };
type InvitationShown = { link: string; email: string; expiresAt: Date | string };

/** Takes the citizen's login away; a new invitation gives it back. */
function RemoveAccessForm() {
  return (
    <Form method="post" className="mt-4">
      <input type="hidden" name="intent" value="remove-access" />
      <button type="submit" className="button button-secondary">
        Fjern borgerens adgang til Jobbro
      </button>
    </Form>
  );
}

export function CitizenAccessSection({
  access,
  invitation,
  refusal,
  removed,
}: {
  access: AccessStatus;
  invitation: InvitationShown | null;
  refusal: string | null;
  /** Just now: the consultant removed the access. */
  removed: boolean;
}) {
  return (
    <section className="mb-6" aria-labelledby="portal-access-heading">
      <h2 className="h3" id="portal-access-heading">
        Borgerens adgang til Jobbro
      </h2>
      {refusal ? <Alert kind="error">{refusal}</Alert> : null}
      {removed && access.accessRemoved && !invitation ? (
        <Alert kind="success">Borgerens adgang er fjernet. Borgeren er logget af alle steder og kan ikke logge ind, før du sender en ny invitation.</Alert>
      ) : null}
      {invitation ? (
        <Alert kind="success" heading="Invitationen er sendt">
          <p>
            Vi har sendt et link til {invitation.email}. Du kan også give borgeren linket selv. Det virker én gang og til og med{' '}
            {formatDate(new Date(invitation.expiresAt))}.
          </p>
          <p>
            <label htmlFor="invitation-link" className="form-label">
              Link til borgeren
            </label>
            <input id="invitation-link" className="form-input" type="text" readOnly value={invitation.link} />
          </p>
        </Alert>
      ) : null}
      {access.hasAccess ? (
        <>
          <p>Borgeren har valgt en adgangskode og kan logge ind. Har borgeren glemt den, kan borgeren selv få en ny under &quot;Glemt adgangskode&quot;.</p>
          <RemoveAccessForm />
        </>
      ) : (
        <>
          <p>
            {access.pendingUntil && !invitation
              ? `Borgeren er inviteret, men har ikke valgt en adgangskode endnu. Linket virker til og med ${formatDate(new Date(access.pendingUntil))}. En ny invitation gør det gamle link ugyldigt.`
              : invitation
                ? null
                : access.accessRemoved
                  ? removed
                    ? null
                    : 'Borgerens adgang til Jobbro er fjernet, så borgeren kan ikke logge ind. Send en ny invitation, hvis borgeren skal have adgang igen.'
                  : 'Borgeren kan ikke logge ind endnu. Send en invitation, så kan borgeren selv se job, skrive sine ønsker og se, hvem der har set oplysningerne.'}
          </p>
          {access.closed ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="invite" />
              <button type="submit" className="button button-secondary">
                {access.pendingUntil || invitation || access.accessRemoved ? 'Send en ny invitation' : 'Inviter borgeren til Jobbro'}
              </button>
            </Form>
          )}
          {access.pendingUntil && !access.accessRemoved ? <RemoveAccessForm /> : null}
        </>
      )}
    </section>
  );
}

type Interest = { proposalId: string; openingId: string; openingTitle: string; companyName: string; at: Date | string };

export function CitizenInterestSection({
  interests,
  notice,
  refusal,
  withdrawal,
}: {
  interests: Interest[];
  /** After the consultant passed an interest on, or decided not to. */
  notice: 'forwarded' | 'declined' | null;
  refusal: string[] | null;
  withdrawal: WithdrawalProblem | null;
}) {
  if (interests.length === 0 && !notice && !refusal && !withdrawal) return null;
  return (
    <section className="mb-6" aria-labelledby="interest-heading" id="interesse">
      <h2 className="h3" id="interest-heading">
        Borgeren er interesseret
      </h2>
      {notice === 'forwarded' ? <Alert kind="success">Interessen er sendt videre til virksomheden som et forslag.</Alert> : null}
      {notice === 'declined' ? <Alert kind="success">Interessen er ikke sendt videre. Borgeren kan se din begrundelse under Min vej.</Alert> : null}
      {refusal ? (
        <Alert kind="error" heading="Interessen kan ikke sendes videre">
          <ul className="m-0">
            {refusal.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {interests.length === 0 ? null : (
        <>
          <p>Borgeren har selv sagt &quot;Jeg er interesseret&quot; til disse job. Virksomheden ser det først, når du sender det videre.</p>
          <ul className="nobullet-list">
            {interests.map((interest) => (
              <li key={interest.proposalId} className="mb-4">
                <Link to={`/konsulent/jobopslag/${interest.openingId}`}>
                  <strong>{interest.openingTitle}</strong>
                </Link>{' '}
                hos {interest.companyName} · {formatStepTime(new Date(interest.at))}
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="forward-interest" />
                  <input type="hidden" name="proposalId" value={interest.proposalId} />
                  <button type="submit" className="button button-primary">
                    Send til {interest.companyName} som forslag
                  </button>
                </Form>
                <WithdrawProposalForm
                  proposalId={interest.proposalId}
                  label="Send ikke interessen videre"
                  hint="Borgeren kan læse begrundelsen. Virksomheden har ikke set interessen."
                  problem={withdrawal}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
