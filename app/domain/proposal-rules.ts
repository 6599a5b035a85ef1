/**
 * A proposal (a consultant proposes a citizen for an opening) and how it moves. Both the company and the
 * citizen answer, in either order; it is accepted when both have said yes, and over when one says no.
 * The company sees the candidate without name and contact until the citizen has said yes (DESIGN: Privacy).
 * Pure: times come in with the proposal.
 */
import { z } from 'zod';
import { formatDate } from './format';
import { plainText } from './text-rules';
import { PATH_PHASE_LABELS, PROPOSAL_STATUS_ENTRIES, type PathPhase, type ProposalStatus } from './vocabulary';

export type ProposalParty = 'company' | 'citizen';

export const PROPOSAL_STATUS_LABELS = Object.fromEntries(PROPOSAL_STATUS_ENTRIES.map((entry) => [entry.code, entry.da])) as Record<
  ProposalStatus,
  string
>;

/** Still waiting for an answer from one or both parties. */
export const OPEN_PROPOSAL_STATUSES = ['proposed', 'company_accepted', 'citizen_accepted'] as const satisfies readonly ProposalStatus[];

/** A proposal in one of these stops a new one for the same citizen and opening: it is open, or both said yes. */
export const BLOCKING_PROPOSAL_STATUSES = [...OPEN_PROPOSAL_STATUSES, 'accepted'] as const satisfies readonly ProposalStatus[];

export function isProposalOpen(status: ProposalStatus): boolean {
  return (OPEN_PROPOSAL_STATUSES as readonly ProposalStatus[]).includes(status);
}

export function blocksNewProposal(status: ProposalStatus): boolean {
  return (BLOCKING_PROPOSAL_STATUSES as readonly ProposalStatus[]).includes(status);
}

/** The parties that have not answered yet; empty when the proposal is over. */
export function awaitingParties(status: ProposalStatus): ProposalParty[] {
  switch (status) {
    case 'proposed':
      return ['company', 'citizen'];
    case 'company_accepted':
      return ['citizen'];
    case 'citizen_accepted':
      return ['company'];
    default:
      return [];
  }
}

export function mayRespond(status: ProposalStatus, party: ProposalParty): boolean {
  return awaitingParties(status).includes(party);
}

/**
 * The consultant may withdraw a proposal (or not pass on a citizen's interest) while someone still has to
 * answer it; once both have said yes it is the agreement's to end, and a no is already an end.
 */
export function mayWithdraw(status: ProposalStatus): boolean {
  return isProposalOpen(status);
}

/**
 * The citizen may take back their yes until an agreement from the proposal is signed: while the company
 * has yet to answer, and after both said yes. The service checks the agreement.
 */
export function mayTakeBackYes(status: ProposalStatus): boolean {
  return status === 'citizen_accepted' || status === 'accepted';
}

/**
 * The reason stored on every open proposal that ended because the citizen's consent to share was withdrawn
 * (by the citizen or their consultant). The steps name it; the company is told only that it was withdrawn.
 */
export const CONSENT_WITHDRAWN_REASON = 'Samtykket til at dele oplysninger med virksomheder blev trukket tilbage.';

/** What of a citizen's case decides whether they may be proposed at all, beside the matching rules. */
export type CaseFacts = { consentToShare: boolean; closedAt: Date | null; phase: PathPhase };

/** Why the citizen may not be proposed, beside the matching rules: a closed case, no consent, a phase that is not matched. */
export function caseRefusals(citizen: CaseFacts): string[] {
  const reasons: string[] = [];
  if (citizen.closedAt) reasons.push('Borgerens sag er lukket.');
  if (!citizen.consentToShare) reasons.push('Borgeren har ikke givet samtykke til, at virksomheder må se et resumé af profilen.');
  if (citizen.phase === 'self_supporting') reasons.push(`Borgeren er ${PATH_PHASE_LABELS.self_supporting.toLowerCase()} og matches ikke med job.`);
  return reasons;
}

/** The status after the party's answer, or null when the party may not answer now (already answered, or over). */
export function nextProposalStatus(status: ProposalStatus, party: ProposalParty, accept: boolean): ProposalStatus | null {
  if (!mayRespond(status, party)) return null;
  if (!accept) return party === 'company' ? 'company_declined' : 'citizen_declined';
  const otherHasAccepted = status === (party === 'company' ? 'citizen_accepted' : 'company_accepted');
  if (otherHasAccepted) return 'accepted';
  return party === 'company' ? 'company_accepted' : 'citizen_accepted';
}

