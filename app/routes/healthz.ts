import { checkHealth } from '../services/health.server';

export async function loader() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'down' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
