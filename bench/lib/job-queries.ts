/**
 * Seeded /jobs searches as people make them: words typed in the box (Danish job words, compounds and
 * typos such as "rengoring"), three filters, and a distance from a postcode.
 */
import { DEFAULT_JOB_FILTERS, HOURS_BANDS, RADIUS_OPTIONS_KM, START_BANDS, type JobFilters, type JobSort } from '../../app/domain/job-filters';
import { ACCOMMODATIONS, DEMANDS, OPENING_KINDS } from '../../app/domain/vocabulary';
import { JOB_FAMILIES } from './catalog';
import type { PlacePicker } from './dataset';
import { stream, subset, weighted, type Random } from './random';

type FilterGroup = 'kinds' | 'hours' | 'avoid' | 'offers' | 'start';

const GROUP_WEIGHTS: [FilterGroup, number][] = [
  ['kinds', 3],
  ['hours', 3],
  ['avoid', 2],
  ['offers', 1.5],
  ['start', 1.5],
];

/** Demands people most often avoid when they search. */
const AVOIDED = ['heavy_lifting', 'prolonged_standing', 'early_mornings', 'night_work', 'high_pace', 'heights', 'chemicals'] as const;

function threeGroups(random: Random): FilterGroup[] {
  const chosen = new Set<FilterGroup>();
  while (chosen.size < 3) chosen.add(weighted(random, GROUP_WEIGHTS, ([, weight]) => weight)[0]);
  return [...chosen];
}

function oneSearch(random: Random, pickPlace: PlacePicker): JobFilters {
  const family = weighted(random, JOB_FAMILIES, (entry) => entry.weight);
  const filters: JobFilters = { ...DEFAULT_JOB_FILTERS, kinds: [], avoid: [], offers: [] };
  filters.q = random.pick(family.queries);
  for (const group of threeGroups(random)) {
    if (group === 'kinds') filters.kinds = subset(random, OPENING_KINDS, random.chance(0.7) ? 1 : 2);
    if (group === 'hours') filters.hours = random.pick(HOURS_BANDS);
    if (group === 'avoid') filters.avoid = DEMANDS.filter((code) => subset(random, AVOIDED, random.int(1, 2)).some((avoided) => avoided === code));
    if (group === 'offers') filters.offers = subset(random, ACCOMMODATIONS, 1);
    if (group === 'start') filters.start = random.pick(START_BANDS);
  }
  filters.postcode = pickPlace(random).postcode;
  filters.radiusKm = weighted(random, RADIUS_OPTIONS_KM, (radius) => ({ 5: 2, 10: 4, 25: 3, 50: 1 })[radius]);
  filters.sort = weighted(random, [['relevance', 70], ['nearest', 20], ['newest', 10]] as [JobSort, number][], ([, weight]) => weight)[0];
  filters.page = weighted(random, [[1, 85], [2, 10], [3, 5]] as const, ([, weight]) => weight)[0];
  return filters;
}

/** `count` searches from the seed; a different `purpose` gives a different set (e.g. for warming up). */
export function jobSearches(seed: number, count: number, pickPlace: PlacePicker, purpose = 'job-searches'): JobFilters[] {
  const random = stream(seed, purpose);
  return Array.from({ length: count }, () => oneSearch(random, pickPlace));
}
