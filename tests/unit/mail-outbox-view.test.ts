import { describe, expect, it } from 'vitest';
import { maskLinks, outboxView } from '../../app/domain/mail-outbox-view';

describe('outboxView: what /dev/mail may show', () => {
  it('shows the whole mail in development and in the try-out (demo accounts), masks it in a real deployment', () => {
    expect(outboxView({ production: false, smtp: false, demo: false })).toBe('full');
    expect(outboxView({ production: true, smtp: false, demo: true })).toBe('full');
    expect(outboxView({ production: true, smtp: false, demo: false })).toBe('masked');
  });

  it('shows only unsent mail, without text, once mail goes out through SMTP, in development too', () => {
    expect(outboxView({ production: true, smtp: true, demo: false })).toBe('unsent');
    expect(outboxView({ production: true, smtp: true, demo: true })).toBe('unsent');
    expect(outboxView({ production: false, smtp: true, demo: false })).toBe('unsent');
  });
});

describe('maskLinks', () => {
  it('cuts a one-time link after the page name, keeping the words around it', () => {
    const body = 'Hej Frida\n\nÅbn linket:\nhttps://jobbro.kommune.dk/ny-adgangskode/abcdefghijklmnopqrstuvwxyz234567\n\nVenlig hilsen';
    expect(maskLinks(body)).toBe('Hej Frida\n\nÅbn linket:\nhttps://jobbro.kommune.dk/ny-adgangskode/…\n\nVenlig hilsen');
  });

  it('leaves nothing of a token wherever a link carries it: in the first segment, a query or a fragment', () => {
    expect(maskLinks('http://localhost:3000/abcdefghijklmnopqrstuvwxyz234567')).toBe('http://localhost:3000/…');
    expect(maskLinks('http://localhost:3000/velkommen?token=abc123')).toBe('http://localhost:3000/velkommen/…');
    expect(maskLinks('http://localhost:3000/invitation#abc123')).toBe('http://localhost:3000/invitation/…');
    expect(maskLinks('see http://[::1x]/abc123 here')).toBe('see … here');
  });

  it('leaves a link with nothing secret as it is', () => {
    expect(maskLinks('Log ind på https://jobbro.kommune.dk/login eller https://jobbro.kommune.dk/')).toBe(
      'Log ind på https://jobbro.kommune.dk/login eller https://jobbro.kommune.dk',
    );
  });
});
