import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

export const webDist = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Serves the built web app; any non-API path falls back to index.html (client-side routing). */
export default fp(
  async (app) => {
    if (!existsSync(`${webDist}/index.html`)) {
      app.log.warn(`web app not built (${webDist}); run \`pnpm build\` — the API still works`);
      return;
    }
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route for ${request.method} ${request.url.split('?')[0]}` } });
    });
  },
  { name: 'web', dependencies: ['errors'] },
);
