import { describe, expect, it } from 'vitest';
import {
  accommodationCoverage,
  conflictingDemands,
  explainMatch,
  hardFilterFailures,
  hoursFit,
  hoursOverlap,
  matchedWishWords,
  rankCitizensForOpening,
  orderMatches,
  rankMatches,
  rankOpeningsForCitizen,
  scoreMatch,
  type MatchCitizen,
  type MatchOpening,
} from '../../app/domain/matching';
import { foldDanish, wordOverlap } from '../../app/domain/danish-words';

const TODAY = '2027-03-01';
const AARHUS_C = { lat: 56.1567, lon: 10.2108 };

function citizen(overrides: Partial<MatchCitizen> = {}): MatchCitizen {
  return {
    benefitStatus: 'cash_benefit_activity_ready',
    flexjobVisitationUntil: null,
    excludedCompanyIds: [],
    phase: 'towards_job',
    hoursMin: 5,
    hoursMax: 10,
    restrictions: [],
    neededAccommodations: [],
    ...AARHUS_C,
    reachKm: 10,
    wishes: 'Jeg vil gerne arbejde med rengøring',
    competences: [],
    drivingLicence: false,
    ...overrides,
  };
}

function opening(overrides: Partial<MatchOpening> = {}): MatchOpening {
  return {
    kind: 'ordinary_hours',
    companyId: 'company-a',
    hoursMin: 5,
    hoursMax: 10,
    demands: [],
    accommodations: [],
    ...AARHUS_C,
    status: 'open',
    freeSlots: 1,
    title: 'Rengøring af kontorer',
    tasks: ['Støvsuge', 'Tørre borde af'],
    drivingLicenceRequired: false,
    ...overrides,
  };
}

const context = { today: TODAY, distanceKm: 3.2 };

describe('hoursOverlap', () => {
  it('counts ranges touching at one point as overlapping', () => {
    expect(hoursOverlap({ min: 5, max: 10 }, { min: 10, max: 15 })).toEqual({ min: 10, max: 10 });
    expect(hoursOverlap({ min: 10, max: 15 }, { min: 5, max: 10 })).toEqual({ min: 10, max: 10 });
  });

  it('finds no overlap between disjoint ranges', () => {
    expect(hoursOverlap({ min: 5, max: 9.5 }, { min: 10, max: 15 })).toBeNull();
  });

  it('handles a fleksjob of 1 hour a week', () => {
    expect(hoursOverlap({ min: 1, max: 3 }, { min: 1, max: 1 })).toEqual({ min: 1, max: 1 });
  });

  it('handles a full 37-hour week', () => {
    expect(hoursOverlap({ min: 30, max: 37 }, { min: 37, max: 37 })).toEqual({ min: 37, max: 37 });
    expect(hoursOverlap({ min: 1, max: 37 }, { min: 5, max: 10 })).toEqual({ min: 5, max: 10 });
  });

  it('finds nothing in a range with min above max', () => {
    expect(hoursOverlap({ min: 10, max: 5 }, { min: 6, max: 8 })).toBeNull();
  });
});

describe('hoursFit', () => {
  it('is best when the overlap sits in the middle and zero when the ranges only touch', () => {
    expect(hoursFit({ min: 8, max: 8 }, { min: 6, max: 10 })).toBe(1);
    expect(hoursFit({ min: 5, max: 10 }, { min: 10, max: 15 })).toBe(0);
    expect(hoursFit({ min: 5, max: 10 }, { min: 5, max: 10 })).toBe(1);
    expect(hoursFit({ min: 5, max: 10 }, { min: 8, max: 15 })).toBeGreaterThan(0);
    expect(hoursFit({ min: 5, max: 10 }, { min: 8, max: 15 })).toBeLessThan(1);
    expect(hoursFit({ min: 5, max: 9 }, { min: 10, max: 15 })).toBe(0);
  });
});

describe('conflictingDemands', () => {
  it('names the demands the citizen must avoid, in vocabulary order', () => {
    expect(conflictingDemands(['night_work', 'heavy_lifting', 'cold'], ['heavy_lifting', 'night_work', 'noise'])).toEqual([
      'heavy_lifting',
      'night_work',
    ]);
  });

  it('finds none when nothing is shared', () => {
    expect(conflictingDemands(['cold'], ['heavy_lifting'])).toEqual([]);
    expect(conflictingDemands([], ['heavy_lifting'])).toEqual([]);
  });
});

