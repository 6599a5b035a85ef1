/**
 * What a company sees of a proposed candidate: the name and contact once the citizen has said yes, the
 * anonymous summary while the proposal stands, or why there is nothing. The company's proposal page and the
 * consultant's confirmation before sending a proposal both show this, so the preview cannot drift.
 */
import type { CompanyProposal } from '../services/proposals.server';
import { otherLanguages } from '../domain/citizen-rules';
import { formatHours } from '../domain/format';
import { ACCOMMODATION_LABELS, LANGUAGE_LEVEL_LABELS, type LanguageLevel } from '../domain/vocabulary';
import { EmailLink, PhoneLink } from './contact-links';
import { Alert } from './matching';

type Shown = Pick<CompanyProposal, 'status' | 'candidate' | 'identity'>;

/** `headingLevel` 3 when the view sits under a heading of its own (the consultant's preview). */
export function CompanyCandidateView({ proposal, headingLevel = 2 }: { proposal: Shown; headingLevel?: 2 | 3 }) {
  const { candidate, identity } = proposal;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {identity ? (
        <section className="mb-6" aria-labelledby="identity-heading">
          <H id="identity-heading">Navn og kontakt</H>
          <p>
            {candidate
              ? 'Kandidaten har sagt ja til, at I må få navn og kontaktoplysninger.'
              : 'I ser kun det, aftalen med kandidaten kræver: navn og kontaktoplysninger. Resuméet af profilen vises ikke længere.'}
          </p>
          <table className="table table--compact table--responsive-headers">
            <tbody>
              <tr>
                <th scope="row">Navn</th>
                <td>{identity.name}</td>
              </tr>
              <tr>
                <th scope="row">Telefon</th>
                <td>{identity.phone ? <PhoneLink phone={identity.phone} /> : 'Ikke oplyst'}</td>
              </tr>
              <tr>
                <th scope="row">E-mail</th>
                <td>{identity.email ? <EmailLink email={identity.email} /> : 'Ikke oplyst'}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : candidate ? (
        <Alert kind="info">Navn og kontaktoplysninger vises her, når kandidaten har sagt ja til forslaget.</Alert>
      ) : null}

      {candidate ? (
        <>
          <section className="mb-6" aria-labelledby="candidate-heading">
            <H id="candidate-heading">Om kandidaten</H>
            <table className="table table--compact table--responsive-headers">
              <tbody>
                <tr>
                  <th scope="row">Ønsker</th>
                  <td>{candidate.wishes || 'Ikke skrevet'}</td>
                </tr>
                <tr>
                  <th scope="row">Kompetencer og erfaring</th>
                  <td>
                    {candidate.competences.length === 0 ? (
                      'Ikke skrevet'
                    ) : (
                      <ul className="m-0">
                        {candidate.competences.map((competence) => (
                          <li key={competence}>{competence}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
                <tr>
                  <th scope="row">Kan arbejde</th>
                  <td>
                    {formatHours({
                      min: candidate.hoursMin,
                      max: candidate.hoursMax,
                    })}
                  </td>
                </tr>
                <tr>
                  <th scope="row">Sprog</th>
                  <td>
                    {[
                      `Dansk: ${(LANGUAGE_LEVEL_LABELS[candidate.danishLevel as LanguageLevel] ?? candidate.danishLevel).toLowerCase()}`,
                      ...otherLanguages(candidate.languages).map((skill) => `${skill.language}: ${LANGUAGE_LEVEL_LABELS[skill.level].toLowerCase()}`),
                    ].join(' · ')}
                  </td>
                </tr>
                <tr>
                  <th scope="row">Kørekort</th>
                  <td>{candidate.drivingLicence ? 'Ja' : 'Nej'}</td>
                </tr>
              </tbody>
            </table>
          </section>
          <section className="mb-6" aria-labelledby="accommodations-heading">
            <H id="accommodations-heading">Det skal I kunne tilbyde</H>
            {candidate.accommodations.length === 0 ? (
              <p>Kandidaten har ikke brug for særlige hensyn.</p>
            ) : (
              <ul>
                {candidate.accommodations.map((entry) => (
                  <li key={entry.code}>
                    {ACCOMMODATION_LABELS[entry.code]}
                    {entry.offered ? ' (det tilbyder I allerede i opslaget)' : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : identity ? null : proposal.status === 'withdrawn' ? (
        <Alert kind="info" heading="Forslaget er trukket tilbage">
          I skal ikke svare på det, og I kan ikke længere se oplysninger om kandidaten. Jobcentret kontakter jer, hvis der er en anden kandidat.
        </Alert>
      ) : (
        <p>Forslaget er afsluttet, så I kan ikke længere se oplysninger om kandidaten.</p>
      )}
    </>
  );
}
