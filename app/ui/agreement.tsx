/**
 * The agreement as all three parties read it (and print it): the terms of a version, who confirmed it and
 * when, and the earlier versions with what changed. Danish for everyone; the citizen may read it in English
 * (the `language` of the citizen's page). The parties' own words (tasks, goals, notes) stay as written, in Danish.
 */
import type { ReactNode } from 'react';
import { describeSchedule, MAIN_HOURS_ENTRIES, type AgreementTerms, type TermChange } from '../domain/agreement-rules';
import { AGREEMENT_STATUS_ENTRIES, type AgreementStatus, type OpeningKind } from '../domain/vocabulary';
import { formatDateIn, formatDateTimeIn, formatHoursIn, formatMonthIn } from '../i18n/format';
import { labelIn, type Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';

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

/** "3. marts 2027 kl. 10.15" / "3 March 2027 at 10:15" */
export function formatDateTime(value: Date | string, language: Language = 'da'): string {
  return formatDateTimeIn(typeof value === 'string' ? new Date(value) : value, language);
}

export function formatMonth(month: string, language: Language = 'da'): string {
  return formatMonthIn(month, language);
}

export function AgreementStatusTag({ status, language = 'da' }: { status: AgreementStatus; language?: Language }) {
  return <strong className="agreement-status">{labelIn(AGREEMENT_STATUS_ENTRIES, status, language)}</strong>;
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
export function AgreementTerms({
  terms,
  kind,
  parties,
  language = 'da',
}: {
  terms: TermsView;
  kind: OpeningKind;
  parties: { citizenName: string; companyName: string; openingTitle: string | null };
  language?: Language;
}) {
  const t = textsFor(language).agreement;
  const hours = (value: number) => formatHoursIn(value, language);
  const date = (day: string) => formatDateIn(day, language);
  return (
    <table className="table table--compact table--responsive-headers agreement-terms">
      <caption className="sr-only">{t.termsCaption(terms.version)}</caption>
      <tbody>
        <Row label={t.citizen}>{parties.citizenName}</Row>
        <Row label={t.company}>{parties.companyName}</Row>
        {parties.openingTitle ? (
          <Row label={t.job}>
            <span lang="da">{parties.openingTitle}</span>
          </Row>
        ) : null}
        <Row label={labelIn(MAIN_HOURS_ENTRIES, kind, language)}>{hours(terms.ordinaryHoursPerWeek)}</Row>
        {terms.internshipHoursPerWeek > 0 ? <Row label={t.internshipAlongside}>{t.internshipOtherTasks(hours(terms.internshipHoursPerWeek))}</Row> : null}
        <Row label={t.when}>{describeSchedule(terms.schedule, language)}</Row>
        <Row label={t.start}>{date(terms.startDate)}</Row>
        <Row label={t.renegotiation}>{terms.renegotiationDate ? date(terms.renegotiationDate) : t.notAgreed}</Row>
        <Row label={t.tasks}>
          <ul className="m-0" lang="da">
            {terms.tasks.map((task) => (
              <li key={task}>{task}</li>
            ))}
          </ul>
        </Row>
        <Row label={t.contact}>
          {terms.contactName}, <span lang="da">{terms.contactRole}</span>
          {terms.contactPhone ? (
            <>
              <br />
              {t.phone}: <a href={`tel:${terms.contactPhone.replace(/\s/g, '')}`}>{terms.contactPhone}</a>
            </>
          ) : null}
          {terms.contactEmail ? (
            <>
              <br />
              {t.email}: <a className="jobbro-break" href={`mailto:${terms.contactEmail}`}>{terms.contactEmail}</a>
            </>
          ) : null}
        </Row>
        <Row label={t.subGoals}>
          {terms.subGoals.length === 0 ? (
            t.noSubGoals
          ) : (
            <ul className="m-0">
              {terms.subGoals.map((goal) => (
                <li key={`${goal.dueDate}:${goal.description}`}>
                  {t.subGoalBy(date(goal.dueDate))} <span lang="da">{goal.description}</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label={t.considerations}>{terms.sharedHealthConsiderations ? <span lang="da">{terms.sharedHealthConsiderations}</span> : t.noConsiderations}</Row>
        <Row label={t.followUp}>{t.followUpDates(terms.followUpDates.length, terms.followUpDates.map(date).join(', '))}</Row>
      </tbody>
    </table>
  );
}

type ConfirmationTerms = Pick<TermsView, 'companyConfirmedAt' | 'companyConfirmedByName' | 'citizenConfirmedAt' | 'citizenConfirmedByName'>;

/** Who has confirmed this version and when. */
export function Confirmations({ terms, language = 'da' }: { terms: ConfirmationTerms; language?: Language }) {
  const t = textsFor(language).agreement;
  const confirmation = (at: Date | string | null, by: string | null) => (at ? `${t.confirmedAt(formatDateTime(at, language))}${by ? t.confirmedBy(by) : ''}` : t.notConfirmed);
  return (
    <ul className="nobullet-list agreement-confirmations">
      <li>
        {t.companyConfirmation} {confirmation(terms.companyConfirmedAt, terms.companyConfirmedByName)}
      </li>
      <li>
        {t.citizenConfirmation} {confirmation(terms.citizenConfirmedAt, terms.citizenConfirmedByName)}
      </li>
    </ul>
  );
}

/** Every version, newest first; each later one says what changed from the one before. */
export function VersionHistory({ versions, currentVersion, language = 'da' }: { versions: TermsView[]; currentVersion: number; language?: Language }) {
  if (versions.length < 2) return null;
  const t = textsFor(language).agreement;
  return (
    <section aria-labelledby="versions-heading" className="mb-6 no-print">
      <h2 id="versions-heading">{t.versionsHeading}</h2>
      <ol className="nobullet-list">
        {versions.map((version) => (
          <li key={version.version} className="mb-4">
            <h3 className="h4">
              {t.versionTitle(version.version)}
              {version.version === currentVersion ? t.currentVersion : ''}
              {t.written(formatDateTime(version.createdAt, language))}
            </h3>
            {version.changeNote ? (
              <p>
                {t.renegotiated} <span lang="da">{version.changeNote}</span>
              </p>
            ) : null}
            {version.changes.length > 0 ? (
              <table className="table table--compact table--responsive-headers">
                <caption>{t.changedFrom(version.version - 1)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.changeWhat}</th>
                    <th scope="col">{t.changeBefore}</th>
                    <th scope="col">{t.changeNow}</th>
                  </tr>
                </thead>
                <tbody>
                  {version.changes.map((change) => (
                    <tr key={change.label}>
                      <th scope="row">{change.label}</th>
                      <td data-title={t.changeBefore}>{change.before}</td>
                      <td data-title={t.changeNow}>{change.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <Confirmations terms={version} language={language} />
            <details>
              <summary>{t.seeVersion(version.version)}</summary>
              <ul>
                <li>
                  {t.versionHours}: {formatHoursIn(version.ordinaryHoursPerWeek, language)}
                </li>
                {version.internshipHoursPerWeek > 0 ? (
                  <li>
                    {t.versionInternship}: {formatHoursIn(version.internshipHoursPerWeek, language)}
                  </li>
                ) : null}
                <li>
                  {t.versionWhen}: {describeSchedule(version.schedule, language)}
                </li>
                <li>
                  {t.versionStart}: {formatDateIn(version.startDate, language)}
                </li>
                <li>
                  {t.versionTasks}: <span lang="da">{version.tasks.join('; ')}</span>
                </li>
                <li>
                  {t.versionContact}: {[version.contactName, version.contactRole, version.contactPhone, version.contactEmail].filter(Boolean).join(', ')}
                </li>
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function GoalReached({ month, language = 'da' }: { month: string | null; language?: Language }) {
  if (!month) return null;
  const t = textsFor(language).agreement;
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-heading">{t.goalHeading}</p>
        <p className="alert-text">{t.goalText(formatMonth(month, language))}</p>
      </div>
    </div>
  );
}

/** A button that opens the browser's print dialog; the print stylesheet hides the rest of the page. */
export function PrintButton({ language = 'da' }: { language?: Language }) {
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      {textsFor(language).agreement.print}
    </button>
  );
}

export const AGREEMENT_PRINT_STYLESHEET = { rel: 'stylesheet', href: '/aftale-print.css', media: 'print' } as const;