describe('accommodationCoverage', () => {
  it('is complete when every need is offered', () => {
    expect(accommodationCoverage(['extra_breaks', 'fixed_tasks'], ['fixed_tasks', 'extra_breaks', 'short_shifts'])).toEqual({
      covered: ['extra_breaks', 'fixed_tasks'],
      missing: [],
    });
  });

  it('is partial when some needs are offered', () => {
    expect(accommodationCoverage(['extra_breaks', 'quiet_workspace'], ['extra_breaks'])).toEqual({
      covered: ['extra_breaks'],
      missing: ['quiet_workspace'],
    });
  });

  it('is none when nothing needed is offered', () => {
    expect(accommodationCoverage(['quiet_workspace'], [])).toEqual({ covered: [], missing: ['quiet_workspace'] });
  });

  it('is trivially complete when nothing is needed', () => {
    expect(accommodationCoverage([], ['extra_breaks'])).toEqual({ covered: [], missing: [] });
  });
});

describe('hardFilterFailures', () => {
  it('passes a pair that fits every rule', () => {
    expect(hardFilterFailures(citizen(), opening(), context)).toEqual([]);
  });

  it('refuses an ineligible kind with the Danish reason', () => {
    expect(hardFilterFailures(citizen(), opening({ kind: 'flexjob' }), context)).toEqual([
      expect.stringContaining('visitation til fleksjob'),
    ]);
  });

  it('refuses a skånejob at the excluded company but not ordinary hours there', () => {
    const pensioner = citizen({ benefitStatus: 'disability_pension', excludedCompanyIds: ['company-a'] });
    expect(hardFilterFailures(pensioner, opening({ kind: 'sheltered_job' }), context)).toHaveLength(1);
    expect(hardFilterFailures(pensioner, opening({ kind: 'ordinary_hours' }), context)).toEqual([]);
  });

  it('accepts hours touching at one point and refuses disjoint hours', () => {
    expect(hardFilterFailures(citizen({ hoursMin: 10, hoursMax: 15 }), opening(), context)).toEqual([]);
    expect(hardFilterFailures(citizen({ hoursMin: 11, hoursMax: 15 }), opening(), context)).toEqual([
      'Timerne passer ikke: borgeren kan arbejde 11–15 t/uge, og jobbet er på 5–10 t/uge.',
    ]);
  });

  it('accepts a 1-hour fleksjob for a visitated citizen who can work 1–3 hours', () => {
    const visitated = citizen({ benefitStatus: 'flexjob_unemployment', flexjobVisitationUntil: TODAY, hoursMin: 1, hoursMax: 3 });
    expect(hardFilterFailures(visitated, opening({ kind: 'flexjob', hoursMin: 1, hoursMax: 1 }), context)).toEqual([]);
  });

  it('names a conflicting demand by its Danish label', () => {
    const failures = hardFilterFailures(
      citizen({ restrictions: ['heavy_lifting', 'night_work'] }),
      opening({ demands: ['night_work', 'heavy_lifting'] }),
      context,
    );
    expect(failures).toEqual(['Jobbet indebærer noget, borgeren skal undgå: tunge løft og natarbejde.']);
  });

  it('accepts a distance exactly at the reach and refuses one just beyond', () => {
    expect(hardFilterFailures(citizen({ reachKm: 10 }), opening(), { today: TODAY, distanceKm: 10 })).toEqual([]);
    expect(hardFilterFailures(citizen({ reachKm: 10 }), opening(), { today: TODAY, distanceKm: 10.1 })).toEqual([
      'Jobbet ligger 10,1 km væk, og borgeren kan højst komme 10 km.',
    ]);
  });

  it('judges the distance as it is shown, so "10 km" away is within a 10 km reach', () => {
    expect(hardFilterFailures(citizen({ reachKm: 10 }), opening(), { today: TODAY, distanceKm: 10.04 })).toEqual([]);
  });

  it('works out the distance from the coordinates when none is given', () => {
    // About 34 km from Aarhus C to Randers.
    const randers = { lat: 56.4607, lon: 10.0364 };
    expect(hardFilterFailures(citizen({ reachKm: 30 }), opening(randers), { today: TODAY })).toEqual([
      expect.stringMatching(/^Jobbet ligger 3\d,\d km væk/),
    ]);
    expect(hardFilterFailures(citizen({ reachKm: 40 }), opening(randers), { today: TODAY })).toEqual([]);
  });

  it('refuses an opening that is not open or has no free slots', () => {
    expect(hardFilterFailures(citizen(), opening({ status: 'paused' }), context)).toEqual(['Jobbet er ikke åbent (sat på pause).']);
    expect(hardFilterFailures(citizen(), opening({ freeSlots: 0 }), context)).toEqual(['Der er ingen ledige pladser i jobbet.']);
  });

  it('lists every failure at once', () => {
    const failures = hardFilterFailures(
      citizen({ hoursMin: 20, hoursMax: 30, restrictions: ['cold'] }),
      opening({ kind: 'sheltered_job', demands: ['cold'], status: 'closed' }),
      { today: TODAY, distanceKm: 50 },
    );
    expect(failures).toHaveLength(5);
  });
});

