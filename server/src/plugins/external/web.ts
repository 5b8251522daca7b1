import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

export const webDist = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/**
 * /api and below, in any letter case: routes are case-sensitive, so /API/HEALTH reaches the
 * catch-all, and answering it with the app's HTML and a 200 would make a mistyped API call
 * look like it worked.
 */
const API_PATH = /^api(\/|$)/i;

/** Serves the built web app; any non-API path falls back to index.html (client-side routing). */
export default fp(
  async (app) => {
    if (!existsSync(`${webDist}/index.html`)) {
      app.log.warn(`web app not built (${webDist}); run \`pnpm build\` — the API still works`);
      return;
    }
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The wildcard is the decoded path without its leading slash, so /%41PI/x is caught too.
    app.get<{ Params: { '*': string } }>('/*', { schema: { hide: true } }, async (request, reply) => {
      if (API_PATH.test(request.params['*'])) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  },
  { name: 'web', dependencies: ['errors'] },
);
