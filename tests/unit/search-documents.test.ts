import { describe, expect, it } from 'vitest';
import type { citizens, companies, openings } from '../../db/schema';
import {
  citizenDocument,
  dayNumber,
  openingDocument,
  shouldIndexCitizen,
  shouldIndexOpening,
} from '../../search/documents';
import { freeSlotsOf } from '../../app/domain/slots';

const TODAY = '2027-03-01';

function openingRow(overrides: Partial<typeof openings.$inferSelect> = {}): typeof openings.$inferSelect {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    companyId: '00000000-0000-4000-8000-0000000000c1',
    kind: 'ordinary_hours',
    title: 'Rengøring af kontorer',
    description: 'Morgenrengøring',
    tasks: ['Støvsugning'],
    hoursMin: 5,
    hoursMax: 10,
    flexjobExpectedHours: null,
    schedule: { days: ['mon', 'wed'], parts: ['morning'] },
    startDate: '2027-03-15',
    slots: 3,
    postcode: '8000',
    city: 'Aarhus C',
    lat: 56.1567,
    lon: 10.2108,
    demands: ['early_mornings'],
    accommodations: ['extra_breaks'],
    languageNeeds: '',
    hourlyWage: null,
    wageAgreement: null,
    drivingLicenceRequired: false,
    contactName: 'Hanne Hansen',
    contactRole: 'Driftsleder',
    contactPhone: '+45 12 34 56 78',
    contactEmail: 'hanne@firma.test',
    status: 'open',
    isJobOrder: false,
    createdVia: 'form',
    createdBy: null,
    publishedAt: new Date('2027-02-01T08:00:00Z'),
    createdAt: new Date('2027-01-30T08:00:00Z'),
    updatedAt: new Date('2027-02-01T08:00:00Z'),
    ...overrides,
  };
}

const company: typeof companies.$inferSelect = {
  id: '00000000-0000-4000-8000-0000000000c1',
  cvr: '12345678',
  name: 'Rent & Pænt ApS',
  address: 'Testvej 1',
  postcode: '8000',
  city: 'Aarhus C',
  industry: 'Rengøring',
  ordinaryEmployees: 12,
  phone: '+45 87 65 43 21',
  email: 'kontakt@firma.test',
  createdByJobcentreId: null,
  createdAt: new Date('2027-01-01T00:00:00Z'),
  updatedAt: new Date('2027-01-01T00:00:00Z'),
};

function citizenRow(overrides: Partial<typeof citizens.$inferSelect> = {}): typeof citizens.$inferSelect {
  return {
    id: '00000000-0000-4000-8000-0000000000b1',
    jobcentreId: '00000000-0000-4000-8000-0000000000a1',
    consultantId: '00000000-0000-4000-8000-0000000000d1',
    name: 'Birgit Borgersen',
    email: 'birgit@example.test',
    phone: '+45 11 22 33 44',
    postcode: '8210',
    city: 'Aarhus V',
    lat: 56.17,
    lon: 10.16,
    transportMode: 'bike',
    reachKm: 12,
    benefitStatus: 'cash_benefit_activity_ready',
    flexjobVisitationUntil: null,
    hoursMin: 4,
    hoursMax: 8,
    wishes: 'Rengøring, gerne om formiddagen',
    competences: ['Rengøring', 'Opvask'],
    languages: [
      { language: 'dansk', level: 'good' },
      { language: 'arabisk', level: 'native' },
    ],
    danishLevel: 'good',
    drivingLicence: false,
    restrictions: ['heavy_lifting'],
    neededAccommodations: ['extra_breaks', 'gradual_start'],
    healthNotes: 'Diskusprolaps 2024, angst',
    consentToShare: true,
    consentUpdatedAt: new Date('2027-01-10T10:00:00Z'),
    phase: 'towards_job',
    nextAction: 'Ring til borgeren om praktik',
    nextActionDate: '2027-03-05',
    closedAt: null,
    anonymisedAt: null,
    createdAt: new Date('2027-01-01T00:00:00Z'),
    updatedAt: new Date('2027-01-10T10:00:00Z'),
    ...overrides,
  };
}