describe('Danish words', () => {
  it('folds æ, ø, å and the old aa the way the search does', () => {
    expect(foldDanish('Rengøring')).toBe(foldDanish('rengoring'));
    expect(foldDanish('Århus')).toBe(foldDanish('Aarhus'));
    expect(foldDanish('Tømrer Ærø')).toBe('tomrer aero');
  });

  it('scores shared words, also in compounds and without Danish letters', () => {
    expect(wordOverlap('rengoring', 'Rengøringsassistent på skole')).toBe(1);
    expect(wordOverlap('lager', 'Lagerarbejde og pakning')).toBe(1);
    expect(wordOverlap('Jeg vil gerne arbejde med dyr', 'Arbejde i kantinen')).toBe(0);
    expect(wordOverlap('', 'Rengøring')).toBe(0);
  });

  const meets = (a: string, b: string) => wordOverlap(a, b) === 1 && wordOverlap(b, a) === 1;

  it.each([
    ['pakke', 'pakker'],
    ['pakke', 'pakket'],
    ['lager', 'lageret'],
    ['køkken', 'køkkenet'],
    ['butik', 'butikker'],
    ['opvask', 'opvasker'],
    ['ønsker', 'ønskede'],
  ])('meets %s and %s: one word, inflected', (a, b) => {
    expect(meets(a, b)).toBe(true);
  });

  it.each([
    ['pakning', 'pakke'],
    ['pakninger', 'pakker'],
    ['pakkeri', 'pakket'],
    ['rengøring', 'rengøre'],
    ['kørsel', 'køre'],
    ['kørslen', 'kører'],
    ['plukning', 'plukke'],
    ['sortering', 'sortere'],
    ['tegning', 'tegne'],
    ['pakkede', 'pakke'],
  ])('meets %s and %s: a word made from a verb and the verb', (a, b) => {
    expect(meets(a, b)).toBe(true);
  });

  it.each([
    ['rengøre', 'rengøringsassistent'],
    ['opvasker', 'opvaskemaskinen'],
    ['lager', 'lagerhal'],
    ['post', 'postbud'],
    ['postevand', 'postevandsautomat'],
    ['butikken', 'butiksassistent'],
    ['planter', 'plantekasser'],
  ])('meets %s and %s: the first part of a compound, also in another form', (a, b) => {
    expect(meets(a, b)).toBe(true);
  });

  it.each([
    ['mad', 'madras'],
    ['mad', 'madlavning'],
    ['lager', 'lagkage'],
    ['konto', 'kontor'],
    ['tekst', 'tekstil'],
    ['stor', 'storm'],
    ['forstå', 'først'],
    ['post', 'postevand'],
    ['plan', 'planter'],
  ])('keeps %s from %s: a short start, or a word that only looks like a compound', (a, b) => {
    expect(wordOverlap(a, b)).toBe(0);
    expect(wordOverlap(b, a)).toBe(0);
  });

  it('reads long words without Danish letters as the same word, but keeps short ones apart', () => {
    expect(meets('rengoring', 'rengøre')).toBe(true);
    expect(meets('Aarhus', 'Århus')).toBe(true);
    expect(wordOverlap('lager', 'låg')).toBe(0);
    expect(wordOverlap('kok', 'køkken')).toBe(0);
    expect(wordOverlap('kor', 'kørsel')).toBe(0);
  });

  it('leaves out small words and job words in every form, also those the stemmer takes for other words', () => {
    expect(wordOverlap('Jeg arbejder hurtigt', 'Arbejdsopgaver og arbejdet')).toBe(0);
    expect(wordOverlap('Opgaverne skal være klare', 'Faste opgaver hver uge')).toBe(0);
    expect(wordOverlap('Jeg var lagermand', 'Modtage varer')).toBe(0);
    expect(wordOverlap('Bare ikke for tidligt', 'Servering i baren')).toBe(0);
    expect(wordOverlap('Måske', 'Tørre maskiner af')).toBe(0);
    expect(wordOverlap('Et stille sted', 'En stilling som pedel')).toBe(0);
    expect(wordOverlap('Vare', 'Varetage kontakten til kunderne')).toBe(0);
  });

  it('shows the wish words as written and in their order, a word in several forms once', () => {
    const job = { title: 'Pakkemedhjælper', tasks: ['Pakke webordrer', 'Rengøre lageret'] };
    expect(matchedWishWords({ wishes: 'Lager og pakning' }, job)).toEqual(['lager', 'pakning']);
    expect(matchedWishWords({ wishes: 'Rengøring, pakke, pakker og pakket' }, job)).toEqual(['rengøring', 'pakke']);
    expect(matchedWishWords({ wishes: 'Madras' }, { title: 'Mad', tasks: ['Lagkage'] })).toEqual([]);
  });
});

