/** The citizen's agreements on the consultant's profile page, with the proposals ready for one. */
import { Link } from '@remix-run/react';
import { AgreementStatusTag, formatMonth } from './agreement';
import { ORDINARY_HOURS_GOAL } from '../domain/citizen-path';
import type { AgreementStatus } from '../domain/vocabulary';

type Item = { id: string; status: AgreementStatus; companyName: string; openingTitle: string | null; goalReachedMonth: string | null };
type Ready = { id: string; openingTitle: string; companyName: string };

export function CitizenAgreementsSection({ citizenId, agreements, ready, closed }: { citizenId: string; agreements: Item[]; ready: Ready[]; closed: boolean }) {
  return (
    <section className="mb-6" aria-labelledby="agreements-heading" id="aftaler">
      <h2 className="h3" id="agreements-heading">
        Aftaler
      </h2>
      {agreements.length === 0 ? (
        <p>Borgeren har ingen aftaler endnu.</p>
      ) : (
        <ul className="nobullet-list">
          {agreements.map((agreement) => (
            <li key={agreement.id} className="mb-2">
              <Link to={`/konsulent/aftaler/${agreement.id}`}>
                {agreement.companyName}
                {agreement.openingTitle ? `: ${agreement.openingTitle}` : ''}
              </Link>{' '}
              · <AgreementStatusTag status={agreement.status} />
              {agreement.goalReachedMonth ? ` · ${ORDINARY_HOURS_GOAL} ordinære timer nået i ${formatMonth(agreement.goalReachedMonth)}` : ''}
            </li>
          ))}
        </ul>
      )}
      {ready.map((proposal) => (
        <p key={proposal.id}>
          Begge har sagt ja til {proposal.openingTitle} hos {proposal.companyName}.{' '}
          <Link to={`/konsulent/aftaler/ny?forslag=${proposal.id}`}>Skriv aftalen</Link>
        </p>
      ))}
      {closed ? null : (
        <p>
          <Link to={`/konsulent/aftaler/ny?borger=${citizenId}`}>Skriv en aftale direkte</Link> (når borgeren og virksomheden selv har fundet hinanden)
        </p>
      )}
    </section>
  );
}
