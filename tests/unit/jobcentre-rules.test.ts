import { describe, expect, it } from 'vitest';
import { municipalityName } from '../../app/domain/jobcentre-rules';

describe('municipalityName', () => {
  it('names the municipality once, whether it was typed short or in full (no "Aarhus Kommune Kommune")', () => {
    expect(municipalityName('Aarhus')).toBe('Aarhus Kommune');
    expect(municipalityName('Aarhus Kommune')).toBe('Aarhus Kommune');
    expect(municipalityName(' Randers kommune ')).toBe('Randers kommune');
    expect(municipalityName('Bornholms Regionskommune')).toBe('Bornholms Regionskommune');
  });
});