describe('scoreMatch', () => {
  it('lies between 0 and 100', () => {
    const best = scoreMatch(citizen(), opening(), { distanceKm: 0, textRelevance: 1 });
    const worst = scoreMatch(citizen({ wishes: 'Noget helt andet', neededAccommodations: ['quiet_workspace'], hoursMin: 10, hoursMax: 15 }), opening(), {
      distanceKm: 10,
      textRelevance: 0,
    });
    expect(best).toBe(100);
    expect(worst).toBe(0);
  });

  it('prefers closer, better-fitting, better-accommodating openings', () => {
    const base = scoreMatch(citizen(), opening(), { distanceKm: 5, textRelevance: 0.5 });
    expect(scoreMatch(citizen(), opening(), { distanceKm: 2, textRelevance: 0.5 })).toBeGreaterThan(base);
    expect(scoreMatch(citizen(), opening(), { distanceKm: 5, textRelevance: 0.9 })).toBeGreaterThan(base);
    expect(scoreMatch(citizen(), opening({ hoursMin: 10, hoursMax: 15 }), { distanceKm: 5, textRelevance: 0.5 })).toBeLessThan(base);
    const needing = citizen({ neededAccommodations: ['extra_breaks'] });
    expect(scoreMatch(needing, opening({ accommodations: ['extra_breaks'] }), { distanceKm: 5, textRelevance: 0.5 })).toBeGreaterThan(
      scoreMatch(needing, opening(), { distanceKm: 5, textRelevance: 0.5 }),
    );
  });

  it('halves the score without a licence the job requires, and only then', () => {
    const licensed = scoreMatch(citizen({ drivingLicence: true }), opening({ drivingLicenceRequired: true }), { distanceKm: 2 });
    expect(scoreMatch(citizen(), opening({ drivingLicenceRequired: true }), { distanceKm: 2 })).toBe(licensed / 2);
    expect(scoreMatch(citizen(), opening(), { distanceKm: 2 })).toBe(licensed);
  });

  it('falls back to the word overlap when no text relevance is given', () => {
    const cleaning = scoreMatch(citizen(), opening(), { distanceKm: 3 });
    const kitchen = scoreMatch(citizen(), opening({ title: 'Opvask i kantinen', tasks: ['Opvask'] }), { distanceKm: 3 });
    expect(cleaning).toBeGreaterThan(kitchen);
  });
});

