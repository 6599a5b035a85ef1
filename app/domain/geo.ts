/**
 * Distances on the map. Meilisearch filters by the postcodes within a radius (decisions 008 and 010); the
 * PostgreSQL fallbacks pre-filter with a bounding box and keep the exact radius here in code.
 */

export type GeoPoint = { lat: number; lon: number };
export type BoundingBox = { north: number; south: number; east: number; west: number };

/** Mean Earth radius in km (IUGG), the usual choice for haversine. */
const EARTH_RADIUS_KM = 6371.0088;

function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

function toDegrees(radians: number): number {
  return (radians * 180) / Math.PI;
}

/** Great-circle distance in km between two points (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  // min() guards against h creeping above 1 through rounding for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest latitude/longitude box that holds every point within `radiusKm` of `center`. It is a
 * pre-filter: corners of the box lie farther away than the radius, so callers keep the exact distance check.
 * A box across the antimeridian comes back with east < west.
 */
export function boundingBox(center: GeoPoint, radiusKm: number): BoundingBox {
  const radius = Math.max(0, radiusKm);
  const latDelta = toDegrees(radius / EARTH_RADIUS_KM);
  const north = Math.min(90, center.lat + latDelta);
  const south = Math.max(-90, center.lat - latDelta);
  // A circle that reaches a pole holds every longitude.
  if (north >= 90 || south <= -90) return { north, south, east: 180, west: -180 };
  const ratio = Math.sin(radius / EARTH_RADIUS_KM) / Math.cos(toRadians(center.lat));
  if (ratio >= 1) return { north, south, east: 180, west: -180 };
  const lonDelta = toDegrees(Math.asin(ratio));
  return { north, south, east: wrapLongitude(center.lon + lonDelta), west: wrapLongitude(center.lon - lonDelta) };
}

function wrapLongitude(lon: number): number {
  if (lon > 180) return lon - 360;
  if (lon < -180) return lon + 360;
  return lon;
}
