import { describe, expect, it } from 'vitest';
import {
  isPassedOn,
  proposalStatusForCompany,
  awaitingParties,
  blocksNewProposal,
  COMPANY_REASON_MISSING,
  companyView,
  CONSENT_WITHDRAWN_REASON,
  formatStepTime,
  isProposalOpen,
  mayRespond,
  mayTakeBackYes,
  mayWithdraw,
  nextProposalStatus,
  proposalAnswerSchema,
  proposalStatusText,
  proposalSteps,
  type ProposalTimes,
  WITHDRAWAL_REASON_MISSING,
  withdrawalSchema,
} from '../../app/domain/proposal-rules';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../app/domain/vocabulary';

describe('nextProposalStatus', () => {
  it('moves a fresh proposal to the answer of whoever answers first', () => {
    expect(nextProposalStatus('proposed', 'company', true)).toBe('company_accepted');
    expect(nextProposalStatus('proposed', 'citizen', true)).toBe('citizen_accepted');
    expect(nextProposalStatus('proposed', 'company', false)).toBe('company_declined');
    expect(nextProposalStatus('proposed', 'citizen', false)).toBe('citizen_declined');
  });

  it('is accepted when the second party says yes too, in either order', () => {
    expect(nextProposalStatus('company_accepted', 'citizen', true)).toBe('accepted');
    expect(nextProposalStatus('citizen_accepted', 'company', true)).toBe('accepted');
  });

  it('ends with the no of the second party after the first said yes', () => {
    expect(nextProposalStatus('company_accepted', 'citizen', false)).toBe('citizen_declined');
    expect(nextProposalStatus('citizen_accepted', 'company', false)).toBe('company_declined');
  });

  it('does not let a party answer twice', () => {
    expect(nextProposalStatus('company_accepted', 'company', true)).toBeNull();
    expect(nextProposalStatus('company_accepted', 'company', false)).toBeNull();
    expect(nextProposalStatus('citizen_accepted', 'citizen', false)).toBeNull();
  });

  it.each(['accepted', 'company_declined', 'citizen_declined', 'withdrawn'] as const)('takes no answer once the proposal is %s', (status) => {
    for (const party of ['company', 'citizen'] as const) {
      expect(nextProposalStatus(status, party, true)).toBeNull();
      expect(nextProposalStatus(status, party, false)).toBeNull();
      expect(mayRespond(status, party)).toBe(false);
    }
  });
});

describe('open and blocking proposals', () => {
  it('waits for both, then for the one who has not answered, then for nobody', () => {
    expect(awaitingParties('proposed')).toEqual(['company', 'citizen']);
    expect(awaitingParties('company_accepted')).toEqual(['citizen']);
    expect(awaitingParties('citizen_accepted')).toEqual(['company']);
    expect(awaitingParties('accepted')).toEqual([]);
  });

  it('blocks a second proposal while one is open or accepted, not after a no or a withdrawal', () => {
    const blocking = PROPOSAL_STATUSES.filter(blocksNewProposal);
    expect(blocking).toEqual(['proposed', 'company_accepted', 'citizen_accepted', 'accepted']);
    expect(PROPOSAL_STATUSES.filter(isProposalOpen)).toEqual(['proposed', 'company_accepted', 'citizen_accepted']);
  });

  it('says who is awaited in plain Danish', () => {
    expect(proposalStatusText('proposed')).toBe('Afventer virksomheden og borgeren');
    expect(proposalStatusText('company_accepted')).toBe('Virksomheden har sagt ja · Afventer borgeren');
    expect(proposalStatusText('accepted')).toBe('Begge har sagt ja');
  });

  it('speaks to the company as "I" and never tells it that it awaits itself ("Afventer virksomheden … venter på jeres svar")', () => {
    expect(proposalStatusForCompany('proposed')).toBe('Venter på jeres svar og på kandidatens');
    expect(proposalStatusForCompany('citizen_accepted')).toBe('Kandidaten har sagt ja · venter på jeres svar');
    expect(proposalStatusForCompany('company_accepted')).toBe('I har sagt ja · venter på kandidatens svar');
    for (const status of PROPOSAL_STATUSES) expect(proposalStatusForCompany(status)).not.toMatch(/virksomheden|borgeren|Afventer/i);
  });
});