describe('explainMatch', () => {
  it('says in Danish why it fits, with hours and km in Danish format', () => {
    const explanation = explainMatch(
      citizen({ hoursMin: 8, hoursMax: 8, neededAccommodations: ['extra_breaks', 'quiet_workspace'] }),
      opening({ accommodations: ['extra_breaks'] }),
      { distanceKm: 3.2 },
    );
    expect(explanation.summary).toBe('Ønsker rengøring · 8 t/uge passer (5–10) · 3,2 km · ekstra pauser tilbydes');
    expect(explanation.missing).toEqual(['Virksomheden tilbyder ikke roligt arbejdssted']);
  });

  it('does not call a time of day a wish ("Ønsker morgenen"): only what the work is about', () => {
    const truck = opening({ title: 'Truckfører lørdag morgen', tasks: ['Flytte paller', 'Læsse biler lørdag morgen'] });
    const early = explainMatch(citizen({ wishes: 'Lager eller truck, gerne tidligt om morgenen.' }), truck, { distanceKm: 2 });
    expect(early.summary).toMatch(/^Ønsker truck · /);
    const notEarly = explainMatch(citizen({ wishes: 'Køkken eller kantine, men ikke tidligt om morgenen.' }), truck, { distanceKm: 2 });
    expect(notEarly.summary).not.toMatch(/Ønsker|morgen|lørdag/);
  });

  it('names a wish that the job says in another form', () => {
    const explanation = explainMatch(
      citizen({ wishes: 'Lager og pakning', hoursMin: 10, hoursMax: 15 }),
      opening({ title: 'Pakkemedhjælper', tasks: ['Pakke webordrer i kasser', 'Holde orden på lageret'], hoursMin: 10, hoursMax: 20 }),
      { distanceKm: 2.2 },
    );
    expect(explanation.summary).toBe('Ønsker lager og pakning · 10–15 t/uge passer (10–20) · 2,2 km');
  });

  it('shows decimal hours and the competences that fit', () => {
    const explanation = explainMatch(
      citizen({ wishes: 'Noget med mad', reachKm: 15, hoursMin: 7.5, hoursMax: 12, competences: ['Madlavning derhjemme', 'Kørekort'] }),
      opening({ title: 'Køkkenhjælp', tasks: ['Madlavning til frokost'], hoursMin: 5, hoursMax: 10 }),
      { distanceKm: 12.34 },
    );
    expect(explanation.reasons).toEqual(['Erfaring: madlavning derhjemme', '7,5–10 t/uge passer (5–10)', '12,3 km']);
    expect(explanation.missing).toEqual([]);
  });

  it('leaves out everyday verbs and times of the wish that only happen to appear in the tasks', () => {
    const explanation = explainMatch(
      citizen({ wishes: 'Rengøring eller køkken, helst i weekenden. Jeg vil starte med få timer og så tage flere, når jeg kommer i gang.' }),
      opening({ title: 'Kantinemedhjælper', tasks: ['Tage opvask', 'Starte opvaskemaskinen', 'Anrette buffet i weekenden'] }),
      { distanceKm: 3.2 },
    );
    // "tage", "starte" and "weekenden" are in both texts, but none of them is what the work is about.
    expect(explanation.reasons.filter((reason) => reason.startsWith('Ønsker'))).toEqual([]);
  });

  it('says what is in the way when asked about a pair that does not fit', () => {
    const explanation = explainMatch(
      citizen({ hoursMin: 20, hoursMax: 25, restrictions: ['noise'], reachKm: 5 }),
      opening({ demands: ['noise'] }),
      { distanceKm: 7.5 },
    );
    expect(explanation.missing).toEqual([
      'Timerne passer ikke: borgeren kan 20–25 t/uge, jobbet er på 5–10 t/uge',
      'For langt væk: 7,5 km, borgeren kan højst komme 5 km',
      'Indebærer noget, borgeren skal undgå: støj',
    ]);
  });
});

