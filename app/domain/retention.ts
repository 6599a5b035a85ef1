/**
 * How long personal data is kept (DESIGN: "Privacy"): the data of a closed case five years, then anonymised;
 * access-log entries two years, then deleted. Pure: the caller passes the moment.
 */

export const CLOSED_CASE_RETENTION_YEARS = 5;
export const ACCESS_LOG_RETENTION_YEARS = 2;

/** What an anonymised citizen (and their login) is called from then on. */
export const ANONYMISED_NAME = 'Anonymiseret borger';

/** The follow-up notes of an anonymised citizen's agreements keep their date and channel, not their words. */
export const ANONYMISED_NOTE = 'Anonymiseret';

/**
 * The same moment the given number of calendar years earlier. 29 February goes back to 1 March of a
 * common year: a day later than the exact anniversary, so nothing is removed early.
 */
export function yearsBefore(moment: Date, years: number): Date {
  const earlier = new Date(moment.getTime());
  earlier.setUTCFullYear(moment.getUTCFullYear() - years);
  return earlier;
}

export type RetentionCutoffs = {
  /** A case closed before this moment is anonymised. */
  anonymiseCasesClosedBefore: Date;
  /** An access-log entry written before this moment is deleted. */
  deleteAccessLogBefore: Date;
};

export function retentionCutoffs(now: Date): RetentionCutoffs {
  return {
    anonymiseCasesClosedBefore: yearsBefore(now, CLOSED_CASE_RETENTION_YEARS),
    deleteAccessLogBefore: yearsBefore(now, ACCESS_LOG_RETENTION_YEARS),
  };
}

/** Whether a case is due for anonymisation: closed, and before the cutoff. An open case never is. */
export function isDueForAnonymisation(closedAt: Date | null, now: Date): boolean {
  return closedAt !== null && closedAt.getTime() < retentionCutoffs(now).anonymiseCasesClosedBefore.getTime();
}

/**
 * The login of an anonymised citizen keeps its row (agreements point at who confirmed them) under an address
 * that cannot receive mail (`.invalid`, RFC 2606) and cannot be logged in with: it has no password.
 */
export function anonymisedEmail(userId: string): string {
  return `anonymiseret-${userId}@anonymiseret.invalid`;
}