describe('companyView: the company sees no name until the citizen says yes', () => {
  const expected: Record<ProposalStatus, string> = {
    proposed: 'summary',
    company_accepted: 'summary',
    company_declined: 'summary',
    citizen_accepted: 'identity',
    accepted: 'identity',
    citizen_declined: 'none',
    withdrawn: 'none',
  };
  it.each(PROPOSAL_STATUSES)('%s', (status) => {
    expect(companyView(status)).toBe(expected[status]);
  });
});

describe('proposalSteps', () => {
  const base: ProposalTimes = {
    origin: 'consultant',
    createdAt: new Date('2027-03-01T09:00:00Z'),
    companyAcceptedAt: null,
    companyDeclinedAt: null,
    companyReason: null,
    citizenAcceptedAt: null,
    citizenDeclinedAt: null,
    citizenReason: null,
    withdrawnAt: null,
    withdrawnReason: null,
    passedOn: true,
  };

  it('lists only what happened, oldest first, with the reason of a no', () => {
    const steps = proposalSteps({
      ...base,
      citizenAcceptedAt: new Date('2027-03-02T10:00:00Z'),
      companyDeclinedAt: new Date('2027-03-03T08:30:00Z'),
      companyReason: 'Vi har fundet en anden.',
    });
    expect(steps.map((step) => [step.label, step.at.toISOString(), step.reason])).toEqual([
      ['Foreslået af jobcentret', '2027-03-01T09:00:00.000Z', null],
      ['Borgeren sagde ja', '2027-03-02T10:00:00.000Z', null],
      ['Virksomheden sagde nej', '2027-03-03T08:30:00.000Z', 'Vi har fundet en anden.'],
    ]);
  });

  it('starts from the citizen’s interest when the proposal came from it, which is the citizen’s yes', () => {
    const interest = proposalSteps({ ...base, origin: 'citizen_interest', citizenAcceptedAt: base.createdAt });
    expect(interest.map((step) => step.label)).toEqual(['Borgeren viste interesse']);
  });

  it('says who withdrew, with the reason: a proposal withdrawn, or an interest never passed on', () => {
    const withdrawnAt = new Date('2027-03-04T12:00:00Z');
    expect(proposalSteps({ ...base, withdrawnAt, withdrawnReason: 'Borgeren er syg.' }).at(-1)).toEqual({
      label: 'Trukket tilbage af jobcentret',
      at: withdrawnAt,
      reason: 'Borgeren er syg.',
    });
    const interest = { ...base, origin: 'citizen_interest' as const, passedOn: false, citizenAcceptedAt: base.createdAt };
    expect(proposalSteps({ ...interest, withdrawnAt, withdrawnReason: 'Jobbet kræver kørekort.' }).map((step) => step.label)).toEqual([
      'Borgeren viste interesse',
      'Jobcentret sendte ikke interessen videre',
    ]);
  });

  it('names a withdrawal for withdrawn consent as such, and to the company only as "Trukket tilbage"', () => {
    const withdrawnAt = new Date('2027-03-04T12:00:00Z');
    const ended = { ...base, withdrawnAt, withdrawnBecauseOfConsent: true };
    expect(proposalSteps({ ...ended, withdrawnReason: CONSENT_WITHDRAWN_REASON }).at(-1)?.label).toBe('Afsluttet, da samtykket blev trukket tilbage');
    expect(proposalSteps({ ...ended, withdrawnReason: null }).at(-1)).toEqual({ label: 'Trukket tilbage', at: withdrawnAt, reason: null });
  });

  it('calls a no after the citizen’s yes taking the yes back', () => {
    const steps = proposalSteps({ ...base, citizenAcceptedAt: new Date('2027-03-02T10:00:00Z'), citizenDeclinedAt: new Date('2027-03-03T10:00:00Z') });
    expect(steps.map((step) => step.label)).toEqual(['Foreslået af jobcentret', 'Borgeren sagde ja', 'Borgeren trak sit ja tilbage']);
  });

  it('lets the citizen take back a yes only after giving it, while the company has yet to answer or both said yes', () => {
    expect(PROPOSAL_STATUSES.filter(mayTakeBackYes)).toEqual(['citizen_accepted', 'accepted']);
  });

  it('writes the time in Danish time', () => {
    expect(formatStepTime(new Date('2027-03-01T09:05:00Z'))).toBe('1. marts 2027 kl. 10.05');
    // Summer time, and a UTC evening that is already the next day in Copenhagen.
    expect(formatStepTime(new Date('2027-06-30T22:30:00Z'))).toBe('1. juli 2027 kl. 00.30');
  });
});

