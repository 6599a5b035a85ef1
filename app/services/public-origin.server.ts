/**
 * The one address every link that leaves Jobbro points to (mails, the API's description of itself). A
 * request's Host header is the sender's to choose, so no link is ever built from it: production names its
 * public origin as the first entry of APP_ORIGIN; without it (the try-out, development, tests) the server's
 * own http://localhost:PORT.
 */
export function configuredOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
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

export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return configuredOrigins(env)[0] ?? `http://localhost:${env.PORT ?? '3000'}`;
}
