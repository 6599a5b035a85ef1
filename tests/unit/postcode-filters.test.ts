import { describe, expect, it } from 'vitest';
import { MAX_REACH_KM } from '../../app/domain/citizen-rules';
import { distanceKm } from '../../app/domain/geo';
import { postcodeInFilter, postcodesWithin, withinReachFilter } from '../../app/services/postcode-filters.server';
import { findPostcode } from '../../app/services/postcodes.server';

const aarhusC = findPostcode('8000')!;

describe('postcodesWithin', () => {
  it('lists the postcodes within the radius, nearest first, with their distances', () => {
    const within = postcodesWithin(aarhusC, 10);
    expect(within[0]).toEqual({ postcode: '8000', distanceKm: 0 });
    expect(within.map((postcode) => postcode.postcode)).toEqual(expect.arrayContaining(['8200', '8210', '8260']));
    expect(within.map((postcode) => postcode.postcode)).not.toContain('9000');
    for (const [index, postcode] of within.entries()) {
      expect(postcode.distanceKm).toBeLessThanOrEqual(10);
      expect(postcode.distanceKm).toBeCloseTo(distanceKm(aarhusC, findPostcode(postcode.postcode)!), 6);
      if (index > 0) expect(postcode.distanceKm).toBeGreaterThanOrEqual(within[index - 1]!.distanceKm);
    }
  });

  it('never reaches farther than the longest reach a profile may have', () => {
    const skagen = findPostcode('9990')!;
    expect(postcodesWithin(aarhusC, 1000).every((postcode) => postcode.distanceKm <= MAX_REACH_KM)).toBe(true);
    expect(postcodesWithin(aarhusC, 1000).map((postcode) => postcode.postcode)).not.toContain(skagen.postcode);
  });
});

describe('withinReachFilter', () => {
  it('asks for a longer reach the farther the postcode is, in coarse bands', () => {
    const at = (postcode: string, km: number) => ({ postcode, distanceKm: km });
    const filter = withinReachFilter([at('8000', 0), at('8200', 3.2), at('8600', 38), at('8300', 12)]);
    expect(filter).toBe('(postcode IN ["8000", "8200"] OR (postcode IN ["8600"] AND reachKm >= 25) OR (postcode IN ["8300"] AND reachKm >= 10))');
  });

  it('is a plain postcode list when every postcode is close', () => {
    expect(withinReachFilter([{ postcode: '8000', distanceKm: 0 }])).toBe('postcode IN ["8000"]');
    expect(postcodeInFilter([{ postcode: '8000', distanceKm: 0 }, { postcode: '8200', distanceKm: 3 }])).toBe('postcode IN ["8000", "8200"]');
  });
});