/**
 * What the company may see of the candidate: the identity (name and contact) once the citizen has said yes
 * and the proposal still stands; an anonymous summary while it is open or the company has declined; nothing
 * after the citizen said no or the proposal was withdrawn.
 */
export type CompanyView = 'identity' | 'summary' | 'none';

export function companyView(status: ProposalStatus): CompanyView {
  switch (status) {
    case 'citizen_accepted':
    case 'accepted':
      return 'identity';
    case 'proposed':
    case 'company_accepted':
    case 'company_declined':
      return 'summary';
    case 'citizen_declined':
    case 'withdrawn':
      return 'none';
  }
}

// ── Steps ───────────────────────────────────────────────────────────────────────────────────────────────

export type ProposalTimes = {
  createdAt: Date;
  companyAcceptedAt: Date | null;
  companyDeclinedAt: Date | null;
  companyReason: string | null;
  citizenAcceptedAt: Date | null;
  citizenDeclinedAt: Date | null;
  citizenReason: string | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  origin: 'consultant' | 'citizen_interest';
  /** False for a citizen's interest that no consultant has passed on to the company. */
  passedOn: boolean;
  /**
   * Ended because consent was withdrawn (CONSENT_WITHDRAWN_REASON). With the reason left out (the company's
   * view) the step says only "Trukket tilbage": not the jobcentre's doing, and not the company's to know why.
   */
  withdrawnBecauseOfConsent?: boolean;
};

export type ProposalStep = { label: string; at: Date; reason: string | null };

/** Every step that happened, oldest first, with the time and any reason given. */
export function proposalSteps(proposal: ProposalTimes): ProposalStep[] {
  const steps: (ProposalStep | null)[] = [
    {
      label: proposal.origin === 'citizen_interest' ? 'Borgeren viste interesse' : 'Foreslået af jobcentret',
      at: proposal.createdAt,
      reason: null,
    },
    proposal.companyAcceptedAt ? { label: 'Virksomheden sagde ja', at: proposal.companyAcceptedAt, reason: proposal.companyReason } : null,
    proposal.companyDeclinedAt ? { label: 'Virksomheden sagde nej', at: proposal.companyDeclinedAt, reason: proposal.companyReason } : null,
    // Showing interest is the citizen's yes: a second step "sagde ja" at the same minute only confuses.
    proposal.citizenAcceptedAt && proposal.origin !== 'citizen_interest'
      ? { label: 'Borgeren sagde ja', at: proposal.citizenAcceptedAt, reason: proposal.citizenReason }
      : null,
    proposal.citizenDeclinedAt
      ? {
          // A no after a yes is the citizen taking their yes back (before an agreement was signed).
          label: proposal.citizenAcceptedAt ? 'Borgeren trak sit ja tilbage' : 'Borgeren sagde nej',
          at: proposal.citizenDeclinedAt,
          reason: proposal.citizenReason,
        }
      : null,
    proposal.withdrawnAt
      ? {
          label: withdrawalLabel(proposal),
          at: proposal.withdrawnAt,
          reason: proposal.withdrawnReason,
        }
      : null,
  ];
  return steps.filter((step): step is ProposalStep => step !== null).sort((a, b) => a.at.getTime() - b.at.getTime());
}

function withdrawalLabel(proposal: ProposalTimes): string {
  if (proposal.withdrawnBecauseOfConsent) return proposal.withdrawnReason === null ? 'Trukket tilbage' : 'Afsluttet, da samtykket blev trukket tilbage';
  return proposal.passedOn ? 'Trukket tilbage af jobcentret' : 'Jobcentret sendte ikke interessen videre';
}

const copenhagenTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });

/** "3. marts 2027 kl. 14.05": when a step happened, in Danish time. */
export function formatStepTime(at: Date): string {
  return `${formatDate(at)} kl. ${copenhagenTime.format(at).replace(':', '.')}`;
}

/** "Afventer virksomheden og borgeren", "Afventer borgeren", or the status once nobody is awaited. */
export function proposalStatusText(status: ProposalStatus): string {
  const awaiting = awaitingParties(status);
  if (awaiting.length === 0) return PROPOSAL_STATUS_LABELS[status];
  const names = awaiting.map((party) => (party === 'company' ? 'virksomheden' : 'borgeren'));
  const prefix = status === 'proposed' ? '' : `${PROPOSAL_STATUS_LABELS[status]} · `;
  return `${prefix}Afventer ${names.join(' og ')}`;
}

