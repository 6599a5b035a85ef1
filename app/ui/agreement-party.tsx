/**
 * The agreement as the company or the citizen reads it, with their confirmation when it waits for them and,
 * for the company, its form for a month's hours. The company reads it in Danish; the citizen in their language.
 */
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { agreementEffectiveFrom } from '../domain/agreement-rules';
import { OPENING_KIND_ENTRIES } from '../domain/vocabulary';
import { formatDateIn } from '../i18n/format';
import { labelIn, type Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';
import type { AgreementView } from '../services/agreement-views.server';
import { AgreementStatusTag, AgreementTerms, Confirmations, GoalReached, PrintButton, VersionHistory } from './agreement';
import { HoursChart, HoursTable } from './hours-chart';
import { Alert } from './matching';

type Party = 'company' | 'citizen';

/** Dates may arrive as strings after serialisation; the view does not mind. */
type View = Omit<AgreementView, 'followUps'> & { followUps: unknown[] };

type Props = {
  agreement: View;
  party: Party;
  confirmed: boolean;
  error: string | null;
  /** Under the hours: the company's form to report a month. */
  hoursForm?: ReactNode;
  hoursSaved?: boolean;
  /** The company's: a link per month to correct it, and the history of every save. */
  correctHref?: (month: string) => string;
  hoursHistory?: ReactNode;
  /** Only the citizen's page passes the citizen's language; the company's stays Danish. */
  language?: Language;
};

export function PartyAgreement({ agreement, party, confirmed, error, hoursForm, hoursSaved = false, correctHref, hoursHistory, language = 'da' }: Props) {
  const t = textsFor(language).agreement;
  const current = agreement.current;
  const waitingForMe = agreement.status === 'awaiting_confirmation' && (party === 'company' ? current.companyConfirmedAt === null : current.citizenConfirmedAt === null);
  return (
    <>
      <h1>{t.heading(agreement.citizen.name, agreement.companyName)}</h1>
      <p className="font-lead">
        <AgreementStatusTag status={agreement.status} language={language} /> · {t.version(agreement.currentVersion)} · {labelIn(OPENING_KIND_ENTRIES, agreement.kind, language)}
      </p>
      {confirmed ? (
        <Alert kind="success">
          {t.thanks} {agreement.status === 'active' ? t.nowActive : t.activeWhenOtherConfirms[party]}
        </Alert>
      ) : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <GoalReached month={agreement.goalReachedMonth} language={language} />
      {agreement.status === 'ended' ? (
        <Alert kind="info" heading={t.endedHeading}>
          <span lang="da">{agreement.endReason}</span>
        </Alert>
      ) : null}
      {waitingForMe ? (
        <p className="no-print">
          {t.waitingForYou} <a href="#confirm-heading">{t.goToConfirm}</a>
        </p>
      ) : null}
      <div className="jobbro-actions no-print">
        <PrintButton language={language} />
        {agreement.status !== 'ended' && current.followUpDates.length > 0 ? (
          <a className="button button-secondary" href={`/${party === 'company' ? 'virksomhed' : 'borger'}/aftaler/${agreement.id}/kalender.ics`} download>
            {t.calendar[party]}
          </a>
        ) : null}
      </div>
      <section aria-labelledby="terms-heading" className="mb-6">
        <h2 id="terms-heading">{t.termsHeading(current.version)}</h2>
        <AgreementTerms
          terms={current}
          kind={agreement.kind}
          parties={{ citizenName: agreement.citizen.name, companyName: agreement.companyName, openingTitle: agreement.opening?.title ?? null }}
          language={language}
        />
        <h3 className="h4">{t.confirmationsHeading}</h3>
        <Confirmations terms={current} language={language} />
        {agreement.activatedAt ? (
          <p>{t.activeFrom(formatDateIn(agreementEffectiveFrom(agreement.activatedAt, agreement.versions.at(-1)!.startDate), language))}</p>
        ) : null}
        {agreement.followUp.next ? <p>{t.nextFollowUp(formatDateIn(agreement.followUp.next, language))}</p> : null}
      </section>
      {waitingForMe ? (
        // After the terms it confirms: the button is pressed by someone who has just read them.
        <section aria-labelledby="confirm-heading" className="mb-6 no-print">
          <h2 id="confirm-heading">{current.version > 1 ? t.confirmNewVersionHeading : t.confirmHeading}</h2>
          {current.changeNote ? (
            <p>
              {t.changed} <span lang="da">{current.changeNote}</span>
            </p>
          ) : null}
          <p>{t.confirmText}</p>
          <Form method="post">
            <button type="submit" name="intent" value="confirm" className="button button-primary">
              {t.confirm[party]}
            </button>
          </Form>
        </section>
      ) : null}
      <VersionHistory versions={agreement.versions} currentVersion={agreement.currentVersion} language={language} />
      {agreement.months.length > 0 || hoursForm ? (
        <section aria-labelledby="hours-heading" className="mb-6" id="timer">
          <h2 id="hours-heading">{t.hoursHeading}</h2>
          {hoursSaved ? <Alert kind="success">{t.hoursSaved}</Alert> : null}
          <HoursChart rows={agreement.months} language={language} />
          <HoursTable rows={agreement.months} language={language} correctHref={correctHref} />
          {hoursHistory}
          {hoursForm}
        </section>
      ) : null}
    </>
  );
}