describe('openingDocument', () => {
  it('holds exactly the public fields of the opening, with its company name', () => {
    const document = openingDocument(openingRow(), company, 1);
    expect(Object.keys(document).sort()).toEqual(
      [
        'id',
        'kind',
        'title',
        'description',
        'tasks',
        'hoursMin',
        'hoursMax',
        'flexjobExpectedHours',
        'schedule',
        'startDate',
        'slots',
        'freeSlots',
        'postcode',
        'city',
        'demands',
        'accommodations',
        'companyId',
        'companyName',
        'status',
        'publishedAt',
        'isJobOrder',
        'drivingLicenceRequired',
        'socialMarks',
        'sociallyResponsible',
      ].sort(),
    );
    expect(document.companyName).toBe('Rent & Pænt ApS');
    expect(document).toMatchObject({ socialMarks: [], sociallyResponsible: false });
  });

  it('carries the names of the jobcentres whose mark the company holds, and whether it holds any', () => {
    expect(openingDocument(openingRow(), { ...company, socialMarks: ['Jobcenter Aarhus'] }, 0)).toMatchObject({
      socialMarks: ['Jobcenter Aarhus'],
      sociallyResponsible: true,
    });
  });

  it('never carries the contact person or the company phone and email', () => {
    const text = JSON.stringify(openingDocument(openingRow(), company, 0));
    for (const secret of ['Hanne Hansen', '+45 12 34 56 78', 'hanne@firma.test', '+45 87 65 43 21', 'kontakt@firma.test']) {
      expect(text).not.toContain(secret);
    }
  });

  it('stores the place as its postcode, the start as yyyymmdd and the publication as milliseconds', () => {
    const document = openingDocument(openingRow(), company, 0);
    expect(document.postcode).toBe('8000');
    expect(document).not.toHaveProperty('_geo');
    expect(document.startDate).toBe(20270315);
    expect(document.publishedAt).toBe(Date.parse('2027-02-01T08:00:00Z'));
  });

  it('counts the free slots from the taken ones, never below zero', () => {
    expect(openingDocument(openingRow({ slots: 3 }), company, 1).freeSlots).toBe(2);
    expect(openingDocument(openingRow({ slots: 1 }), company, 2).freeSlots).toBe(0);
    expect(freeSlotsOf(2, 2)).toBe(0);
  });

  it('leaves publishedAt null for an opening never published', () => {
    expect(openingDocument(openingRow({ publishedAt: null, status: 'draft' }), company, 0).publishedAt).toBeNull();
  });
});

