import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, ORIGIN_REJECTED_MESSAGE } from '../../app/auth/origin.server';

const host = 'localhost:3000';

describe('isSameOriginRequest', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'get'])('lets a %s through without an Origin', (method) => {
    expect(isSameOriginRequest({ method, origin: null, host })).toBe(true);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses a %s without an Origin', (method) => {
    expect(isSameOriginRequest({ method, origin: null, host })).toBe(false);
  });

  it('accepts a form post from the page itself, over http or https', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:3000', host })).toBe(true);
    expect(isSameOriginRequest({ method: 'POST', origin: 'https://jobbro.dk', host: 'jobbro.dk' })).toBe(true);
  });

  it('treats the default port and letter case as the same origin', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'https://Jobbro.DK:443', host: 'jobbro.dk' })).toBe(true);
  });

  it('refuses a post from another site, another port or a look-alike host', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'https://evil.example', host })).toBe(false);
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:4000', host })).toBe(false);
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:3000.evil.example', host })).toBe(false);
  });

  it('refuses the "null" origin of sandboxed pages and other schemes', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'null', host })).toBe(false);
    expect(isSameOriginRequest({ method: 'POST', origin: 'file://', host })).toBe(false);
  });

  it('refuses when the request names no host to compare with', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:3000', host: '' })).toBe(false);
  });

  it('accepts the origins configured in APP_ORIGIN, e.g. behind a proxy that rewrites Host', () => {
    const allowedOrigins = ['https://jobbro.aarhus.dk', ' https://jobbro.randers.dk/ '];
    expect(
      isSameOriginRequest({ method: 'POST', origin: 'https://jobbro.randers.dk', host: '127.0.0.1:3000', allowedOrigins }),
    ).toBe(true);
    expect(
      isSameOriginRequest({ method: 'POST', origin: 'https://evil.example', host: '127.0.0.1:3000', allowedOrigins }),
    ).toBe(false);
  });

  it('ignores an unparseable APP_ORIGIN entry instead of failing', () => {
    expect(
      isSameOriginRequest({ method: 'POST', origin: 'https://evil.example', host, allowedOrigins: ['not a url', ''] }),
    ).toBe(false);
  });

  it('exempts API calls, which authenticate by token and never by cookie', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: null, host, isApiCall: true })).toBe(true);
    expect(isSameOriginRequest({ method: 'POST', origin: null, host, isApiCall: false })).toBe(false);
  });

  it('says in Danish why the request was refused and what to do', () => {
    expect(ORIGIN_REJECTED_MESSAGE).toBe(
      'Anmodningen blev afvist, fordi den ikke kom fra Jobbro. Genindlæs siden, og prøv igen.',
    );
  });
});
