/**
 * The postcode table, read from db/data/dk-postcodes.csv once on first use. Postcodes without an area
 * (PO boxes, large recipients such as 8100 Aarhus C) are not in it: callers treat them as unknown.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePostcodes, type Postcode } from '../domain/postcodes';

export type { Postcode };

let table: Map<string, Postcode> | undefined;

/**
 * The app runs from the project root, so the working directory finds the file from the source tree and
 * from the server bundle alike; the module-relative path covers a process started elsewhere (tests, scripts).
 */
function csvPath(): string {
  const fromWorkingDirectory = path.resolve(process.cwd(), 'db', 'data', 'dk-postcodes.csv');
  if (existsSync(fromWorkingDirectory)) return fromWorkingDirectory;
  return fileURLToPath(new URL('../../db/data/dk-postcodes.csv', import.meta.url));
}

function postcodeTable(): Map<string, Postcode> {
  table ??= parsePostcodes(readFileSync(csvPath(), 'utf8'));
  return table;
}

/** The postcode with its city and coordinates, or undefined when it has no area in the table. */
export function findPostcode(code: string): Postcode | undefined {
  return postcodeTable().get(code.trim());
}

/** Every postcode, in ascending order. */
export function allPostcodes(): Postcode[] {
  return [...postcodeTable().values()].sort((a, b) => a.postcode.localeCompare(b.postcode));
}