describe('citizenDocument', () => {
  it('holds only what matching needs', () => {
    const document = citizenDocument(citizenRow(), [], TODAY);
    expect(Object.keys(document).sort()).toEqual(
      [
        'id',
        'jobcentreId',
        'consultantId',
        'benefitStatus',
        'flexjobVisitationUntil',
        'eligibleKinds',
        'hoursMin',
        'hoursMax',
        'wishes',
        'competences',
        'languages',
        'restrictions',
        'neededAccommodations',
        'postcode',
        'reachKm',
        'drivingLicence',
        'phase',
        'excludedCompanyIds',
      ].sort(),
    );
  });

  it('never carries name, contact, city, health notes or case notes', () => {
    const text = JSON.stringify(citizenDocument(citizenRow(), [], TODAY));
    // The postcode is there, as the place that matching filters distance and reach on (decision 010).
    for (const secret of ['Birgit', 'birgit@example.test', '+45 11 22 33 44', 'Aarhus V', 'Diskusprolaps', 'angst', 'Ring til borgeren']) {
      expect(text).not.toContain(secret);
    }
  });

  it('keeps the language names without levels, the place as its postcode and the excluded companies', () => {
    const document = citizenDocument(citizenRow(), ['00000000-0000-4000-8000-0000000000c9'], TODAY);
    expect(document.languages).toEqual(['dansk', 'arabisk']);
    expect(document.postcode).toBe('8210');
    expect(document).not.toHaveProperty('_geo');
    expect(document.excludedCompanyIds).toEqual(['00000000-0000-4000-8000-0000000000c9']);
  });

  it('makes everyone eligible for ordinary hours', () => {
    expect(citizenDocument(citizenRow(), [], TODAY).eligibleKinds).toEqual(['ordinary_hours']);
  });

  it('adds fleksjob while the visitation lasts, including its last day', () => {
    const lastDay = citizenRow({ benefitStatus: 'flexjob_unemployment', flexjobVisitationUntil: TODAY });
    const ended = citizenRow({ benefitStatus: 'flexjob_unemployment', flexjobVisitationUntil: '2027-02-28' });
    expect(citizenDocument(lastDay, [], TODAY).eligibleKinds).toEqual(['ordinary_hours', 'flexjob']);
    expect(citizenDocument(ended, [], TODAY).eligibleKinds).toEqual(['ordinary_hours']);
    // The day itself travels too: matching re-checks a hit's visitation against the day of the match.
    expect(citizenDocument(ended, [], TODAY).flexjobVisitationUntil).toBe('2027-02-28');
    expect(citizenDocument(citizenRow(), [], TODAY).flexjobVisitationUntil).toBeNull();
  });

  it('adds skånejob only for førtidspension', () => {
    expect(citizenDocument(citizenRow({ benefitStatus: 'disability_pension' }), [], TODAY).eligibleKinds).toEqual([
      'ordinary_hours',
      'sheltered_job',
    ]);
    expect(citizenDocument(citizenRow({ benefitStatus: 'resource_programme' }), [], TODAY).eligibleKinds).not.toContain(
      'sheltered_job',
    );
  });
});

describe('shouldIndexOpening', () => {
  it('indexes an open opening with a free slot', () => {
    expect(shouldIndexOpening(openingRow({ status: 'open' }), 1)).toBe(true);
  });

  it('leaves out a full opening', () => {
    expect(shouldIndexOpening(openingRow({ status: 'open' }), 0)).toBe(false);
  });

  it.each(['draft', 'paused', 'filled', 'closed'] as const)('leaves out a %s opening', (status) => {
    expect(shouldIndexOpening(openingRow({ status }), 1)).toBe(false);
  });
});

describe('shouldIndexCitizen', () => {
  it('indexes an open case with consent', () => {
    expect(shouldIndexCitizen(citizenRow())).toBe(true);
  });

  it('leaves out a citizen without consent to share', () => {
    expect(shouldIndexCitizen(citizenRow({ consentToShare: false }))).toBe(false);
  });

  it('leaves out a closed case', () => {
    expect(shouldIndexCitizen(citizenRow({ closedAt: new Date('2027-02-01T00:00:00Z') }))).toBe(false);
  });

  it.each(['rehabilitation_team', 'self_supporting'] as const)('leaves out a citizen in phase %s', (phase) => {
    expect(shouldIndexCitizen(citizenRow({ phase }))).toBe(false);
  });

  it.each(['clarification', 'towards_job', 'at_company'] as const)('indexes a citizen in phase %s', (phase) => {
    expect(shouldIndexCitizen(citizenRow({ phase }))).toBe(true);
  });
});

describe('dayNumber', () => {
  it('turns an ISO day into a number that sorts and compares like the date', () => {
    expect(dayNumber('2027-03-01')).toBe(20270301);
    expect(dayNumber('2026-12-31')).toBeLessThan(dayNumber('2027-01-01'));
  });

  it('refuses what is not an ISO day', () => {
    expect(() => dayNumber('1. marts 2027')).toThrow();
  });
});