describe('ranking properties', () => {
  // "Opvask og oprydning i bageriet": the citizen who wishes opvask, has done it and lives next door ranked
  // 7th of 29, below one with neither 13.9 km away (issue 14). These hold whatever the hours and needs.
  const bakery = opening({ title: 'Opvask og oprydning i bageriet', tasks: ['Opvask af bageplader', 'Feje og tørre borde af'], hoursMin: 5, hoursMax: 15 });
  const bestOf = { hoursMin: 10, hoursMax: 10, neededAccommodations: [] } as const;
  const worstOf = { hoursMin: 15, hoursMax: 20, neededAccommodations: ['quiet_workspace', 'buddy_mentor'] } as const;
  const wishAndExperience = { wishes: 'Opvask, gerne i et køkken', competences: ['Opvask på hotel i to år'] };
  const wishOnly = { wishes: 'Opvask, gerne i et køkken', competences: ['Kasseekspedition'] };
  const experienceOnly = { wishes: 'Butik eller lager', competences: ['Opvask på hotel i to år'] };
  const neither = { wishes: 'Butik eller lager', competences: ['Kasseekspedition'] };
  const order = (pairs: { value: string; citizen: MatchCitizen; distanceKm: number; textRelevance?: number }[]) =>
    orderMatches(
      pairs.map((pair) => ({ ...pair, opening: bakery })),
      TODAY,
    ).map((match) => match.pair.value);

  it('an exact wish and experience near by outranks neither far away, also neither near by', () => {
    const reach = { reachKm: 20 };
    expect(
      order([
        { value: 'neither, far, best fit', citizen: citizen({ ...neither, ...bestOf, ...reach }), distanceKm: 13.9 },
        { value: 'neither, near, best fit', citizen: citizen({ ...neither, ...bestOf, ...reach }), distanceKm: 0.5 },
        { value: 'wish and experience, near, worst fit', citizen: citizen({ ...wishAndExperience, ...worstOf, ...reach }), distanceKm: 0 },
      ])[0],
    ).toBe('wish and experience, near, worst fit');
  });

  it('keeps it so when the search engine scored the words low and someone else high', () => {
    const reach = { reachKm: 20 };
    expect(
      order([
        { value: 'neither', citizen: citizen({ ...neither, ...bestOf, ...reach }), distanceKm: 13.9, textRelevance: 0.5 },
        { value: 'wish and experience', citizen: citizen({ ...wishAndExperience, ...worstOf, ...reach }), distanceKm: 0, textRelevance: 0.1 },
      ]),
    ).toEqual(['wish and experience', 'neither']);
  });

  it('a wish alone outranks nothing at the same distance, whatever the hours and needs', () => {
    expect(
      order([
        { value: 'neither', citizen: citizen({ ...neither, ...bestOf }), distanceKm: 4 },
        { value: 'wish', citizen: citizen({ ...wishOnly, ...worstOf }), distanceKm: 4 },
      ]),
    ).toEqual(['wish', 'neither']);
  });

  it('with all else equal: wish and experience, then a wish, then experience, then nothing', () => {
    expect(
      order([
        { value: 'neither', citizen: citizen({ ...neither }), distanceKm: 4 },
        { value: 'experience', citizen: citizen({ ...experienceOnly }), distanceKm: 4 },
        { value: 'wish', citizen: citizen({ ...wishOnly }), distanceKm: 4 },
        { value: 'wish and experience', citizen: citizen({ ...wishAndExperience }), distanceKm: 4 },
      ]),
    ).toEqual(['wish and experience', 'wish', 'experience', 'neither']);
  });

  it('with all else equal, nearer outranks farther, and better hours and needs met outrank worse', () => {
    expect(
      order([
        { value: 'far', citizen: citizen({ ...wishOnly, ...bestOf }), distanceKm: 9 },
        { value: 'near', citizen: citizen({ ...wishOnly, ...bestOf }), distanceKm: 1 },
        { value: 'near, worse fit', citizen: citizen({ ...wishOnly, ...worstOf }), distanceKm: 1 },
      ]),
    ).toEqual(['near', 'far', 'near, worse fit']);
  });

  it('lacking a licence the job requires ranks below the same citizen with one, and the explanation says so', () => {
    const driving = opening({ ...bakery, drivingLicenceRequired: true });
    const ordered = orderMatches(
      [
        { value: 'no licence', citizen: citizen({ ...wishAndExperience }), opening: driving, distanceKm: 2 },
        { value: 'licence', citizen: citizen({ ...wishAndExperience, drivingLicence: true }), opening: driving, distanceKm: 2 },
      ],
      TODAY,
    );
    expect(ordered.map((match) => match.pair.value)).toEqual(['licence', 'no licence']);
    expect(explainMatch(citizen(), driving, { distanceKm: 2 }).missing).toContain('Har ikke kørekort, som jobbet kræver');
    expect(explainMatch(citizen({ drivingLicence: true }), driving, { distanceKm: 2 }).reasons).toContain('Har kørekort');
    expect(explainMatch(citizen(), bakery, { distanceKm: 2 }).missing).not.toContain('Har ikke kørekort, som jobbet kræver');
  });
});

