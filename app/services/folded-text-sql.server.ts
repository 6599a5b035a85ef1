/**
 * The database's version of the search box, for the PostgreSQL fallbacks of /jobs and of matching: every word
 * of the query (or one of its synonyms) must occur in the text, with Danish letters folded the way
 * Meilisearch folds them, so "rengoring" still finds "Rengøring".
 */
import { and, or, sql, type SQL } from 'drizzle-orm';
import { DANISH_JOB_SYNONYM_GROUPS, mutualSynonyms } from '../../search/indexes';

/** Folds Danish letters the way Meilisearch does (æ→ae, ø→o, å→a). */
function foldText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .replace(/[éè]/g, 'e')
    .replace(/ü/g, 'u');
}

function foldSql(text: SQL): SQL {
  return sql`translate(replace(lower(${text}), 'æ', 'ae'), 'øöåäéèü', 'ooaaeeu')`;
}

const FOLDED_SYNONYMS = new Map(
  Object.entries(mutualSynonyms(DANISH_JOB_SYNONYM_GROUPS)).map(([word, others]) => [foldText(word), others.map(foldText)]),
);

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Every word of the query, or one of its synonyms, occurs in the haystack; undefined for an empty query. */
export function everyWordIn(haystack: SQL, query: string): SQL | undefined {
  const words = foldText(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  const folded = foldSql(haystack);
  return and(
    ...words.map((word) => or(...[word, ...(FOLDED_SYNONYMS.get(word) ?? [])].map((alternative) => sql`${folded} like ${likePattern(alternative)}`))),
  );
}
