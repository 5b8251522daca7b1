import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * exceljs's stream reader decodes each zip chunk on its own, so a Chinese character split between
 * two chunks becomes U+FFFD in large sheets. Handing it strings decoded across chunk boundaries
 * avoids that: it passes strings through untouched.
 */
export async function* decodeUtf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The same for a stream, for the parts exceljs reads as streams (shared strings). */
export function utf8Stream(source: Readable): Readable {
  const decoder = new StringDecoder('utf8');
  const output = new Transform({
    readableObjectMode: true,
    transform: (chunk: Buffer, _encoding, done) => done(null, decoder.write(chunk)),
    flush: (done) => done(null, decoder.end() || undefined),
  });
  source.on('error', (e) => output.destroy(e));
  return source.pipe(output);
}
