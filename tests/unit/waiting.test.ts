import { describe, expect, it } from 'vitest';
import { unreportedMonths, waitingCount, waitingGroups, withoutCandidateCutoff, type WaitingItem, type WaitingKind } from '../../app/domain/waiting';

const item = (kind: WaitingKind, id: string, since: string): WaitingItem => ({ kind, id, since, href: `/${id}`, title: id });

describe('waitingGroups', () => {
  it('puts the kinds in order of urgency and each kind oldest first', () => {
    const groups = waitingGroups([
      { kind: 'newCompany', items: [item('newCompany', 'c', '2027-05-01')], total: 1 },
      { kind: 'writeAgreement', items: [item('writeAgreement', 'w2', '2027-05-03'), item('writeAgreement', 'w1', '2027-05-02')], total: 2 },
      { kind: 'followUpOverdue', items: [item('followUpOverdue', 'f', '2027-04-01')], total: 1 },
      { kind: 'passOnInterest', items: [], total: 0 },
    ]);
    expect(groups.map((group) => group.kind)).toEqual(['followUpOverdue', 'writeAgreement', 'newCompany']);
    expect(groups[1]!.items.map((entry) => entry.id)).toEqual(['w1', 'w2']);
  });

  it('an agreement to confirm comes before a proposal to answer, and that before hours to report', () => {
    const groups = waitingGroups([
      { kind: 'reportHours', items: [item('reportHours', 'h', '2027-01-01')], total: 1 },
      { kind: 'answerCandidate', items: [item('answerCandidate', 'a', '2027-05-01')], total: 1 },
      { kind: 'confirmAgreement', items: [item('confirmAgreement', 'c', '2027-05-09')], total: 1 },
    ]);
    expect(groups.map((group) => group.kind)).toEqual(['confirmAgreement', 'answerCandidate', 'reportHours']);
  });

  it('cuts a group to the limit and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, index) => item('answerProposal', `p${index}`, `2027-05-0${index + 1}`));
    const [group] = waitingGroups([{ kind: 'answerProposal', items: many.slice(0, 5), total: 12 }], { limit: 5 });
    expect(group!.items).toHaveLength(5);
    expect(group!.more).toBe(7);
    expect(waitingCount([group!])).toBe(12);
  });
});

describe('withoutCandidateCutoff', () => {
  it('counts working days back, skipping weekends and holidays', () => {
    // Wednesday 12 May 2027: ten working days back, Ascension Day (6 May) not counted, is Tuesday 27 April.
    expect(withoutCandidateCutoff('2027-05-12')).toBe('2027-04-27');
    // Across Easter 2027 (Maundy Thursday 25 March to Easter Monday 29 March).
    expect(withoutCandidateCutoff('2027-04-01', 3)).toBe('2027-03-24');
  });
});

describe('unreportedMonths', () => {
  it('lists the months that are over without hours, from the start, never the running month', () => {
    expect(unreportedMonths({ startDate: '2027-02-10', reported: ['2027-03-01'], today: '2027-05-12' })).toEqual(['2027-02-01', '2027-04-01']);
    expect(unreportedMonths({ startDate: '2027-05-03', reported: [], today: '2027-05-12' })).toEqual([]);
  });

  it('looks back a bounded number of months', () => {
    expect(unreportedMonths({ startDate: '2020-01-01', reported: [], today: '2027-05-12' }, { monthsBack: 2 })).toEqual(['2027-03-01', '2027-04-01']);
  });
});
