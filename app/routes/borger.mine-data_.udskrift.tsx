import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { requireUser } from '../auth/permissions.server';
import {
  ACCESS_ACTION_ENTRIES,
  ACCOMMODATION_ENTRIES,
  AGREEMENT_STATUS_ENTRIES,
  BENEFIT_STATUS_ENTRIES,
  DEMAND_ENTRIES,
  EXCLUSION_REASON_ENTRIES,
  FOLLOW_UP_CHANNEL_ENTRIES,
  LANGUAGE_LEVEL_ENTRIES,
  PATH_PHASE_ENTRIES,
  PROPOSAL_STATUS_ENTRIES,
  ROLE_ENTRIES,
  TRANSPORT_MODE_ENTRIES,
} from '../domain/vocabulary';
import { formatDateIn, formatDateTimeIn, formatHoursIn, formatKmIn, formatMonthIn } from '../i18n/format';
import { labelIn, type Language } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { exportOwnData, type ExportedActor } from '../services/citizen-portal.server';
import { orHttpError } from '../services/errors.server';
import { InLanguage } from '../ui/citizen';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).dataPrint.title : 'Mine oplysninger'} · Jobbro` }];

/**
 * The citizen's data as a page a person can read and print (GDPR art. 15 asks for an intelligible form):
 * the same content as the JSON download, with the vocabulary's labels in the reader's language instead of
 * codes. Opening it is an export like the download, and the access log says so.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  // Logged in, so server.ts sends it with Cache-Control: private, no-store.
  const exported = await orHttpError(() => exportOwnData(user, new Date()));
  return { language: languageOf(request), exported };
}


function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function when(value: Date | string | null | undefined, language: Language, none: string): string {
  return value ? formatDateTimeIn(new Date(value), language) : none;
}

function whoWrote(actor: ExportedActor | null): string {
  return actor ? `${actor.organisation} (${actor.role})` : '';
}

export default function CitizenDataPrintPage() {
  const { language, exported: data } = useLoaderData<typeof loader>();
  const t = textsFor(language).dataPrint;
  const { profile, account } = data;
  const labels = <T extends { readonly code: string; readonly da: string; readonly en: string }>(entries: readonly T[], codes: readonly string[]) =>
    codes.length === 0 ? t.none : codes.map((code) => labelIn(entries, code as T['code'], language)).join(', ');
  return (
    <InLanguage language={language}>
      <div className="jobbro-no-print">
        <p>
          <Link to="/borger/mine-data">{t.back}</Link>
        </p>
      </div>
      <article className="jobbro-printout">
        <h1>{t.title}</h1>
        <p className="font-lead">{t.intro(formatDateTimeIn(new Date(data.exportedAt), language))}</p>
        <p className="jobbro-no-print">{t.printHint}</p>

        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t.aboutHeading}</h2>
          <dl className="jobbro-facts">
            <Row label={t.name}>{profile.name}</Row>
            <Row label={t.email}>{profile.email ?? t.notSet}</Row>
            <Row label={t.phone}>{profile.phone ?? t.notSet}</Row>
            <Row label={t.place}>
              {profile.postcode} {profile.city}
            </Row>
            <Row label={t.transport}>{labelIn(TRANSPORT_MODE_ENTRIES, profile.transportMode, language)}</Row>
            <Row label={t.reach}>{formatKmIn(profile.reachKm, language)}</Row>
            <Row label={t.benefit}>{labelIn(BENEFIT_STATUS_ENTRIES, profile.benefitStatus, language)}</Row>
            {profile.flexjobVisitationUntil ? <Row label={t.flexjobUntil}>{formatDateIn(profile.flexjobVisitationUntil, language)}</Row> : null}
            <Row label={t.hours}>{formatHoursIn({ min: profile.hoursMin, max: profile.hoursMax }, language)}</Row>
            <Row label={t.wishes}>
              <span lang="da">{profile.wishes || t.notSet}</span>
            </Row>
            <Row label={t.competences}>
              <span lang="da">{profile.competences.length === 0 ? t.none : profile.competences.join(', ')}</span>
            </Row>
            <Row label={t.languages}>
              {profile.languages.length === 0 ? t.none : profile.languages.map((skill) => `${skill.language}: ${labelIn(LANGUAGE_LEVEL_ENTRIES, skill.level, language).toLowerCase()}`).join(', ')}
            </Row>
            <Row label={t.danishLevel}>{labelIn(LANGUAGE_LEVEL_ENTRIES, profile.danishLevel as (typeof LANGUAGE_LEVEL_ENTRIES)[number]['code'], language)}</Row>
            <Row label={t.drivingLicence}>{profile.drivingLicence ? t.yes : t.no}</Row>
            <Row label={t.restrictions}>{labels(DEMAND_ENTRIES, profile.restrictions)}</Row>
            <Row label={t.needs}>{labels(ACCOMMODATION_ENTRIES, profile.neededAccommodations)}</Row>
            <Row label={t.healthNotes}>
              <span lang="da" style={{ whiteSpace: 'pre-line' }}>
                {profile.healthNotes || t.none}
              </span>
              <br />
              <span className="weight-normal">{t.healthNotesHint}</span>
            </Row>
            <Row label={t.consent}>
              {profile.consentToShare ? t.yes : t.no}
              {profile.consentUpdatedAt ? ` (${when(profile.consentUpdatedAt, language, '')})` : ''}
            </Row>
            <Row label={t.phase}>{labelIn(PATH_PHASE_ENTRIES, profile.phase, language)}</Row>
            {profile.nextAction ? (
              <Row label={t.nextAction}>
                <span lang="da">{profile.nextAction}</span>
                {profile.nextActionDate ? ` (${formatDateIn(profile.nextActionDate, language)})` : ''}
              </Row>
            ) : null}
            <Row label={t.created}>{when(profile.createdAt, language, t.notSet)}</Row>
            {profile.closedAt ? <Row label={t.closed}>{when(profile.closedAt, language, '')}</Row> : null}
          </dl>
        </section>

        <section aria-labelledby="account-heading">
          <h2 id="account-heading">{t.accountHeading}</h2>
          <dl className="jobbro-facts">
            <Row label={t.email}>{account.email}</Row>
            <Row label={t.created}>{when(account.createdAt, language, t.notSet)}</Row>
            <Row label={t.passwordChanged}>{when(account.passwordChangedAt, language, t.notSet)}</Row>
          </dl>
        </section>

        {data.noShelteredJobAt.length > 0 ? (
          <section aria-labelledby="excluded-heading">
            <h2 id="excluded-heading">{t.excludedHeading}</h2>
            <ul>
              {data.noShelteredJobAt.map((row) => (
                <li key={row.company}>
                  {row.company}: {labelIn(EXCLUSION_REASON_ENTRIES, row.reason, language)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="proposals-heading">
          <h2 id="proposals-heading">{t.proposalsHeading}</h2>
          {data.proposals.length === 0 ? <p>{t.none}</p> : null}
          {data.proposals.map((proposal) => (
            <div key={proposal.id} className="jobbro-print-block">
              <h3 className="h4">
                <span lang="da">{proposal.opening}</span> · {proposal.company}
              </h3>
              <dl className="jobbro-facts">
                <Row label={t.proposalStatus}>
                  {labelIn(PROPOSAL_STATUS_ENTRIES, proposal.status, language)}
                  {proposal.origin === 'citizen_interest' ? ` · ${t.fromInterest}` : ''}
                </Row>
                <Row label={t.created}>{when(proposal.createdAt, language, '')}</Row>
                <Row label={t.proposalWhy}>
                  <span lang="da">{proposal.explanation}</span>
                </Row>
                {proposal.citizenReason ? (
                  <Row label={t.proposalYourReason}>
                    <span lang="da">{proposal.citizenReason}</span>
                  </Row>
                ) : null}
                {proposal.withdrawnAt ? (
                  <Row label={t.proposalWithdrawn}>
                    {when(proposal.withdrawnAt, language, '')}
                    {proposal.withdrawnReason ? <span lang="da">: {proposal.withdrawnReason}</span> : null}
                  </Row>
                ) : null}
              </dl>
            </div>
          ))}
        </section>

        <section aria-labelledby="agreements-heading">
          <h2 id="agreements-heading">{t.agreementsHeading}</h2>
          {data.agreements.length === 0 ? <p>{t.none}</p> : null}
          {data.agreements.map((agreement) => (
            <div key={agreement.id} className="jobbro-print-block">
              <h3 className="h4">
                {agreement.company} · {labelIn(AGREEMENT_STATUS_ENTRIES, agreement.status, language)}
              </h3>
              {agreement.versions.map((version) => (
                <div key={version.id}>
                  <h4 className="h5">{t.version(version.version)}</h4>
                  <dl className="jobbro-facts">
                    <Row label={t.hours}>
                      {formatHoursIn(version.ordinaryHoursPerWeek, language)} {t.ordinary}
                      {version.internshipHoursPerWeek > 0 ? ` + ${formatHoursIn(version.internshipHoursPerWeek, language)} ${t.otherHours}` : ''}
                    </Row>
                    <Row label={t.start}>{formatDateIn(version.startDate, language)}</Row>
                    <Row label={t.tasks}>
                      <span lang="da">{version.tasks.join(', ')}</span>
                    </Row>
                    <Row label={t.contact}>
                      {version.contactName}, <span lang="da">{version.contactRole}</span>
                      {version.contactPhone ? ` · ${version.contactPhone}` : ''}
                      {version.contactEmail ? ` · ${version.contactEmail}` : ''}
                    </Row>
                    <Row label={t.followUpDates}>{version.followUpDates.length === 0 ? t.none : version.followUpDates.map((day) => formatDateIn(day, language)).join(', ')}</Row>
                    <Row label={t.writtenBy}>{whoWrote(version.createdBy)}</Row>
                  </dl>
                </div>
              ))}
              {agreement.followUps.length > 0 ? (
                <>
                  <h4 className="h5">{t.followUpsHeading}</h4>
                  <ul>
                    {agreement.followUps.map((contact) => (
                      <li key={contact.id}>
                        {formatDateIn(contact.contactDate, language)} · {labelIn(FOLLOW_UP_CHANNEL_ENTRIES, contact.channel, language)}: <span lang="da">{contact.summary}</span>
                        {contact.createdBy ? ` (${t.by} ${whoWrote(contact.createdBy)})` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {agreement.monthlyHours.length > 0 ? (
                <>
                  <h4 className="h5">{t.monthsHeading}</h4>
                  <ul>
                    {agreement.monthlyHours.map((month) => (
                      <li key={month.id}>
                        {formatMonthIn(month.month, language)}: {formatHoursIn(month.ordinaryHours, language, { unit: false })} {t.ordinary}
                        {month.internshipHours + month.flexjobHours + month.wageSubsidyHours > 0
                          ? `, ${formatHoursIn(month.internshipHours + month.flexjobHours + month.wageSubsidyHours, language, { unit: false })} ${t.otherHours}`
                          : ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </section>

        <section aria-labelledby="print-log-heading">
          <h2 id="print-log-heading">{t.logHeading}</h2>
          {data.accessLog.length === 0 ? <p>{t.none}</p> : null}
          <ul className="jobbro-print-log">
            {data.accessLog.map((entry) => (
              <li key={entry.id}>
                {formatDateTimeIn(new Date(entry.at), language)} · {entry.organisation} · {labelIn(ROLE_ENTRIES, entry.actorRole, language)} ·{' '}
                {labelIn(ACCESS_ACTION_ENTRIES, entry.action, language)}: <span lang="da">{entry.purpose}</span>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="mails-heading">
          <h2 id="mails-heading">{t.mailsHeading}</h2>
          {data.mailsSentToYou.length === 0 ? <p>{t.none}</p> : null}
          <ul>
            {data.mailsSentToYou.map((mail) => (
              <li key={`${mail.createdAt}-${mail.subject}`}>
                {formatDateTimeIn(new Date(mail.createdAt), language)}: <span lang="da">{mail.subject}</span>
              </li>
            ))}
          </ul>
        </section>
      </article>
    </InLanguage>
  );
}
