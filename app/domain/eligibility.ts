/**
 * Which kinds of opening a citizen may fill. A hard rule: an ineligible citizen is never offered, listed or
 * proposed for an opening (DESIGN: "The three kinds of opening"). Pure: the caller passes today.
 */
import { formatDate, toIsoDate, type CalendarDay } from './format';
import { OPENING_KINDS, PATH_PHASE_LABELS, type BenefitStatus, type OpeningKind, type PathPhase } from './vocabulary';

export type EligibilityCitizen = {
  benefitStatus: BenefitStatus;
  /** Last day the fleksjob visitation is valid (inclusive); null when the citizen has none. */
  flexjobVisitationUntil: CalendarDay | null;
  /** The most recent employer and companies owned by a spouse or partner: never a skånejob there. */
  excludedCompanyIds: readonly string[];
  phase: PathPhase;
};

export type EligibilityOpening = { kind: OpeningKind; companyId: string };

export type KindEligibility = { eligible: true } | { eligible: false; reason: string };

/** Citizens in this phase belong with the rehabiliteringsteam: flagged, not matched (DESIGN: path step 1). */
const NOT_MATCHED_PHASE = 'rehabilitation_team' satisfies PathPhase;

/** Citizens in these phases are not matched: they belong with the rehabilitation team or need no job. */
export const UNMATCHED_PHASES = [NOT_MATCHED_PHASE, 'self_supporting'] as const satisfies readonly PathPhase[];

/** Who may be matched (and is in the citizens' index): consent to share a summary, an open case, a matched phase. */
export function isMatchableCitizen(citizen: { consentToShare: boolean; closedAt: unknown; phase: PathPhase }): boolean {
  return citizen.consentToShare && citizen.closedAt === null && !(UNMATCHED_PHASES as readonly PathPhase[]).includes(citizen.phase);
}

export function isReferredToRehabilitationTeam(citizen: Pick<EligibilityCitizen, 'phase'>): boolean {
  return citizen.phase === NOT_MATCHED_PHASE;
}

/** The visitation counts on its last day too. */
export function hasValidFlexjobVisitation(
  citizen: Pick<EligibilityCitizen, 'flexjobVisitationUntil'>,
  today: CalendarDay,
): boolean {
  const until = citizen.flexjobVisitationUntil;
  return until !== null && toIsoDate(until) >= toIsoDate(today);
}

function mayHoldKind(citizen: Omit<EligibilityCitizen, 'excludedCompanyIds'>, kind: OpeningKind, today: CalendarDay) {
  switch (kind) {
    case 'ordinary_hours':
      return true;
    case 'flexjob':
      return hasValidFlexjobVisitation(citizen, today);
    case 'sheltered_job':
      return citizen.benefitStatus === 'disability_pension';
  }
}

/**
 * The kinds the citizen may fill today, in vocabulary order. Empty for a citizen referred to the
 * rehabiliteringsteam, so a search filtered on these kinds finds nothing for them.
 */
export function eligibleKinds(
  citizen: Omit<EligibilityCitizen, 'excludedCompanyIds'>,
  today: CalendarDay,
): OpeningKind[] {
  if (isReferredToRehabilitationTeam(citizen)) return [];
  return OPENING_KINDS.filter((kind) => mayHoldKind(citizen, kind, today));
}

/** Whether the citizen may fill this particular opening, with the reason in Danish when not. */
export function kindEligibility(
  citizen: EligibilityCitizen,
  opening: EligibilityOpening,
  today: CalendarDay,
): KindEligibility {
  if (isReferredToRehabilitationTeam(citizen)) {
    return refuse(
      `Borgeren er ${PATH_PHASE_LABELS.rehabilitation_team.toLowerCase()} og matches ikke med job, før teamet har afklaret forløbet.`,
    );
  }
  switch (opening.kind) {
    case 'ordinary_hours':
      return { eligible: true };
    case 'flexjob':
      return flexjobEligibility(citizen, today);
    case 'sheltered_job':
      return shelteredJobEligibility(citizen, opening);
  }
}

function flexjobEligibility(citizen: EligibilityCitizen, today: CalendarDay): KindEligibility {
  if (citizen.flexjobVisitationUntil === null) {
    return refuse('Fleksjob kræver en visitation til fleksjob, og borgeren er ikke visiteret.');
  }
  if (!hasValidFlexjobVisitation(citizen, today)) {
    return refuse(
      `Borgerens visitation til fleksjob udløb ${formatDate(citizen.flexjobVisitationUntil)}. Fleksjob kræver en gyldig visitation.`,
    );
  }
  return { eligible: true };
}

function shelteredJobEligibility(citizen: EligibilityCitizen, opening: EligibilityOpening): KindEligibility {
  if (citizen.benefitStatus !== 'disability_pension') {
    return refuse('Skånejob er kun for borgere på førtidspension.');
  }
  if (citizen.excludedCompanyIds.includes(opening.companyId)) {
    return refuse(
      'Et skånejob kan ikke være hos borgerens seneste arbejdsgiver eller hos en virksomhed, som ægtefællen eller partneren ejer.',
    );
  }
  return { eligible: true };
}

function refuse(reason: string): KindEligibility {
  return { eligible: false, reason };
}
