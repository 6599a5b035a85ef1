import { openApiDocument } from '../domain/openapi';
import { publicOrigin } from '../services/public-origin.server';

export function loader() {
  return Response.json(openApiDocument(publicOrigin()));
}
