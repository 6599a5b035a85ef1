import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../app/domain/danish-holidays';
import {
  DEFAULT_SOCIAL_MARK_THRESHOLDS,
  NO_SOCIAL_MARK_FACTS,
  earnsSocialMark,
  holdsSocialMark,
  proposalAnswerTiming,
  shareInPercent,
  socialMarkCriteria,
  socialMarkDecisionSchema,
  socialMarkThresholdsSchema,
  socialMarkTitle,
  socialMarkWindowStart,
  type SocialMarkFacts,
} from '../../app/domain/social-mark';
import { fieldErrorsOf } from '../../app/domain/form-values';

const facts = (overrides: Partial<SocialMarkFacts>): SocialMarkFacts => ({ ...NO_SOCIAL_MARK_FACTS, ...overrides });
const unmet = (value: SocialMarkFacts) => socialMarkCriteria(value, DEFAULT_SOCIAL_MARK_THRESHOLDS).filter((criterion) => !criterion.met).map((criterion) => criterion.code);

describe('addWorkingDays', () => {
  it('skips weekends and closed days, forwards and backwards', () => {
    // Friday 18 December 2026: 10 working days on skips 24–26 December and 31 December–1 January.
    expect(addWorkingDays('2026-12-18', 10)).toBe('2027-01-07');
    expect(addWorkingDays('2027-01-07', -10)).toBe('2026-12-18');
    expect(addWorkingDays('2027-03-05', 1)).toBe('2027-03-08');
    expect(addWorkingDays('2027-03-08', 0)).toBe('2027-03-08');
  });
});

describe('proposalAnswerTiming', () => {
  // Proposed Wednesday 17 March 2027; 10 working days later, across Easter (25, 26, 29 March closed), is Monday 5 April.
  const proposedOn = '2027-03-17';
  it('counts an answer on the last working day as in time, the day after as late', () => {
    expect(proposalAnswerTiming({ proposedOn, answeredOn: '2027-04-05' }, '2027-05-01', 10)).toBe('in_time');
    expect(proposalAnswerTiming({ proposedOn, answeredOn: '2027-04-06' }, '2027-05-01', 10)).toBe('late');
    expect(proposalAnswerTiming({ proposedOn, answeredOn: proposedOn }, proposedOn, 10)).toBe('in_time');
  });
  it('leaves an unanswered proposal pending while there is time, and late after', () => {
    expect(proposalAnswerTiming({ proposedOn, answeredOn: null }, '2027-04-05', 10)).toBe('pending');
    expect(proposalAnswerTiming({ proposedOn, answeredOn: null }, '2027-04-06', 10)).toBe('late');
  });
});

describe('shareInPercent', () => {
  it('rounds down, so that 79.9 % never passes as 80 %', () => {
    expect(shareInPercent(799, 1000)).toBe(79);
    expect(shareInPercent(4, 5)).toBe(80);
    expect(shareInPercent(0, 0)).toBeNull();
  });
});

describe('the criteria', () => {
  it('asks for one started agreement with the defaults; nothing to count is nothing missed', () => {
    expect(unmet(NO_SOCIAL_MARK_FACTS)).toEqual(['agreements']);
    expect(earnsSocialMark(facts({ agreementsStarted: 1 }), DEFAULT_SOCIAL_MARK_THRESHOLDS)).toBe(true);
  });

  it('passes follow-ups at exactly 80 % kept and fails just under', () => {
    expect(unmet(facts({ agreementsStarted: 1, followUpsHeld: 4, followUpsMissed: 1 }))).toEqual([]);
    expect(unmet(facts({ agreementsStarted: 1, followUpsHeld: 3, followUpsMissed: 1 }))).toEqual(['followUps']);
  });

  it('says how many more follow-ups should have been held', () => {
    const [, followUps] = socialMarkCriteria(facts({ agreementsStarted: 1, followUpsHeld: 2, followUpsMissed: 3 }), DEFAULT_SOCIAL_MARK_THRESHOLDS);
    expect(followUps).toMatchObject({ measured: '2 af 5 holdt (40 %)', missing: expect.stringMatching(/^2 opfølgninger mere skulle være holdt\./) });
  });

  it('fails proposals answered in time under the threshold, and names the working days', () => {
    const criteria = socialMarkCriteria(facts({ agreementsStarted: 2, proposalsAnsweredInTime: 3, proposalsAnsweredLate: 2 }), { ...DEFAULT_SOCIAL_MARK_THRESHOLDS, answerWorkingDays: 5 });
    expect(criteria.find((criterion) => criterion.code === 'proposals')).toMatchObject({
      met: false,
      asks: 'Mindst 80 % af forslagene om kandidater er besvaret inden for 5 arbejdsdage',
      measured: '3 af 5 besvaret i tide (60 %)',
    });
  });

  it('follows the leader’s thresholds: 0 agreements and 0 % lets anyone through, 100 % asks for every one', () => {
    const lenient = { minAgreementsStarted: 0, followUpsKeptPercent: 0, proposalsAnsweredPercent: 0, answerWorkingDays: 10 };
    expect(earnsSocialMark(facts({ followUpsMissed: 9, proposalsAnsweredLate: 9 }), lenient)).toBe(true);
    const strict = { ...DEFAULT_SOCIAL_MARK_THRESHOLDS, followUpsKeptPercent: 100 };
    expect(earnsSocialMark(facts({ agreementsStarted: 1, followUpsHeld: 99, followUpsMissed: 1 }), strict)).toBe(false);
  });
});

