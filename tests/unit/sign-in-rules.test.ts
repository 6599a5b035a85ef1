import { describe, expect, it } from 'vitest';
import { acrFor, assuranceLevelOf, cvrFromClaim, meetsAssurance, providerBySlug, SIGN_IN_PROVIDERS, staffRoleFromClaim } from '../../app/domain/sign-in-rules';

describe('the assurance level a token reports', () => {
  it.each([
    ['https://data.gov.dk/concept/core/nsis/loa/Substantial', 'substantial'],
    ['https://data.gov.dk/concept/core/nsis/loa/High', 'high'],
    ['https://data.gov.dk/concept/core/nsis/loa/Low', 'low'],
    ['Substantial', 'substantial'],
    ['urn:other:loa:3', null],
    [undefined, null],
    [2, null],
  ])('%s is %s', (acr, level) => {
    expect(assuranceLevelOf(acr)).toBe(level);
  });

  it('writes each level as NemLog-in does and reads it back', () => {
    for (const level of ['low', 'substantial', 'high'] as const) expect(assuranceLevelOf(acrFor(level))).toBe(level);
  });

  it('asks "betydelig" of citizens, consultants and administrators, and "lav" of companies', () => {
    expect(meetsAssurance('low', 'citizen')).toBe(false);
    expect(meetsAssurance('substantial', 'citizen')).toBe(true);
    expect(meetsAssurance('high', 'consultant')).toBe(true);
    expect(meetsAssurance('low', 'consultant')).toBe(false);
    expect(meetsAssurance('low', 'admin')).toBe(false);
    expect(meetsAssurance('low', 'company')).toBe(true);
    expect(meetsAssurance(null, 'company')).toBe(false);
  });
});

describe("a staff member's role claim", () => {
  it.each([
    [['jobbro-konsulent'], 'consultant'],
    [['andet', 'jobbro-administrator', 'jobbro-konsulent'], 'admin'],
    ['jobbro-konsulent other', 'consultant'],
    [['jobbro-leder'], 'leader'],
    [['jobbro-leder', 'jobbro-konsulent'], 'consultant'],
    [['jobbro-chef'], null],
    [[], null],
    [undefined, null],
  ])('%j is %s', (claim, role) => {
    expect(staffRoleFromClaim(claim)).toBe(role);
  });
});

describe('the CVR claim', () => {
  it.each([
    ['12345678', '12345678'],
    [12345678, '12345678'],
    [' 12345678 ', '12345678'],
    ['1234567', null],
    ['DK12345678', null],
    [null, null],
  ])('%j is %s', (claim, cvr) => {
    expect(cvrFromClaim(claim)).toBe(cvr);
  });
});

it('finds each provider by the slug of its URL, and nothing else', () => {
  for (const provider of SIGN_IN_PROVIDERS) expect(providerBySlug(provider.slug)).toBe(provider);
  expect(providerBySlug('nemid')).toBeNull();
  expect(providerBySlug(undefined)).toBeNull();
});
