declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address, as the server saw it (X-Forwarded-For only when TRUST_PROXY=true). */
    clientIp: string;
    /** The per-request nonce of the Content-Security-Policy. */
    cspNonce: string;
    /** Made on this machine and not passed on by a proxy (isLocalDirectRequest): e.g. a monitoring agent's /healthz. Absent counts as no. */
    localDirectRequest?: boolean;
  }
}

export {};
