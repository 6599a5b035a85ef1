import { describe, expect, it } from 'vitest';
import { boundingBox, distanceKm, type GeoPoint } from '../../app/domain/geo';

// Coordinates as in db/data/dk-postcodes.csv.
const AARHUS_C: GeoPoint = { lat: 56.14654123, lon: 10.19489046 };
const RANDERS_C: GeoPoint = { lat: 56.46401254, lon: 10.0331817 };
const BRABRAND: GeoPoint = { lat: 56.15788265, lon: 10.06788413 };

/** The point `km` away from `from` along `bearingDegrees` (great circle), to probe the box's edges. */
function destination(from: GeoPoint, bearingDegrees: number, km: number): GeoPoint {
  const R = 6371.0088;
  const angular = km / R;
  const bearing = (bearingDegrees * Math.PI) / 180;
  const lat1 = (from.lat * Math.PI) / 180;
  const lon1 = (from.lon * Math.PI) / 180;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
  const lon2 =
    lon1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: (lat2 * 180) / Math.PI, lon: (lon2 * 180) / Math.PI };
}

function inBox(box: ReturnType<typeof boundingBox>, point: GeoPoint): boolean {
  return point.lat <= box.north && point.lat >= box.south && point.lon <= box.east && point.lon >= box.west;
}

describe('distanceKm', () => {
  it('puts Aarhus C about 36 km from Randers C', () => {
    expect(distanceKm(AARHUS_C, RANDERS_C)).toBeGreaterThan(33);
    expect(distanceKm(AARHUS_C, RANDERS_C)).toBeLessThan(39);
  });

  it('is zero from a point to itself', () => {
    expect(distanceKm(AARHUS_C, AARHUS_C)).toBe(0);
  });

  it('is the same in both directions', () => {
    expect(distanceKm(AARHUS_C, BRABRAND)).toBeCloseTo(distanceKm(BRABRAND, AARHUS_C), 10);
  });

  it('measures one degree of latitude as about 111 km', () => {
    expect(distanceKm({ lat: 56, lon: 10 }, { lat: 57, lon: 10 })).toBeCloseTo(111.19, 1);
  });

  it('shrinks a degree of longitude with the latitude', () => {
    const atEquator = distanceKm({ lat: 0, lon: 10 }, { lat: 0, lon: 11 });
    const inAarhus = distanceKm({ lat: 56.15, lon: 10 }, { lat: 56.15, lon: 11 });
    expect(inAarhus / atEquator).toBeCloseTo(Math.cos((56.15 * Math.PI) / 180), 2);
  });

  it('stays finite for antipodal points', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('boundingBox', () => {
  it('holds every point at the radius, in every direction', () => {
    for (const radiusKm of [1, 5, 15, 40]) {
      const box = boundingBox(AARHUS_C, radiusKm);
      for (let bearing = 0; bearing < 360; bearing += 5) {
        const point = destination(AARHUS_C, bearing, radiusKm * 0.9999);
        expect(inBox(box, point), `${radiusKm} km at ${bearing}°`).toBe(true);
      }
    }
  });

  it('is tight: a point just beyond the radius due north, east, south or west is outside', () => {
    const box = boundingBox(AARHUS_C, 10);
    for (const bearing of [0, 90, 180, 270]) {
      expect(inBox(box, destination(AARHUS_C, bearing, 10.05)), `bearing ${bearing}°`).toBe(false);
    }
  });

  it('lets its corners lie beyond the radius, so callers keep the exact check', () => {
    const box = boundingBox(AARHUS_C, 10);
    expect(distanceKm(AARHUS_C, { lat: box.north, lon: box.east })).toBeGreaterThan(10);
  });

  it('contains Brabrand within 10 km of Aarhus C but not Randers', () => {
    const box = boundingBox(AARHUS_C, 10);
    expect(inBox(box, BRABRAND)).toBe(true);
    expect(inBox(box, RANDERS_C)).toBe(false);
  });

  it('shrinks to the centre for a zero or negative radius', () => {
    for (const radiusKm of [0, -5]) {
      expect(boundingBox(AARHUS_C, radiusKm)).toEqual({
        north: AARHUS_C.lat,
        south: AARHUS_C.lat,
        east: AARHUS_C.lon,
        west: AARHUS_C.lon,
      });
    }
  });

  it('spans every longitude when the circle reaches a pole', () => {
    const box = boundingBox({ lat: 89.95, lon: 10 }, 20);
    expect(box).toMatchObject({ north: 90, east: 180, west: -180 });
  });
});
