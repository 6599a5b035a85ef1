/**
 * The one home of the addresses Jobbro is served from. Every link that leaves Jobbro (mails, the API's
 * description of itself) points to the first of them, and a request must name one of them in its Host (and,
 * when it changes something, in its Origin): a request's headers are the sender's to choose, so no link is
 * ever built from them. Production names its public origin(s) in APP_ORIGIN, comma separated, the first
 * being the one links use; without it (the try-out, development, tests) the server's own
 * http://localhost:PORT, reachable as 127.0.0.1 and [::1] too.
 */
type OriginEnv = Partial<NodeJS.ProcessEnv>;

export function configuredOrigins(env: OriginEnv = process.env): string[] {
  return (env.APP_ORIGIN ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .flatMap((origin) => {
      try {
        return [new URL(origin).origin];
      } catch {
        return [];
      }
    });
}

/** The origins a request may come to: APP_ORIGIN's when set, else this machine's loopback names on PORT. */
export function allowedOrigins(env: OriginEnv = process.env): string[] {
  const configured = configuredOrigins(env);
  if (configured.length > 0) return configured;
  const port = env.PORT ?? '3000';
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => new URL(`http://${host}:${port}`).origin);
}

export function publicOrigin(env: OriginEnv = process.env): string {
  return allowedOrigins(env)[0]!;
}
