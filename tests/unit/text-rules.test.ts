import { describe, expect, it } from 'vitest';
import { controlCharacterMessage, hasControlCharacters, LINK_MESSAGE, looksLikeLink, nameForMail, nameText, plainText, weeklyHours } from '../../app/domain/text-rules';

const reason = plainText({ field: 'Begrundelsen', missing: 'Skriv, hvorfor aftalen slutter.', min: 3, max: 20 });
const firstMessage = (value: unknown) => {
  const result = reason.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('plainText', () => {
  it('asks for the text when the field is empty or only spaces, whatever the least length', () => {
    expect(firstMessage('')).toBe('Skriv, hvorfor aftalen slutter.');
    expect(firstMessage('   ')).toBe('Skriv, hvorfor aftalen slutter.');
    expect(firstMessage(undefined)).toBe('Skriv, hvorfor aftalen slutter.');
  });

  it('names the least and the most length when the text is there but too short or too long', () => {
    expect(firstMessage('ab')).toBe('Begrundelsen skal være mindst 3 tegn.');
    expect(firstMessage('x'.repeat(21))).toBe('Begrundelsen må højst være 20 tegn.');
    expect(firstMessage('  Fik andet job  ')).toBeNull();
    expect(reason.parse('  Fik andet job  ')).toBe('Fik andet job');
  });

  it('lets an optional field stay empty', () => {
    expect(plainText({ field: 'Noten', max: 10 }).safeParse('').success).toBe(true);
  });
});

describe('control characters', () => {
  const name = plainText({ field: 'Navnet', max: 120 });
  const notes = plainText({ field: 'Noterne', max: 2000, lines: true });
  const message = (schema: typeof name, value: string) => schema.safeParse(value).error?.issues[0]?.message ?? null;

  it.each([
    ['NUL', 'Jens\u0000Hansen'],
    ['a line feed', 'Jens\nDTSTART:20270101'],
    ['a lone carriage return', 'Jens\rHansen'],
    ['a tab', 'Jens\tHansen'],
    ['DEL', 'Jens\u007fHansen'],
    ['a C1 control (NEL)', 'Jens\u0085Hansen'],
    ['a line separator', 'Jens\u2028Hansen'],
    ['a lone surrogate', 'Jens\ud83dHansen'],
    ['a bidi override', 'Jens\u202eHansen'],
  ])('refuses %s in a one-line field, with a Danish message at the field', (_what, value) => {
    expect(message(name, value)).toBe('Navnet skal stå på én linje uden tabulatorer eller andre usynlige styretegn. Skriv teksten igen på én linje.');
  });

  it('keeps the lines and tabs of a field with lines, and refuses NUL and the other controls there', () => {
    expect(notes.parse('Første linje\r\nAnden\tlinje\nTredje')).toBe('Første linje\r\nAnden\tlinje\nTredje');
    for (const value of ['Før\u0000efter', 'Før\u000befter', 'Før\u001befter', 'Før\u007fefter', 'Før\udc00efter']) {
      expect(message(notes, value)).toBe(controlCharacterMessage('Noterne', { lines: true }));
    }
  });

  it('lets through what people write: Danish letters, other scripts, emoji made of several code points', () => {
    for (const value of ['Søren Ærø Åberg', 'Łukasz Żółć', 'محمد\u200f', '李小龙', 'Glad 👩🏽‍🍳 kok', 'Anne\u00a0Marie']) {
      expect(hasControlCharacters(value)).toBe(false);
      expect(name.safeParse(value).success).toBe(true);
    }
  });
});

describe('weeklyHours', () => {
  const hours = weeklyHours('det mindste antal timer');
  const message = (value: unknown) => hours.safeParse(value).error?.issues[0]?.message ?? null;

  it('reads a Danish decimal comma', () => {
    expect(hours.parse(' 7,5 ')).toBe(7.5);
  });

  it('starts each message with a capital letter, also when the label is the subject', () => {
    expect(message('')).toBe('Skriv det mindste antal timer.');
    expect(message('fem')).toBe('Det mindste antal timer skal være et tal.');
  });
});

describe('looksLikeLink', () => {
  it('finds what a mail program would make a link of', () => {
    for (const text of [
      'https://example.org',
      'Se hxxps://x (skjult)',
      'ftp://fil.example',
      'mailto:salg@firma',
      'www.tilbud',
      'Besøg WWW.TILBUD.DK',
      'Tilbud.dk ApS',
      'billig.example.com',
      'Bøger-på-nettet.dk',
      'salg@firma.dk',
      'Dr.Jensen',
    ]) {
      expect(looksLikeLink(text), text).toBe(true);
    }
  });

  it('lets ordinary names through, abbreviations with a space after the dot included', () => {
    for (const text of ['Rent & Pænt ApS', 'A.P. Møller - Mærsk', 'H.C. Andersens Bageri', 'Dr. Jensen', 'St. Restaurant', 'Bager 2.0', 'Jensen & Co.', 'Åse Ørsted-Ålund', 'ApS nr. 2']) {
      expect(looksLikeLink(text), text).toBe(false);
    }
  });
});

describe('nameText', () => {
  const companyName = nameText({ field: 'Navnet', missing: 'Skriv virksomhedens navn.', min: 2, max: 160 });

  it('refuses a name that looks like a link with a message that says what to do', () => {
    const result = companyName.safeParse('Billige piller på www.pille-tilbud.example');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(LINK_MESSAGE);
    expect(companyName.parse('  A.P. Møller - Mærsk  ')).toBe('A.P. Møller - Mærsk');
  });
});

describe('nameForMail', () => {
  it('keeps a plain name on one line and replaces one that looks like a link', () => {
    expect(nameForMail('Karen\r\n  Kontor', 'En kollega')).toBe('Karen Kontor');
    expect(nameForMail('Se www.pille-tilbud.example', 'En kollega')).toBe('En kollega');
    expect(nameForMail('   ', 'en virksomhed')).toBe('en virksomhed');
  });
});