describe('holdsSocialMark', () => {
  it('lets the leader’s decision stand above the criteria', () => {
    expect(holdsSocialMark({ earned: true, handDecision: null })).toBe(true);
    expect(holdsSocialMark({ earned: false, handDecision: null })).toBe(false);
    expect(holdsSocialMark({ earned: false, handDecision: 'granted' })).toBe(true);
    expect(holdsSocialMark({ earned: true, handDecision: 'withdrawn' })).toBe(false);
  });
});

describe('the window and the name', () => {
  it('measures the last 12 months and names the jobcentre', () => {
    expect(socialMarkWindowStart('2027-02-28')).toBe('2026-02-28');
    expect(socialMarkWindowStart('2028-02-29')).toBe('2027-02-28');
    expect(socialMarkTitle('Jobcenter Aarhus')).toBe('Socialt ansvarlig virksomhed – Jobcenter Aarhus');
  });
});

describe('the leader’s forms', () => {
  const valid = { minAgreementsStarted: '1', followUpsKeptPercent: '80 %', proposalsAnsweredPercent: ' 75', answerWorkingDays: '10' };
  it('reads whole numbers, also with a percent sign', () => {
    expect(socialMarkThresholdsSchema.parse(valid)).toEqual({ minAgreementsStarted: 1, followUpsKeptPercent: 80, proposalsAnsweredPercent: 75, answerWorkingDays: 10 });
  });
  it('refuses a share outside 0–100 %, a word, a decimal and an empty field, in Danish at the field', () => {
    const result = socialMarkThresholdsSchema.safeParse({ minAgreementsStarted: '', followUpsKeptPercent: '101', proposalsAnsweredPercent: 'mange', answerWorkingDays: '2,5' });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      minAgreementsStarted: 'Skriv antallet af aftaler.',
      followUpsKeptPercent: 'Andelen af holdte opfølgninger skal være mellem 0 og 100 %.',
      proposalsAnsweredPercent: 'Andelen af besvarede forslag skal være et helt tal, fx 80.',
      answerWorkingDays: 'Antallet af arbejdsdage skal være et helt tal, fx 1.',
    });
    expect(fieldErrorsOf(socialMarkThresholdsSchema.safeParse({ ...valid, proposalsAnsweredPercent: '-1' }).error!)).toEqual({
      proposalsAnsweredPercent: 'Andelen af besvarede forslag skal være mellem 0 og 100 %.',
    });
  });
  it('asks for a decision and a reason that is kept', () => {
    const result = socialMarkDecisionSchema.safeParse({ reason: '' });
    expect(fieldErrorsOf(result.error!)).toEqual({ decision: 'Vælg, hvad du vil gøre med mærket.', reason: 'Skriv en begrundelse. Den gemmes i historikken.' });
    expect(socialMarkDecisionSchema.parse({ decision: 'granted', reason: '  Tager mange borgere ind.  ' })).toEqual({ decision: 'granted', reason: 'Tager mange borgere ind.' });
  });
});
