import { describe, expect, it } from 'vitest';
import { findDiscriminatoryWording, markWording } from '../../app/domain/fair-wording';

const grounds = (text: string) => findDiscriminatoryWording(text).map((hit) => hit.ground);
const words = (text: string) => findDiscriminatoryWording(text).map((hit) => hit.text);

describe('findDiscriminatoryWording', () => {
  it('finds an age limit', () => {
    expect(words('Vi søger en medarbejder under 30 år til lageret.')).toEqual(['under 30 år']);
    expect(grounds('Du er mellem 20 og 35 år')).toEqual(['age']);
    expect(grounds('Maks. 40 år')).toEqual(['age']);
    expect(grounds('Vi søger en ung medarbejder')).toEqual(['age']);
  });

  it('finds gendered wording, also inside compound words', () => {
    expect(words('Rengøringsdame søges')).toEqual(['Rengøringsdame']);
    expect(grounds('Kun kvinder kan søge')).toEqual(['gender']);
    expect(grounds('Vi søger en mandlig lagermedarbejder')).toEqual(['gender']);
    expect(words('Frisk køkkenpige')).toEqual(['køkkenpige']);
  });

  it('finds ethnicity, religion, disability, orientation and politics', () => {
    expect(grounds('Du skal være etnisk dansk')).toEqual(['ethnicity']);
    expect(grounds('Ingen tørklæde i butikken')).toEqual(['religion']);
    expect(grounds('Du skal være sund og rask')).toEqual(['disability']);
    expect(grounds('Ingen handicappede')).toEqual(['disability']);
    expect(grounds('Du må gerne være heteroseksuel')).toEqual(['orientation']);
    expect(grounds('Du skal være partimedlem')).toEqual(['politics']);
  });

  it('leaves ordinary descriptions of the work alone', () => {
    expect(findDiscriminatoryWording('Hjælp ældre borgere med indkøb. Du taler dansk og kan løfte 10 kg.')).toEqual([]);
    expect(findDiscriminatoryWording('Vi er 40 mand på lageret, og vores formand viser dig rundt.')).toEqual([]);
    expect(findDiscriminatoryWording('Arbejdet passer til dig med skånehensyn. Du får 30 minutters pause.')).toEqual([]);
    expect(findDiscriminatoryWording('Opvask og rengøring i 8-10 timer om ugen')).toEqual([]);
  });

  it('reports positions that mark exactly the words', () => {
    const text = 'Lagerfyr under 25 år søges';
    const hits = findDiscriminatoryWording(text);
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['Lagerfyr', 'under 25 år']);
    expect(hits.every((hit) => hit.explanation.length > 20)).toBe(true);
    expect(markWording(text, hits)).toEqual([
      { text: 'Lagerfyr', marked: true },
      { text: ' ', marked: false },
      { text: 'under 25 år', marked: true },
      { text: ' søges', marked: false },
    ]);
  });
});
