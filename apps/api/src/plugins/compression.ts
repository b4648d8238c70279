import { negotiate } from '@fastify/accept-negotiator';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import zlib from 'node:zlib';

/** Answers below this go as they are: compression would save a packet at most. */
const THRESHOLD = 1024;
/**
 * Answers up to this size (a document with its highlights: about 57 kB) are compressed in one
 * synchronous call on the API thread (0.15 ms for such a document). Larger ones whose bytes are
 * all at hand are compressed in one piece on libuv's pool; streams go through @fastify/compress.
 */
const AT_ONCE_LIMIT = 256 * 1024;
const ENCODINGS: Array<'br' | 'gzip'> = ['br', 'gzip'];
/**
 * The fastest levels: the 10,000-study list (4.7 MB) takes 13 ms at Brotli 1 for 0.60 MB, 65 ms
 * at quality 4 for 0.54 MB, 63 ms with gzip's default for 0.55 MB; a document 0.15 ms for 8.3 kB
 * against 0.6 ms for 7.1 kB. On the networks Kodbok runs on, a tenth more bytes costs less than
 * the wait.
 */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } };
const GZIP = { level: 1 };

/**
 * Answers above 1 kB go compressed (docs/decisions/015): Brotli at a fast level, else gzip, as the
 * client accepts. Routes registered with `compress: false` (exports) are sent as they are.
 */
export async function registerCompression(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (route.compress === false) return;
    const own = route.onSend === undefined ? [] : [route.onSend].flat();
    route.onSend = [compressAtOnce, ...own];
  });
  await app.register(compress, {
    threshold: THRESHOLD,
    encodings: ENCODINGS,
    brotliOptions: BROTLI,
    zlibOptions: GZIP,
  });
}

/**
 * @fastify/compress streams every answer, a string too: a document's 50 kB then took several
 * turns of the event loop and a trip to libuv's pool, and under 20 coders those turns queued
 * behind everyone else's requests (open-document p99 212 ms, 69 ms uncompressed; and 115 MB more
 * memory in zlib streams). Known-size answers are compressed here, at once or in one trip to the
 * pool; the plugin's own hook then finds them encoded and leaves them alone.
 */
const compressAtOnce: onSendHookHandler = (request, reply, payload, done) => {
  const encoding = wholeAnswerEncoding(request, reply, payload);
  if (!encoding) return done(null, payload);
  const body = payload as string | Buffer;
  const encoded = (compressed: Buffer) => {
    reply.header('content-encoding', encoding);
    reply.header('vary', varyWithEncoding(reply.getHeader('vary')));
    reply.removeHeader('content-length');
    done(null, compressed);
  };
  if (body.length <= AT_ONCE_LIMIT) {
    return encoded(
      encoding === 'br' ? zlib.brotliCompressSync(body, BROTLI) : zlib.gzipSync(body, GZIP),
    );
  }
  // A big answer whose bytes are all here (the 10,000-study list: 4.7 MB) is compressed on
  // libuv's pool in one piece: output chunks as large as the answer may need, so it takes one
  // trip there instead of the stream's 16 kB at a time, each a turn of the event loop.
  const whole = { chunkSize: Math.max(zlib.constants.Z_DEFAULT_CHUNK, body.length >> 2) };
  const settle = (err: Error | null, compressed: Buffer) => (err ? done(err) : encoded(compressed));
  if (encoding === 'br') zlib.brotliCompress(body, { ...BROTLI, ...whole }, settle);
  else zlib.gzip(body, { ...GZIP, ...whole }, settle);
};

function wholeAnswerEncoding(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): string | undefined {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return undefined;
  // A string's UTF-8 size is at least its length: a long one is not measured (megabytes: ms).
  if (payload.length < THRESHOLD && Buffer.byteLength(payload) < THRESHOLD) return undefined;
  if (reply.hasHeader('content-encoding')) return undefined;
  if (request.headers['x-no-compression'] !== undefined) return undefined;
  const type = String(reply.getHeader('content-type') ?? 'application/json');
  if (!/^(application\/json|text\/)/i.test(type)) return undefined;
  const accepted = request.headers['accept-encoding'];
  if (!accepted) return undefined;
  // As @fastify/compress reads the header: "*" and "x-gzip" mean gzip.
  const normalised = accepted.toLowerCase().replace(/\*|x-gzip/g, 'gzip');
  return negotiate(normalised, ENCODINGS) ?? undefined;
}

function varyWithEncoding(vary: unknown): string {
  const current = vary === undefined ? '' : String(vary);
  if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) return current;
  return current ? `${current}, accept-encoding` : 'accept-encoding';
}
