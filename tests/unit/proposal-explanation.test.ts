import { describe, expect, it } from 'vitest';
import { explainMatch, type MatchCitizen, type MatchOpening } from '../../app/domain/matching';
import { currentProposalExplanation, proposalExplanationText } from '../../app/domain/proposal-explanation';
import type { CaseFacts } from '../../app/domain/proposal-rules';

const TODAY = '2027-03-10';
const AARHUS_C = { lat: 56.14654123, lon: 10.19489046 };
/** 8230 Åbyhøj, 2,2 km from Aarhus C, at its postcode's coordinates. */
const AABYHOEJ = { lat: 56.15196052, lon: 10.1605019 };

function citizen(overrides: Partial<MatchCitizen & CaseFacts> = {}): MatchCitizen & CaseFacts {
  return {
    benefitStatus: 'flexjob_unemployment',
    flexjobVisitationUntil: '2027-12-31',
    excludedCompanyIds: [],
    phase: 'towards_job',
    hoursMin: 10,
    hoursMax: 15,
    restrictions: [],
    neededAccommodations: ['extra_breaks'],
    ...AABYHOEJ,
    reachKm: 15,
    wishes: 'Lager og pakkeri',
    competences: [],
    drivingLicence: false,
    consentToShare: true,
    closedAt: null,
    ...overrides,
  };
}

function opening(overrides: Partial<MatchOpening> = {}): MatchOpening {
  return {
    kind: 'flexjob',
    companyId: 'company-a',
    hoursMin: 10,
    hoursMax: 20,
    demands: ['heavy_lifting'],
    accommodations: ['extra_breaks'],
    ...AARHUS_C,
    status: 'open',
    freeSlots: 1,
    title: 'Lagermedarbejder i fleksjob',
    tasks: ['Plukke ordrer', 'Pakke paller'],
    drivingLicenceRequired: false,
    ...overrides,
  };
}

/** What proposeCitizen stored for the pair as it was. */
const storedFor = (then: MatchCitizen, job: MatchOpening = opening()) => proposalExplanationText(explainMatch(then, job));

describe('proposalExplanationText', () => {
  it('is the summary alone when nothing is missing, and the summary with what is missing otherwise', () => {
    expect(storedFor(citizen())).toBe('Ønsker lager og pakkeri · 10–15 t/uge passer (10–20) · 2,2 km · ekstra pauser tilbydes');
    expect(storedFor(citizen({ neededAccommodations: ['extra_breaks', 'quiet_workspace'] }))).toBe(
      'Ønsker lager og pakkeri · 10–15 t/uge passer (10–20) · 2,2 km · ekstra pauser tilbydes — Virksomheden tilbyder ikke roligt arbejdssted',
    );
  });
});

describe('an open proposal explained as it is now', () => {
  it('says nothing about the time of the proposal while nothing has changed', () => {
    const now = currentProposalExplanation(storedFor(citizen()), citizen(), opening(), { today: TODAY });
    expect(now).toMatchObject({ noLongerFits: [], missing: [], atProposal: null });
    expect(now.summary).toContain('10–15 t/uge passer (10–20)');
  });

  it('says plainly that the hours no longer fit after the citizen changed them, and what was said when proposed', () => {
    const stored = storedFor(citizen());
    const now = currentProposalExplanation(stored, citizen({ hoursMin: 25, hoursMax: 30 }), opening(), { today: TODAY });
    expect(now.noLongerFits).toEqual(['Timerne passer ikke: borgeren kan arbejde 25–30 t/uge, og jobbet er på 10–20 t/uge.']);
    expect(now.summary).not.toContain('t/uge');
    expect(now.summary).toContain('Ønsker lager og pakkeri');
    // The hard filter is said once, as a sentence, not again among what is missing.
    expect(now.missing).toEqual([]);
    expect(now.atProposal).toBe(stored);
  });

  it('shows the new fit, and the old text beside it, when the hours still overlap but differently', () => {
    const stored = storedFor(citizen());
    const now = currentProposalExplanation(stored, citizen({ hoursMin: 18, hoursMax: 25 }), opening(), { today: TODAY });
    expect(now.noLongerFits).toEqual([]);
    expect(now.summary).toContain('18–20 t/uge passer (10–20)');
    expect(now.atProposal).toContain('10–15 t/uge passer (10–20)');
  });

  it('follows the opening too: a demand the citizen must avoid, a job that is paused or full', () => {
    const stored = storedFor(citizen({ restrictions: ['heavy_lifting'] }), opening({ demands: [] }));
    const now = currentProposalExplanation(stored, citizen({ restrictions: ['heavy_lifting'] }), opening({ demands: ['heavy_lifting'] }), { today: TODAY });
    expect(now.noLongerFits).toEqual(['Jobbet indebærer noget, borgeren skal undgå: tunge løft.']);
    expect(currentProposalExplanation(stored, citizen(), opening({ status: 'paused' }), { today: TODAY }).noLongerFits).toEqual(['Jobbet er ikke åbent (sat på pause).']);
    expect(currentProposalExplanation(stored, citizen(), opening({ freeSlots: 0 }), { today: TODAY }).noLongerFits).toEqual(['Der er ingen ledige pladser i jobbet.']);
  });

  it('says so when the reach shrank, the visitation ran out on the day before, or consent was withdrawn', () => {
    const stored = storedFor(citizen());
    expect(currentProposalExplanation(stored, citizen({ reachKm: 1 }), opening(), { today: TODAY }).noLongerFits).toEqual(['Jobbet ligger 2,2 km væk, og borgeren kan højst komme 1 km.']);
    expect(currentProposalExplanation(stored, citizen({ flexjobVisitationUntil: '2027-03-10' }), opening(), { today: TODAY }).noLongerFits).toEqual([]);
    expect(currentProposalExplanation(stored, citizen({ flexjobVisitationUntil: '2027-03-09' }), opening(), { today: TODAY }).noLongerFits).toHaveLength(1);
    expect(currentProposalExplanation(stored, citizen({ consentToShare: false }), opening(), { today: TODAY }).noLongerFits).toEqual([
      'Borgeren har ikke givet samtykke til, at virksomheder må se et resumé af profilen.',
    ]);
  });

  it('keeps what is missing that does not stop the match, and no stored text when there is none', () => {
    const now = currentProposalExplanation('', citizen({ neededAccommodations: ['extra_breaks', 'quiet_workspace'] }), opening(), { today: TODAY });
    expect(now.missing).toEqual(['Virksomheden tilbyder ikke roligt arbejdssted']);
    expect(now.atProposal).toBeNull();
  });
});
