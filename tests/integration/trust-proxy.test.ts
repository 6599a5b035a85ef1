import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { rateLimitKeyForIp } from '../../app/auth/rate-limit.server';
import { trustProxySetting } from '../../app/auth/trust-proxy.server';

/**
 * The client address Express gives server.ts's load context (req.ip) under a TRUST_PROXY value, asked over a
 * real loopback connection: the socket's address is 127.0.0.1, as a proxy on the same host would be.
 */
async function clientIpsSeen(trustProxy: string | undefined, forwardedFor: string[]): Promise<string[]> {
  const app = express();
  app.set('trust proxy', trustProxySetting(trustProxy));
  app.get('/', (req, res) => {
    res.send(req.ip);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const seen: string[] = [];
    for (const header of forwardedFor) {
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'X-Forwarded-For': header } });
      seen.push(await response.text());
    }
    return seen;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** An attacker writes a new left-most address each time; the load balancer appends the one it saw. */
const ROTATING = ['198.51.100.1, 203.0.113.7', '198.51.100.2, 203.0.113.7', '1.2.3.4, 5.6.7.8, 203.0.113.7'];

describe('TRUST_PROXY', () => {
  it('"true" trusts one proxy: rotating the left-most X-Forwarded-For does not change the rate-limit key', async () => {
    const seen = await clientIpsSeen('true', ROTATING);
    expect(seen).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7']);
    expect(new Set(seen.map(rateLimitKeyForIp)).size).toBe(1);
  });

  it('a number N takes the address N proxies away', async () => {
    expect(await clientIpsSeen('2', ['198.51.100.1, 192.0.2.50, 10.0.0.2', '198.51.100.9, 192.0.2.50, 10.0.0.2'])).toEqual([
      '192.0.2.50',
      '192.0.2.50',
    ]);
  });

  it('a list trusts exactly those proxies, and the address before them is the client', async () => {
    const seen = await clientIpsSeen('127.0.0.1, 10.0.0.0/8', ['198.51.100.1, 192.0.2.50, 10.1.2.3', '9.9.9.9, 192.0.2.50, 10.1.2.3']);
    expect(seen).toEqual(['192.0.2.50', '192.0.2.50']);
  });

  it('unset trusts no proxy: the socket address counts, whatever the header says', async () => {
    expect(await clientIpsSeen(undefined, ROTATING)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', 1],
    ['3', 3],
    [' 10.0.0.1 , 2001:db8::/32, loopback ', ['10.0.0.1', '2001:db8::/32', 'loopback']],
  ])('reads %j as %j', (value, setting) => {
    expect(trustProxySetting(value)).toEqual(setting);
  });

  it.each(['yes', '10.0.0.0/33', 'proxy.example', '10.0.0.1,, nonsense'])('refuses %j at start', (value) => {
    expect(() => trustProxySetting(value)).toThrow(/TRUST_PROXY/);
  });
});
