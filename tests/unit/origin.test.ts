import { describe, expect, it } from 'vitest';
import {
  HOST_REJECTED_MESSAGE,
  isAllowedHost,
  isApiPath,
  isLocalDirectRequest,
  isSameOriginRequest,
  ORIGIN_REJECTED_MESSAGE,
  routedPath,
} from '../../app/auth/origin.server';
import { allowedOrigins, publicOrigin } from '../../app/services/public-origin.server';

const local = allowedOrigins({ PORT: '3000' });
const production = allowedOrigins({ APP_ORIGIN: 'https://jobbro.aarhus.dk, https://jobbro.randers.dk/', PORT: '3000' });

describe('allowedOrigins: the one list of Jobbro’s own addresses', () => {
  it('is APP_ORIGIN’s entries when set, the first being the one links use', () => {
    expect(production).toEqual(['https://jobbro.aarhus.dk', 'https://jobbro.randers.dk']);
    expect(publicOrigin({ APP_ORIGIN: 'https://jobbro.aarhus.dk,https://jobbro.randers.dk' })).toBe('https://jobbro.aarhus.dk');
  });

  it('is this machine’s loopback names on PORT without APP_ORIGIN, links going to localhost', () => {
    expect(local).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']);
    expect(publicOrigin({ PORT: '3100' })).toBe('http://localhost:3100');
  });

  it('skips an unparseable APP_ORIGIN entry instead of failing', () => {
    expect(allowedOrigins({ APP_ORIGIN: 'not a url,https://jobbro.dk', PORT: '3000' })).toEqual(['https://jobbro.dk']);
  });
});

describe('isAllowedHost', () => {
  it.each(['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST:3000'])('lets %s through on a local server', (host) => {
    expect(isAllowedHost(host, local)).toBe(true);
  });

  it.each([
    ['another site', 'evil.example'],
    ['another site on the port', 'evil.example:3000'],
    ['another port', 'localhost:4000'],
    ['no port, i.e. port 80', 'localhost'],
    ['a look-alike name', 'localhost:3000.evil.example'],
    ['user info that a URL parser would read as localhost', 'evil.example@localhost:3000'],
    ['a path', 'localhost:3000/x'],
    ['nothing', ''],
  ])('refuses %s', (_what, host) => {
    expect(isAllowedHost(host, local)).toBe(false);
  });

  it('refuses a request without Host at all', () => {
    expect(isAllowedHost(undefined, local)).toBe(false);
  });

  it('takes APP_ORIGIN’s hosts in production, with or without the default port, and nothing local', () => {
    expect(isAllowedHost('jobbro.aarhus.dk', production)).toBe(true);
    expect(isAllowedHost('jobbro.randers.dk:443', production)).toBe(true);
    expect(isAllowedHost('localhost:3000', production)).toBe(false);
    expect(isAllowedHost('jobbro.aarhus.dk:8443', production)).toBe(false);
  });

  it('says in Danish why the request was refused and what to do', () => {
    expect(HOST_REJECTED_MESSAGE).toBe('Anmodningen blev afvist, fordi den ikke var sendt til Jobbros adresse. Brug adressen fra dit link eller din mail.');
  });
});

describe('isSameOriginRequest', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'get'])('lets a %s through without an Origin', (method) => {
    expect(isSameOriginRequest({ method, origin: null, allowedOrigins: local })).toBe(true);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses a %s without an Origin', (method) => {
    expect(isSameOriginRequest({ method, origin: null, allowedOrigins: local })).toBe(false);
  });

  it('accepts a form post from the page itself, under any of its allowed addresses', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:3000', allowedOrigins: local })).toBe(true);
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://127.0.0.1:3000', allowedOrigins: local })).toBe(true);
    expect(isSameOriginRequest({ method: 'POST', origin: 'https://jobbro.randers.dk', allowedOrigins: production })).toBe(true);
  });

  it('treats the default port and letter case as the same origin', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'https://Jobbro.Aarhus.DK:443', allowedOrigins: production })).toBe(true);
  });

  it('refuses a post from another site, another port, another scheme or a look-alike host', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'https://evil.example', allowedOrigins: local })).toBe(false);
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:4000', allowedOrigins: local })).toBe(false);
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:3000.evil.example', allowedOrigins: local })).toBe(false);
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://jobbro.aarhus.dk', allowedOrigins: production })).toBe(false);
  });

  it('accepts no origin beyond the allowed list, not even the one a request’s own Host names', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'http://localhost:3000', allowedOrigins: production })).toBe(false);
  });

  it('refuses the "null" origin of sandboxed pages and other schemes', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: 'null', allowedOrigins: local })).toBe(false);
    expect(isSameOriginRequest({ method: 'POST', origin: 'file://', allowedOrigins: local })).toBe(false);
  });

  it('exempts API calls, which authenticate by token and never by cookie', () => {
    expect(isSameOriginRequest({ method: 'POST', origin: null, allowedOrigins: local, isApiCall: true })).toBe(true);
    expect(isSameOriginRequest({ method: 'POST', origin: null, allowedOrigins: local, isApiCall: false })).toBe(false);
  });

  it('says in Danish why the request was refused and what to do', () => {
    expect(ORIGIN_REJECTED_MESSAGE).toBe('Anmodningen blev afvist, fordi den ikke kom fra Jobbro. Genindlæs siden, og prøv igen.');
  });
});

describe('isApiPath: decided on the path Remix routes, not the raw one', () => {
  it.each(['/api/v1/openings', '/api/v1/openings/abc/close?x=1', '/API/v1/openings', '/api/v1/../v1/openings'])('%s is an API call', (url) => {
    expect(isApiPath(url)).toBe(true);
  });

  it.each([
    '/api/../borger/oensker',
    '/api/%2e%2e/borger/oensker',
    '/api/%2E%2e/borger/oensker',
    '/api\\..\\borger/oensker',
    '/api/v1/../../login',
    '/apiary',
    '/borger/oensker?next=/api/',
    'http://localhost:3000/api/v1/openings',
    '*',
  ])('%s is no API call', (url) => {
    expect(isApiPath(url)).toBe(false);
  });

  it('resolves dot segments as Remix does, and keeps a leading double slash a path', () => {
    expect(routedPath('/api/../borger/oensker')).toBe('/borger/oensker');
    expect(routedPath('//evil.example/api/x')).toBe('//evil.example/api/x');
  });
});

describe('isLocalDirectRequest: the internal check of /healthz', () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('is a request from %s that no proxy passed on', (remoteAddress) => {
    expect(isLocalDirectRequest({ remoteAddress, headers: {} })).toBe(true);
  });

  it('is no request from another machine', () => {
    expect(isLocalDirectRequest({ remoteAddress: '10.0.0.7', headers: {} })).toBe(false);
    expect(isLocalDirectRequest({ remoteAddress: '::ffff:192.168.1.20', headers: {} })).toBe(false);
    expect(isLocalDirectRequest({ remoteAddress: undefined, headers: {} })).toBe(false);
  });

  it.each(['x-forwarded-for', 'forwarded', 'x-real-ip'])('is no request a proxy on this machine passed on (%s)', (header) => {
    expect(isLocalDirectRequest({ remoteAddress: '127.0.0.1', headers: { [header]: '127.0.0.1' } })).toBe(false);
  });
});
