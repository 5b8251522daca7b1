import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { NotFoundError } from '@talentmap/core';

export const webDist = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Serves the built web app; any non-API path falls back to index.html (client-side routing). */
export default fp(
  async (app) => {
    if (!existsSync(`${webDist}/index.html`)) {
      app.log.warn(`web app not built (${webDist}); run \`pnpm build\` — the API still works`);
      return;
    }
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) throw new NotFoundError(`route GET ${request.url.split('?')[0]}`);
      return reply.sendFile('index.html');
    });
  },
  { name: 'web', dependencies: ['errors'] },
);
