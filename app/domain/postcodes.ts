/**
 * Danish postcodes with the coordinates of their area (db/data/dk-postcodes.csv, DAWA's land-clipped
 * visual centres). Pure parsing; loading the file is app/services/postcodes.server.ts.
 */
import type { GeoPoint } from './geo';

export type Postcode = GeoPoint & { postcode: string; city: string };

const POSTCODE_PATTERN = /^\d{4}$/;
const REQUIRED_COLUMNS = ['postcode', 'name', 'lat', 'lng'] as const;

/** Parses the CSV text (header `postcode,name,lat,lng`) into a map keyed by the four-digit postcode. */
export function parsePostcodes(csvText: string): Map<string, Postcode> {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((column) => column.trim());
  const column = columnIndexes(header);
  const postcodes = new Map<string, Postcode>();
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 2;
    const cells = line.split(',').map((cell) => cell.trim());
    if (cells.length !== header.length) throw new Error(`Postcode CSV line ${lineNumber}: expected ${header.length} fields`);
    const entry = toPostcode(cells, column, lineNumber);
    if (postcodes.has(entry.postcode)) throw new Error(`Postcode CSV line ${lineNumber}: duplicate postcode ${entry.postcode}`);
    postcodes.set(entry.postcode, entry);
  });
  return postcodes;
}

type ColumnIndexes = Record<(typeof REQUIRED_COLUMNS)[number], number>;

function columnIndexes(header: string[]): ColumnIndexes {
  const indexes = {} as ColumnIndexes;
  for (const name of REQUIRED_COLUMNS) {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`Postcode CSV header lacks the column "${name}"`);
    indexes[name] = index;
  }
  return indexes;
}

function toPostcode(cells: string[], column: ColumnIndexes, lineNumber: number): Postcode {
  const postcode = cells[column.postcode] ?? '';
  const city = cells[column.name] ?? '';
  const lat = Number(cells[column.lat]);
  const lon = Number(cells[column.lng]);
  if (!POSTCODE_PATTERN.test(postcode)) throw new Error(`Postcode CSV line ${lineNumber}: "${postcode}" is not four digits`);
  if (city === '') throw new Error(`Postcode CSV line ${lineNumber}: missing name`);
  if (!isCoordinate(lat, 90) || !isCoordinate(lon, 180)) throw new Error(`Postcode CSV line ${lineNumber}: bad coordinates`);
  return { postcode, city, lat, lon };
}

function isCoordinate(value: number, limit: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= limit;
}
