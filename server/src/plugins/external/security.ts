import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';

export default fp(
  async (app, opts: { perMinute: number }) => {
    await app.register(helmet, {
      // MapLibre builds its renderer from a blob worker; the rest stays locked to this origin.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'", 'https:'],
        },
      },
    });
    await app.register(rateLimit, {
      max: opts.perMinute,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        error: { code: 'RATE_LIMITED', message: `rate limit of ${ctx.max} requests per minute exceeded; retry in ${ctx.after}` },
      }),
    });
  },
  { name: 'security' },
);
