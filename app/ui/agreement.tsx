/**
 * The agreement in plain Danish, as all three parties read it (and print it): the terms of a version, who
 * confirmed it and when, and the earlier versions with what changed.
 */
import type { ReactNode } from 'react';
import { AGREEMENT_STATUS_LABELS, describeSchedule, MAIN_HOURS_LABELS, type AgreementTerms, type TermChange } from '../domain/agreement-rules';
import { formatDate, formatHours } from '../domain/format';
import { formatMonthIn } from '../i18n/format';
import type { AgreementStatus, OpeningKind } from '../domain/vocabulary';

/** A version's terms as the page gets them (dates may arrive as strings after serialisation). */
export type TermsView = AgreementTerms & {
  version: number;
  changeNote: string | null;
  createdAt: Date | string;
  companyConfirmedAt: Date | string | null;
  companyConfirmedByName: string | null;
  citizenConfirmedAt: Date | string | null;
  citizenConfirmedByName: string | null;
  changes: TermChange[];
};

const timeOfDay = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });

/** "3. marts 2027 kl. 10.15" */
export function formatDateTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${formatDate(date)} kl. ${timeOfDay.format(date)}`;
}

export function formatMonth(month: string): string {
  return formatMonthIn(month, 'da');
}

export function AgreementStatusTag({ status }: { status: AgreementStatus }) {
  return <strong className="agreement-status">{AGREEMENT_STATUS_LABELS[status]}</strong>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/** The terms of one version, in the order a person reads an agreement. */
export function AgreementTerms({ terms, kind, parties }: { terms: TermsView; kind: OpeningKind; parties: { citizenName: string; companyName: string; openingTitle: string | null } }) {
  return (
    <table className="table table--compact agreement-terms">
      <caption className="sr-only">Aftalens indhold, version {terms.version}</caption>
      <tbody>
        <Row label="Borger">{parties.citizenName}</Row>
        <Row label="Virksomhed">{parties.companyName}</Row>
        {parties.openingTitle ? <Row label="Job">{parties.openingTitle}</Row> : null}
        <Row label={MAIN_HOURS_LABELS[kind]}>{formatHours(terms.ordinaryHoursPerWeek)}</Row>
        {terms.internshipHoursPerWeek > 0 ? <Row label="Virksomhedspraktik ved siden af">{formatHours(terms.internshipHoursPerWeek)} med andre opgaver</Row> : null}
        <Row label="Hvornår på ugen">{describeSchedule(terms.schedule)}</Row>
        <Row label="Start">{formatDate(terms.startDate)}</Row>
        <Row label="Første genforhandling">{terms.renegotiationDate ? formatDate(terms.renegotiationDate) : 'Ikke aftalt'}</Row>
        <Row label="Opgaver">
          <ul className="m-0">
            {terms.tasks.map((task) => (
              <li key={task}>{task}</li>
            ))}
          </ul>
        </Row>
        <Row label="Fast kontaktperson">
          {terms.contactName}, {terms.contactRole}
          {terms.contactPhone ? (
            <>
              <br />
              Telefon: <a href={`tel:${terms.contactPhone.replace(/\s/g, '')}`}>{terms.contactPhone}</a>
            </>
          ) : null}
          {terms.contactEmail ? (
            <>
              <br />
              E-mail: <a href={`mailto:${terms.contactEmail}`}>{terms.contactEmail}</a>
            </>
          ) : null}
        </Row>
        <Row label="Delmål">
          {terms.subGoals.length === 0 ? (
            'Ingen delmål'
          ) : (
            <ul className="m-0">
              {terms.subGoals.map((goal) => (
                <li key={`${goal.dueDate}:${goal.description}`}>
                  Senest {formatDate(goal.dueDate)}: {goal.description}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Hensyn virksomheden skal kende">{terms.sharedHealthConsiderations || 'Ingen'}</Row>
        <Row label="Opfølgning">
          {terms.followUpDates.length} aftalte datoer: {terms.followUpDates.map((day) => formatDate(day)).join(', ')}
        </Row>
      </tbody>
    </table>
  );
}

/** Who has confirmed this version and when. */
export function Confirmations({ terms }: { terms: Pick<TermsView, 'companyConfirmedAt' | 'companyConfirmedByName' | 'citizenConfirmedAt' | 'citizenConfirmedByName'> }) {
  return (
    <ul className="nobullet-list agreement-confirmations">
      <li>
        Virksomheden:{' '}
        {terms.companyConfirmedAt ? `bekræftet ${formatDateTime(terms.companyConfirmedAt)}${terms.companyConfirmedByName ? ` af ${terms.companyConfirmedByName}` : ''}` : 'har ikke bekræftet endnu'}
      </li>
      <li>
        Borgeren:{' '}
        {terms.citizenConfirmedAt ? `bekræftet ${formatDateTime(terms.citizenConfirmedAt)}${terms.citizenConfirmedByName ? ` af ${terms.citizenConfirmedByName}` : ''}` : 'har ikke bekræftet endnu'}
      </li>
    </ul>
  );
}

/** Every version, newest first; each later one says what changed from the one before. */
export function VersionHistory({ versions, currentVersion }: { versions: TermsView[]; currentVersion: number }) {
  if (versions.length < 2) return null;
  return (
    <section aria-labelledby="versions-heading" className="mb-6 no-print">
      <h2 id="versions-heading">Versioner</h2>
      <ol className="nobullet-list">
        {versions.map((version) => (
          <li key={version.version} className="mb-4">
            <h3 className="h4">
              Version {version.version}
              {version.version === currentVersion ? ' (gældende)' : ''} · skrevet {formatDateTime(version.createdAt)}
            </h3>
            {version.changeNote ? <p>Genforhandlet: {version.changeNote}</p> : null}
            {version.changes.length > 0 ? (
              <table className="table table--compact">
                <caption>Ændret fra version {version.version - 1}</caption>
                <thead>
                  <tr>
                    <th scope="col">Hvad</th>
                    <th scope="col">Før</th>
                    <th scope="col">Nu</th>
                  </tr>
                </thead>
                <tbody>
                  {version.changes.map((change) => (
                    <tr key={change.label}>
                      <th scope="row">{change.label}</th>
                      <td>{change.before}</td>
                      <td>{change.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <Confirmations terms={version} />
            <details>
              <summary>Se hele version {version.version}</summary>
              <ul>
                <li>Timer om ugen: {formatHours(version.ordinaryHoursPerWeek)}</li>
                {version.internshipHoursPerWeek > 0 ? <li>Praktik: {formatHours(version.internshipHoursPerWeek)}</li> : null}
                <li>Hvornår: {describeSchedule(version.schedule)}</li>
                <li>Start: {formatDate(version.startDate)}</li>
                <li>Opgaver: {version.tasks.join('; ')}</li>
                <li>
                  Kontaktperson: {[version.contactName, version.contactRole, version.contactPhone, version.contactEmail].filter(Boolean).join(', ')}
                </li>
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function GoalReached({ month }: { month: string | null }) {
  if (!month) return null;
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-heading">Målet er nået: 30 ordinære timer</p>
        <p className="alert-text">Borgeren arbejdede mindst 30 ordinære timer i {formatMonth(month)}. Trin 3 på vejen er nået.</p>
      </div>
    </div>
  );
}

/** A button that opens the browser's print dialog; the print stylesheet hides the rest of the page. */
export function PrintButton() {
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      Udskriv aftalen
    </button>
  );
}

export const AGREEMENT_PRINT_STYLESHEET = { rel: 'stylesheet', href: '/aftale-print.css', media: 'print' } as const;
