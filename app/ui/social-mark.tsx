/**
 * The mark "Socialt ansvarlig virksomhed – <jobcentre>" (decision 033): the badge on a job, and the company's
 * progress toward it, criterion by criterion.
 */
import { Link } from '@remix-run/react';
import { formatDate } from '../domain/format';
import type { SocialMarkProgress } from '../services/social-marks.server';

/** A badge that wraps on a narrow phone instead of running off the card. */
export function SocialMarkBadge({ text }: { text: string }) {
  return (
    <span className="badge badge-success jobbro-mark">
      <span aria-hidden="true">★ </span>
      {text}
    </span>
  );
}

/** The criteria one by one: met, or what is missing. */
export function SocialMarkCriteriaList({ progress }: { progress: Pick<SocialMarkProgress, 'criteria'> }) {
  return (
    <ul className="nobullet-list jobbro-mark-criteria">
      {progress.criteria.map((criterion) => (
        <li key={criterion.code}>
          <strong>{criterion.met ? '✓ Opfyldt: ' : '✗ Mangler: '}</strong>
          {criterion.asks}.
          <br />
          <span className="form-hint">
            Målt: {criterion.measured}.{criterion.missing ? ` ${criterion.missing}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The company's start page: how close it is to each jobcentre's mark, and the certificate once it has it. */
export function SocialMarkProgressSection({ marks }: { marks: SocialMarkProgress[] }) {
  if (marks.length === 0) return null;
  return (
    <section aria-labelledby="social-mark-heading">
      <h2 id="social-mark-heading">Socialt ansvarlig virksomhed</h2>
      <p>
        Jobcentret giver mærket til virksomheder, der tager socialt ansvar: har ansat borgere i småjob, fleksjob eller skånejob, holder opfølgningerne og svarer på
        forslag i tide. Mærket står på jeres job under Ledige job.
      </p>
      {marks.map((mark) => (
        <div key={mark.jobcentreId} className="jobbro-mark-progress">
          <h3>{mark.title}</h3>
          {mark.held ? (
            <>
              <p>
                <SocialMarkBadge text={mark.title} />
              </p>
              <p>
                I har mærket{mark.heldSince ? ` siden ${formatDate(new Date(mark.heldSince))}` : ''}
                {mark.handDecision === 'granted' ? ', tildelt af jobcentret' : ''}.{' '}
                <Link to={`/virksomhed/maerke/${mark.jobcentreId}`}>Se og udskriv beviset</Link>
              </p>
            </>
          ) : (
            <p>
              {mark.handDecision === 'withdrawn'
                ? 'Jobcentret har frataget jer mærket. Kontakt jobcentret, hvis I vil vide hvorfor.'
                : `I opfylder ${mark.metCount} af ${mark.criteria.length} kriterier. Når I opfylder dem alle, får I mærket.`}
            </p>
          )}
          <p className="form-hint">Målt over de sidste 12 måneder, fra {formatDate(mark.windowStart)}.</p>
          <SocialMarkCriteriaList progress={mark} />
        </div>
      ))}
    </section>
  );
}