describe('ranking', () => {
  it('orders by score, best first, with the explanation attached', () => {
    const ranked = rankOpeningsForCitizen(
      citizen(),
      [
        { value: opening({ title: 'Opvask', tasks: ['Opvask'] }), textRelevance: 0.2, distanceKm: 2 },
        { value: opening(), textRelevance: 0.9, distanceKm: 2 },
        { value: opening(), textRelevance: 0.9, distanceKm: 8 },
      ],
      { today: TODAY },
    );
    expect(ranked.map((match) => [match.value.title, match.distanceKm])).toEqual([
      ['Rengøring af kontorer', 2],
      ['Rengøring af kontorer', 8],
      ['Opvask', 2],
    ]);
    expect(ranked[0]?.explanation.summary).toContain('2 km');
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('breaks a tie in score by distance', () => {
    // With a 1000 km reach, 2 and 2,1 km away score the same after rounding.
    const traveller = citizen({ reachKm: 1000 });
    const ranked = rankMatches(
      [
        { value: 'farther', citizen: traveller, opening: opening(), textRelevance: 0.5, distanceKm: 2.1 },
        { value: 'nearer', citizen: traveller, opening: opening(), textRelevance: 0.5, distanceKm: 2 },
      ],
      { today: TODAY },
    );
    expect(ranked[0]?.score).toBe(ranked[1]?.score);
    expect(ranked.map((match) => match.value)).toEqual(['nearer', 'farther']);
  });

  it('never lets an ineligible citizen through, even with the best text score', () => {
    const fleksjob = opening({ kind: 'flexjob', title: 'Lagerarbejde', tasks: ['Pakke varer'], demands: ['heavy_lifting'] });
    const visitated = { benefitStatus: 'flexjob_unemployment', flexjobVisitationUntil: '2027-12-31' } as const;
    const candidates = [
      { value: citizen({ wishes: 'Lagerarbejde, pakke varer' }), textRelevance: 1, distanceKm: 0 },
      { value: citizen({ ...visitated, flexjobVisitationUntil: '2027-02-28', wishes: 'Lager' }), textRelevance: 1, distanceKm: 0 },
      { value: citizen({ ...visitated, restrictions: ['heavy_lifting'], wishes: 'Lager' }), textRelevance: 1, distanceKm: 0 },
      { value: citizen({ ...visitated, reachKm: 5, wishes: 'Lager' }), textRelevance: 1, distanceKm: 6 },
      { value: citizen({ ...visitated, phase: 'rehabilitation_team', wishes: 'Lager' }), textRelevance: 1, distanceKm: 0 },
      { value: citizen({ ...visitated, wishes: 'Butik' }), textRelevance: 0, distanceKm: 9 },
    ];
    const ranked = rankCitizensForOpening(fleksjob, candidates, { today: TODAY });
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.value.wishes).toBe('Butik');
  });

  it('orders without explaining: the same order as the ranking, failing pairs left out, so the service can choose whose rows to read', () => {
    const pairs = [
      { value: 'weak words', citizen: citizen(), opening: opening(), textRelevance: 0.1, distanceKm: 1 },
      { value: 'too far', citizen: citizen({ reachKm: 5 }), opening: opening(), textRelevance: 1, distanceKm: 6 },
      { value: 'strong words', citizen: citizen(), opening: opening(), textRelevance: 0.9, distanceKm: 1 },
    ];
    const ordered = orderMatches(pairs, TODAY);
    expect(ordered.map((match) => match.pair.value)).toEqual(['strong words', 'weak words']);
    expect(ordered.map((match) => match.pair.value)).toEqual(rankMatches(pairs, { today: TODAY }).map((match) => match.value));
    expect(ordered[0]).not.toHaveProperty('explanation');
  });

  it('keeps only the best few when asked', () => {
    const candidates = [0.1, 0.9, 0.5].map((textRelevance) => ({ value: opening(), textRelevance, distanceKm: 1 }));
    const ranked = rankOpeningsForCitizen(citizen(), candidates, { today: TODAY, limit: 2 });
    expect(ranked).toHaveLength(2);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('returns nothing when nothing passes', () => {
    expect(rankOpeningsForCitizen(citizen(), [{ value: opening({ status: 'filled' }) }], { today: TODAY })).toEqual([]);
  });
});
