/**
 * Which proxies in front of the portal are trusted to say who the client is (TRUST_PROXY), as Express's
 * "trust proxy" setting. `req.ip` then is the address the last trusted proxy saw, never a value the client
 * wrote: X-Forwarded-For is appended to by each proxy, so its left-most entries are whatever the client sent.
 *
 * - unset, "" or "false": no proxy; the socket's address is the client's.
 * - "true": one proxy (the usual single load balancer). Not Express's `true`, which trusts every hop and so
 *   takes the left-most, client-written address.
 * - a number N: N proxies in a row (e.g. a CDN in front of the load balancer: 2).
 * - a comma list of addresses or subnets ("10.0.0.0/8, 192.0.2.10") or Express's names ("loopback",
 *   "linklocal", "uniquelocal"): exactly those proxies are trusted, wherever they stand in the chain.
 */
import { isIP } from 'node:net';

export type TrustProxySetting = false | number | string[];

const EXPRESS_SUBNET_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (EXPRESS_SUBNET_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/** The Express "trust proxy" value for TRUST_PROXY; throws at start for a value that means nothing. */
export function trustProxySetting(value: string | undefined): TrustProxySetting {
  const setting = (value ?? '').trim();
  if (setting === '' || setting === 'false' || setting === '0') return false;
  if (setting === 'true') return 1;
  if (/^\d+$/.test(setting)) return Number(setting);
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (entries.length === 0 || wrong.length > 0) {
    throw new Error(
      `TRUST_PROXY must be true, false, a number of proxies or a comma list of addresses/subnets; not understood: ${wrong.join(', ') || setting}`,
    );
  }
  return entries;
}