describe('proposalAnswerSchema', () => {
  it('needs a reason when a company says no', () => {
    const result = proposalAnswerSchema('company').safeParse({ answer: 'decline', reason: '  ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['reason', COMPANY_REASON_MISSING]]);
  });

  it('lets a citizen say no without a reason, and keeps a reason only with a no', () => {
    expect(proposalAnswerSchema('citizen').parse({ answer: 'decline', reason: '' })).toEqual({ accept: false, reason: null });
    expect(proposalAnswerSchema('company').parse({ answer: 'decline', reason: 'For langt væk' })).toEqual({ accept: false, reason: 'For langt væk' });
    expect(proposalAnswerSchema('company').parse({ answer: 'accept', reason: 'glemt tekst' })).toEqual({ accept: true, reason: null });
  });

  it('refuses an unknown answer and HTML in the reason', () => {
    expect(proposalAnswerSchema('citizen').safeParse({ answer: 'maybe' }).error?.issues[0]?.message).toBe('Vælg ja eller nej.');
    expect(proposalAnswerSchema('company').safeParse({ answer: 'decline', reason: '<b>nej</b>' }).success).toBe(false);
  });
});

describe('withdrawal', () => {
  it('may withdraw only while someone still has to answer', () => {
    expect(PROPOSAL_STATUSES.filter(mayWithdraw)).toEqual(['proposed', 'company_accepted', 'citizen_accepted']);
  });

  it('needs a reason of at least 3 characters, without HTML, and trims it', () => {
    const missing = withdrawalSchema.safeParse({ proposalId: 'p', reason: '   ' });
    // The form shows a field's first message.
    expect(missing.error?.issues.map((issue) => [issue.path.join('.'), issue.message])[0]).toEqual(['reason', WITHDRAWAL_REASON_MISSING]);
    expect(withdrawalSchema.safeParse({ proposalId: 'p' }).error?.issues[0]?.message).toBe(WITHDRAWAL_REASON_MISSING);
    expect(withdrawalSchema.safeParse({ proposalId: 'p', reason: 'ok' }).error?.issues[0]?.message).toBe('Begrundelsen skal være mindst 3 tegn.');
    expect(withdrawalSchema.safeParse({ proposalId: 'p', reason: 'Ikke <script>' }).success).toBe(false);
    expect(withdrawalSchema.safeParse({ proposalId: 'p', reason: 'x'.repeat(1001) }).error?.issues[0]?.message).toBe('Begrundelsen må højst være 1.000 tegn.');
    expect(withdrawalSchema.parse({ proposalId: 'p', reason: '  Borgeren er syg.  ' })).toEqual({ proposalId: 'p', reason: 'Borgeren er syg.' });
  });
});

describe('a proposal passed on to the company', () => {
  it('is every proposal a consultant made, and a citizen\'s interest only once a consultant passed it on', () => {
    expect(isPassedOn({ origin: 'consultant', proposedBy: 'consultant-id' })).toBe(true);
    expect(isPassedOn({ origin: 'citizen_interest', proposedBy: null })).toBe(false);
    expect(isPassedOn({ origin: 'citizen_interest', proposedBy: 'consultant-id' })).toBe(true);
  });
});