/** What the consultant reads of a citizen's own interest that no one has passed on to the company yet. */
export const INTEREST_TO_PASS_ON = 'Borgeren er interesseret – send videre?';

/**
 * The status as the consultant reads it: a citizen's interest not yet passed on says what it is (the company
 * has not seen it, so it is not "Afventer virksomheden").
 */
export function consultantProposalStatusText(status: ProposalStatus, awaitingPassOn: boolean): string {
  return awaitingPassOn ? INTEREST_TO_PASS_ON : proposalStatusText(status);
}

/**
 * The status as the company reads it: spoken to the company ("jeres svar", "I har sagt ja") and about the
 * candidate, never the consultant's "Afventer virksomheden" said to the company itself.
 */
export function proposalStatusForCompany(status: ProposalStatus): string {
  switch (status) {
    case 'proposed':
      return 'Venter på jeres svar og på kandidatens';
    case 'company_accepted':
      return 'I har sagt ja · venter på kandidatens svar';
    case 'citizen_accepted':
      return 'Kandidaten har sagt ja · venter på jeres svar';
    case 'company_declined':
      return 'I har sagt nej';
    case 'citizen_declined':
      return 'Kandidaten har sagt nej';
    case 'accepted':
      return 'I har begge sagt ja';
    case 'withdrawn':
      return 'Trukket tilbage af jobcentret';
  }
}

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────────────

export const MAX_REASON_LENGTH = 1000;

const reasonText = plainText({ field: 'Begrundelsen', max: MAX_REASON_LENGTH, lines: true });

export const COMPANY_REASON_MISSING = 'Skriv kort, hvorfor I siger nej, så jobcentret kan finde en kandidat, der passer bedre.';

/**
 * An answer from a form: `answer` is "accept" or "decline"; a company must give a reason when it says no, a
 * citizen may. The reason is kept only with a no.
 */
export function proposalAnswerSchema(party: ProposalParty) {
  return z
    .object({
      answer: z.enum(['accept', 'decline'], { error: 'Vælg ja eller nej.' }),
      reason: z.preprocess((value) => (typeof value === 'string' ? value : ''), reasonText),
    })
    .superRefine((value, context) => {
      if (party === 'company' && value.answer === 'decline' && value.reason === '') {
        context.addIssue({ code: 'custom', path: ['reason'], message: COMPANY_REASON_MISSING });
      }
    })
    .transform((value) => ({ accept: value.answer === 'accept', reason: value.answer === 'decline' && value.reason !== '' ? value.reason : null }));
}

export type ProposalAnswer = z.infer<ReturnType<typeof proposalAnswerSchema>>;

// ── Withdrawal ──────────────────────────────────────────────────────────────────────────────────────────

export const WITHDRAWAL_REASON_MISSING = 'Skriv en kort begrundelse. Borgeren kan læse den.';

/** The consultant's withdrawal from a form: a reason is required, since the citizen is told it. */
export const withdrawalSchema = z.object({
  proposalId: z.string({ error: 'Forslaget mangler.' }).min(1, 'Forslaget mangler.'),
  reason: z.preprocess(
    (value) => (typeof value === 'string' ? value : ''),
    plainText({ field: 'Begrundelsen', missing: WITHDRAWAL_REASON_MISSING, min: 3, max: MAX_REASON_LENGTH, lines: true }),
  ),
});

export type Withdrawal = z.infer<typeof withdrawalSchema>;

/** A refused withdrawal, for the form of that one proposal: the reason kept, the message at the field or above it. */
export type WithdrawalProblem = { proposalId: string; reason: string; error: string | null; stateError: string | null };

/**
 * A citizen's "Jeg er interesseret" is the consultant's to pass on: until a consultant has (proposedBy set), the
 * company neither sees it nor answers it. A proposal a consultant made is passed on from the start. The SQL of
 * the same rule is `passedOnToCompany` (app/services/sql-filters.server.ts).
 */
export function isPassedOn(proposal: { origin: 'consultant' | 'citizen_interest'; proposedBy: string | null }): boolean {
  return proposal.origin !== 'citizen_interest' || proposal.proposedBy !== null;
}
