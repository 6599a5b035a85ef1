/**
 * Distance as postcodes, for Meilisearch (decisions 008 and 010): the postcodes within reach of a place. Every opening and every citizen is placed at
 * their postcode's coordinates (openings.server.ts, citizens.server.ts), so "within r km of a place" is
 * exactly "one of the postcodes within r km". Meilisearch answers `postcode IN […]` with a few look-ups,
 * where its geo filters and its `_geoPoint` sort read the whole geo tree on every query, and keeping a geo
 * tree makes it rewrite the tree on every indexed change.
 */
import { MAX_REACH_KM } from '../domain/citizen-rules';
import { distanceKm, type GeoPoint } from '../domain/geo';
import { allPostcodes } from './postcodes.server';

import type { PostcodeDistance } from '../../search/filters';

/** The filters on these postcodes are Meilisearch's, in search/filters.ts; kept here for their old importers. */
export { postcodeInFilter, withinReachFilter, type PostcodeDistance } from '../../search/filters';

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
