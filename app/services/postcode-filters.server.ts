/**
 * Distance as postcodes, for Meilisearch (decisions 008 and 010). Every opening and every citizen is placed at
 * their postcode's coordinates (openings.server.ts, citizens.server.ts), so "within r km of a place" is
 * exactly "one of the postcodes within r km". Meilisearch answers `postcode IN […]` with a few look-ups,
 * where its geo filters and its `_geoPoint` sort read the whole geo tree on every query, and keeping a geo
 * tree makes it rewrite the tree on every indexed change.
 */
import { MAX_REACH_KM } from '../domain/citizen-rules';
import { distanceKm, type GeoPoint } from '../domain/geo';
import { allPostcodes } from './postcodes.server';

export type PostcodeDistance = { postcode: string; distanceKm: number };

/**
 * Per place, every postcode within MAX_REACH_KM, nearest first. Places are postcodes, so at most ~1,100
 * entries; each holds its codes (the table's own strings) and distances as two arrays rather than an object
 * per postcode, which kept the server's garbage collector busy under load (bench/RESULTS.md).
 */
const nearbyByPlace = new Map<string, { codes: string[]; km: Float64Array }>();

function nearbyOf(place: GeoPoint) {
  const key = `${place.lat},${place.lon}`;
  let nearby = nearbyByPlace.get(key);
  if (nearby === undefined) {
    const sorted = allPostcodes()
      .map((postcode) => ({ code: postcode.postcode, km: distanceKm(place, postcode) }))
      .filter((postcode) => postcode.km <= MAX_REACH_KM)
      .sort((a, b) => a.km - b.km || a.code.localeCompare(b.code));
    nearby = { codes: sorted.map((postcode) => postcode.code), km: Float64Array.from(sorted, (postcode) => postcode.km) };
    nearbyByPlace.set(key, nearby);
  }
  return nearby;
}

/** The postcodes within `radiusKm` (at most MAX_REACH_KM) of the place, nearest first. */
export function postcodesWithin(place: GeoPoint, radiusKm: number): PostcodeDistance[] {
  const { codes, km } = nearbyOf(place);
  const within: PostcodeDistance[] = [];
  for (let index = 0; index < codes.length && km[index]! <= radiusKm; index++) within.push({ postcode: codes[index]!, distanceKm: km[index]! });
  return within;
}

const quoted = (code: string) => JSON.stringify(code);

/** `postcode IN [...]`, or a filter nothing passes when the list is empty. */
export function postcodeInFilter(postcodes: readonly PostcodeDistance[]): string {
  return `postcode IN [${postcodes.map((postcode) => quoted(postcode.postcode)).join(', ')}]`;
}

/**
 * Lower edges (km) of the distance bands of `withinReachFilter`. Few and coarse on purpose: every band is
 * one more postcode list and range look-up for Meilisearch on every query (bench/RESULTS.md: twelve bands
 * cost 12 ms per text query, four 8 ms, none 7 ms), and the exact reach is judged in code anyway.
 */
const REACH_BANDS_KM = [0, 10, 25, 50];

/**
 * The documents at these postcodes whose own `reachKm` roughly covers the distance: each band of postcodes
 * asks for a reach of at least the band's lower edge. The cut is lenient by less than a band (a citizen at
 * 20 km with a reach of 12 passes the 10–25 band); the exact reach is judged on the row in code.
 */
export function withinReachFilter(postcodes: readonly PostcodeDistance[]): string {
  const bands = new Map<number, string[]>();
  for (const { postcode, distanceKm: km } of postcodes) {
    const edge = REACH_BANDS_KM.findLast((lower) => lower <= km) ?? 0;
    bands.set(edge, [...(bands.get(edge) ?? []), postcode]);
  }
  if (bands.size === 0) return postcodeInFilter([]);
  const parts = [...bands].map(([edge, codes]) => {
    const inBand = `postcode IN [${codes.map(quoted).join(', ')}]`;
    return edge === 0 ? inBand : `(${inBand} AND reachKm >= ${edge})`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}
