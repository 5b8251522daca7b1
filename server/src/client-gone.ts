import type { FastifyReply } from 'fastify';

/**
 * Aborts when the client goes away before the answer is sent (a closed tab, a timed-out
 * client), so long work — an exhaustive search — stops instead of computing for nobody. The
 * reason carries 499, nginx's "client closed request": no answer can reach the client, and the
 * error handler logs it as a client error, not a failure.
 */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(Object.assign(new Error('the client closed the request'), { statusCode: 499 }));
  });
  return controller.signal;
}
