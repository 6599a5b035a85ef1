import { describe, expect, it } from 'vitest';
import { eligibleKinds, kindEligibility, type EligibilityCitizen } from '../../app/domain/eligibility';
import { formatDate, formatHours, formatKm, toIsoDate } from '../../app/domain/format';

const TODAY = '2027-03-01';

function citizen(overrides: Partial<EligibilityCitizen> = {}): EligibilityCitizen {
  return {
    benefitStatus: 'cash_benefit_activity_ready',
    flexjobVisitationUntil: null,
    excludedCompanyIds: [],
    phase: 'towards_job',
    ...overrides,
  };
}

const flexjobCitizen = (until: string) => citizen({ benefitStatus: 'flexjob_unemployment', flexjobVisitationUntil: until });

describe('eligibleKinds', () => {
  it('gives ordinary hours to everyone', () => {
    expect(eligibleKinds(citizen(), TODAY)).toEqual(['ordinary_hours']);
  });

  it('gives fleksjob when the visitation ends today (the last day counts)', () => {
    expect(eligibleKinds(flexjobCitizen('2027-03-01'), TODAY)).toEqual(['ordinary_hours', 'flexjob']);
  });

  it('refuses fleksjob when the visitation ended yesterday', () => {
    expect(eligibleKinds(flexjobCitizen('2027-02-28'), TODAY)).toEqual(['ordinary_hours']);
  });

  it('refuses fleksjob without a visitation, whatever the benefit', () => {
    expect(eligibleKinds(citizen({ benefitStatus: 'flexjob_unemployment' }), TODAY)).toEqual(['ordinary_hours']);
  });

  it('accepts the visitation date as a Date and today as a Date, judged on the Danish calendar day', () => {
    // 23:30 UTC on 28 February is already 1 March in Copenhagen.
    const lateEvening = new Date('2027-02-28T23:30:00Z');
    expect(eligibleKinds(flexjobCitizen('2027-03-01'), lateEvening)).toContain('flexjob');
    expect(eligibleKinds(citizen({ flexjobVisitationUntil: new Date('2027-03-01T00:00:00Z') }), TODAY)).toContain('flexjob');
  });

  it('gives skånejob on førtidspension', () => {
    expect(eligibleKinds(citizen({ benefitStatus: 'disability_pension' }), TODAY)).toEqual(['ordinary_hours', 'sheltered_job']);
  });

  it.each([
    'cash_benefit_activity_ready',
    'cash_benefit_job_ready',
    'education_benefit',
    'integration_benefit',
    'flexjob_unemployment',
    'resource_programme',
    'sickness_benefit',
    'other',
  ] as const)('refuses skånejob on %s', (benefitStatus) => {
    expect(eligibleKinds(citizen({ benefitStatus }), TODAY)).not.toContain('sheltered_job');
  });

  it('gives nothing to a citizen referred to the rehabiliteringsteam, not even ordinary hours', () => {
    const referred = citizen({ phase: 'rehabilitation_team', benefitStatus: 'disability_pension' });
    expect(eligibleKinds(referred, TODAY)).toEqual([]);
  });

  it('refuses a malformed date instead of comparing it as text', () => {
    expect(() => eligibleKinds(flexjobCitizen('1/3/2027'), TODAY)).toThrow(RangeError);
    expect(() => eligibleKinds(flexjobCitizen('2027-02-30'), TODAY)).toThrow(RangeError);
  });
});

describe('kindEligibility', () => {
  const company = 'company-a';
  const opening = (kind: 'ordinary_hours' | 'flexjob' | 'sheltered_job', companyId = company) => ({ kind, companyId });

  it('lets everyone take ordinary hours', () => {
    expect(kindEligibility(citizen(), opening('ordinary_hours'), TODAY)).toEqual({ eligible: true });
  });

  it('lets a citizen whose visitation ends today take a fleksjob', () => {
    expect(kindEligibility(flexjobCitizen('2027-03-01'), opening('flexjob'), TODAY)).toEqual({ eligible: true });
  });

  it('says when the visitation ran out', () => {
    const result = kindEligibility(flexjobCitizen('2027-02-28'), opening('flexjob'), TODAY);
    expect(result).toEqual({ eligible: false, reason: expect.stringContaining('udløb 28. februar 2027') });
  });

  it('says that a fleksjob needs a visitation', () => {
    const result = kindEligibility(citizen(), opening('flexjob'), TODAY);
    expect(result).toEqual({ eligible: false, reason: expect.stringContaining('visitation til fleksjob') });
  });

  it('lets a førtidspensionist take a skånejob', () => {
    expect(kindEligibility(citizen({ benefitStatus: 'disability_pension' }), opening('sheltered_job'), TODAY)).toEqual({
      eligible: true,
    });
  });

  it('refuses a skånejob to a citizen not on førtidspension', () => {
    const result = kindEligibility(citizen({ benefitStatus: 'cash_benefit_job_ready' }), opening('sheltered_job'), TODAY);
    expect(result).toEqual({ eligible: false, reason: expect.stringContaining('førtidspension') });
  });

  it('refuses a skånejob at an excluded company but allows ordinary hours there', () => {
    const pensioner = citizen({ benefitStatus: 'disability_pension', excludedCompanyIds: [company] });
    const refused = kindEligibility(pensioner, opening('sheltered_job'), TODAY);
    expect(refused).toEqual({ eligible: false, reason: expect.stringContaining('seneste arbejdsgiver') });
    expect(kindEligibility(pensioner, opening('ordinary_hours'), TODAY)).toEqual({ eligible: true });
    expect(kindEligibility(pensioner, opening('sheltered_job', 'company-b'), TODAY)).toEqual({ eligible: true });
  });

  it('refuses every kind to a citizen referred to the rehabiliteringsteam, with the reason', () => {
    const referred = citizen({ phase: 'rehabilitation_team' });
    const result = kindEligibility(referred, opening('ordinary_hours'), TODAY);
    expect(result).toEqual({ eligible: false, reason: expect.stringContaining('rehabiliteringsteamet') });
  });
});

describe('Danish formatting', () => {
  it('writes dates the Danish way', () => {
    expect(formatDate('2027-03-01')).toBe('1. marts 2027');
    expect(formatDate('2027-12-24')).toBe('24. december 2027');
    expect(toIsoDate(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });

  it('writes hours and kilometres with a decimal comma', () => {
    expect(formatHours(7.5)).toBe('7,5 t/uge');
    expect(formatHours({ min: 5, max: 10 })).toBe('5–10 t/uge');
    expect(formatHours({ min: 8, max: 8 })).toBe('8 t/uge');
    expect(formatHours({ min: 5, max: 10 }, { unit: false })).toBe('5–10');
    expect(formatKm(3.24)).toBe('3,2 km');
    expect(formatKm(12)).toBe('12 km');
  });
});
