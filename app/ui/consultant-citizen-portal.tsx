/**
 * The citizen's portal as the consultant meets it on the citizen's profile: whether the citizen can log in
 * (and the invitation to send, or send again), and the jobs the citizen said "Jeg er interesseret" to.
 */
import { Form, Link } from '@remix-run/react';
import { formatDate } from '../domain/format';
import { formatStepTime, type WithdrawalProblem } from '../domain/proposal-rules';
import { Alert } from './matching';
import { WithdrawProposalForm } from './withdraw-proposal';

type SentInvitation = { sentTo: string; sentAt: Date | string; expiresAt: Date | string };
type AccessStatus = { email: string | null; closed: boolean; hasAccess: boolean; accessRemoved: boolean; pending: SentInvitation | null };

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

/**
 * The link itself is never shown here: it goes to the citizen's e-mail only, so that nobody but the citizen
 * chooses the citizen's password. The consultant sees where and when it went, and can send a new one.
 */
export function CitizenAccessSection({
  access,
  justSent,
  refusal,
  removed,
}: {
  access: AccessStatus;
  justSent: boolean;
  refusal: string | null;
  /** Just now: the consultant removed the access. */
  removed: boolean;
}) {
  const pending = access.pending;
  return (
    <section className="mb-6" aria-labelledby="portal-access-heading" id="adgang">
      <h2 className="h3" id="portal-access-heading">
        Borgerens adgang til Jobbro
      </h2>
      {refusal ? <Alert kind="error">{refusal}</Alert> : null}
      {removed && access.accessRemoved && !pending ? (
        <Alert kind="success">Borgerens adgang er fjernet. Borgeren er logget af alle steder og kan ikke logge ind, før du sender en ny invitation.</Alert>
      ) : null}
      {justSent && pending ? (
        <Alert kind="success" heading="Invitationen er sendt">
          <p style={{ overflowWrap: 'anywhere' }}>Vi har sendt et link til {pending.sentTo}. Kun borgeren kan bruge det.</p>
        </Alert>
      ) : null}
      {access.hasAccess ? (
        <>
          <p>Borgeren har valgt en adgangskode og kan logge ind. Har borgeren glemt den, kan borgeren selv få en ny under &quot;Glemt adgangskode&quot;.</p>
          <RemoveAccessForm />
        </>
      ) : (
        <>
          {pending ? (
            <>
              <p>Borgeren er inviteret, men har ikke valgt en adgangskode endnu.</p>
              <table className="table table--compact table--responsive-headers">
                <tbody>
                  <tr>
                    <th scope="row">Sendt til</th>
                    <td style={{ overflowWrap: 'anywhere' }}>{pending.sentTo}</td>
                  </tr>
                  <tr>
                    <th scope="row">Sendt</th>
                    <td>{formatStepTime(new Date(pending.sentAt))}</td>
                  </tr>
                  <tr>
                    <th scope="row">Linket virker til og med</th>
                    <td>{formatDate(new Date(pending.expiresAt))}</td>
                  </tr>
                </tbody>
              </table>
              {access.email && access.email.toLowerCase() !== pending.sentTo ? (
                <p>Borgerens e-mail er ændret, siden invitationen blev sendt. Send invitationen igen, så går den til den nye e-mail.</p>
              ) : null}
            </>
          ) : access.accessRemoved ? (
            removed ? null : (
              <p>Borgerens adgang til Jobbro er fjernet, så borgeren kan ikke logge ind. Send en ny invitation, hvis borgeren skal have adgang igen.</p>
            )
          ) : (
            <p>Borgeren kan ikke logge ind endnu. Send en invitation, så kan borgeren selv se job, skrive sine ønsker og se, hvem der har set oplysningerne.</p>
          )}
          {access.closed ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="invite" />
              {pending ? <p className="form-hint">Kan borgeren ikke finde mailen, så send den igen. Det gamle link holder op med at virke.</p> : null}
              <button type="submit" className="button button-secondary">
                {pending ? 'Send invitationen igen' : access.accessRemoved ? 'Send en ny invitation' : 'Inviter borgeren til Jobbro'}
              </button>
            </Form>
          )}
          {pending && !access.accessRemoved ? <RemoveAccessForm /> : null}
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
      {notice === 'declined' ? <Alert kind="success">Interessen er ikke sendt videre. Borgeren kan se din begrundelse under Min side.</Alert> : null}
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
