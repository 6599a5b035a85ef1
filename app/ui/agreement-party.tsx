/**
 * The agreement as the company or the citizen reads it, with their confirmation when it waits for them and,
 * for the company, its form for a month's hours.
 */
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatDate } from '../domain/format';
import { OPENING_KIND_LABELS } from '../domain/vocabulary';
import type { AgreementView } from '../services/agreements.server';
import { AgreementStatusTag, AgreementTerms, Confirmations, formatDateTime, GoalReached, PrintButton, VersionHistory } from './agreement';
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
};

export function PartyAgreement({ agreement, party, confirmed, error, hoursForm, hoursSaved = false }: Props) {
  const current = agreement.current;
  const waitingForMe = agreement.status === 'awaiting_confirmation' && (party === 'company' ? current.companyConfirmedAt === null : current.citizenConfirmedAt === null);
  return (
    <>
      <h1>
        Aftale mellem {agreement.citizen.name} og {agreement.companyName}
      </h1>
      <p className="font-lead">
        <AgreementStatusTag status={agreement.status} /> · version {agreement.currentVersion} · {OPENING_KIND_LABELS[agreement.kind]}
      </p>
      {confirmed ? (
        <Alert kind="success">
          Tak. {agreement.status === 'active' ? 'Aftalen er nu aktiv.' : `Aftalen bliver aktiv, når ${party === 'company' ? 'borgeren' : 'virksomheden'} også har bekræftet den.`}
        </Alert>
      ) : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <GoalReached month={agreement.goalReachedMonth} />
      {agreement.status === 'ended' ? (
        <Alert kind="info" heading="Aftalen er afsluttet">
          {agreement.endReason}
        </Alert>
      ) : null}
      {waitingForMe ? (
        <section aria-labelledby="confirm-heading" className="mb-6 no-print">
          <h2 id="confirm-heading">{current.version > 1 ? 'Bekræft den nye version' : 'Bekræft aftalen'}</h2>
          {current.changeNote ? <p>Ændret: {current.changeNote}</p> : null}
          <p>Læs aftalen herunder. Når du bekræfter, gemmer vi hvem der bekræftede og hvornår. Er noget forkert, så kontakt jobcentret i stedet.</p>
          <Form method="post">
            <button type="submit" name="intent" value="confirm" className="button button-primary">
              {party === 'company' ? 'Vi bekræfter aftalen' : 'Jeg bekræfter aftalen'}
            </button>
          </Form>
        </section>
      ) : null}
      <div className="jobbro-actions no-print">
        <PrintButton />
      </div>
      <section aria-labelledby="terms-heading" className="mb-6">
        <h2 id="terms-heading">Aftalen (version {current.version})</h2>
        <AgreementTerms terms={current} kind={agreement.kind} parties={{ citizenName: agreement.citizen.name, companyName: agreement.companyName, openingTitle: agreement.opening?.title ?? null }} />
        <h3 className="h4">Bekræftelser</h3>
        <Confirmations terms={current} />
        {agreement.activatedAt ? <p>Aktiv fra {formatDateTime(agreement.activatedAt)}.</p> : null}
        {agreement.followUp.next ? <p>Næste opfølgning fra jobcentret: {formatDate(agreement.followUp.next)}.</p> : null}
      </section>
      <VersionHistory versions={agreement.versions} currentVersion={agreement.currentVersion} />
      {agreement.months.length > 0 || hoursForm ? (
        <section aria-labelledby="hours-heading" className="mb-6" id="timer">
          <h2 id="hours-heading">Timer og fremgang</h2>
          {hoursSaved ? <Alert kind="success">Timerne er gemt.</Alert> : null}
          <HoursChart rows={agreement.months} />
          <HoursTable rows={agreement.months} />
          {hoursForm}
        </section>
      ) : null}
    </>
  );
}
