/**
 * Seeded randomness for the benchmarks: the demo seed's mulberry32 (db/seed-random.ts) plus what a data
 * generator needs on top (weights, subsets, ids). The same seed gives the same data and the same queries.
 */
import { createRandom, type Random } from '../../db/seed-random';

export type { Random };

/** An independent stream per purpose, so that more openings do not change the citizens or the queries. */
export function stream(seed: number, purpose: string): Random {
  let hash = seed >>> 0;
  for (const character of purpose) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
  return createRandom(hash);
}

export function weighted<T>(random: Random, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let point = random.next() * total;
  for (const item of items) {
    point -= weightOf(item);
    if (point < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** `count` distinct items in their original order. */
export function subset<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  const wanted = Math.min(count, items.length);
  while (chosen.size < wanted) chosen.add(random.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((index) => items[index] as T);
}

/** A version-4 shaped UUID from the stream: the same seed gives the same ids. */
export function uuid(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => random.int(0, 255));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
