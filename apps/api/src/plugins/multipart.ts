import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import { CsvMappingSchema, type CsvMapping } from '@kodbok/contracts';
import type { Config } from '../config';
import type { Upload } from '../services/types';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';

const MAX_FILES = 50;

export async function registerMultipart(app: FastifyInstance, config: Config) {
  await app.register(multipart, {
    limits: { fileSize: config.importLimit, files: MAX_FILES, fields: 5, fieldSize: 1024 * 1024 },
  });
  app.decorate('importLimit', config.importLimit);
}

/**
 * Reads an import request: `file` parts (one or more) and an optional `mapping` part (JSON,
 * CsvMappingSchema). Files are read whole because every parser needs the whole text anyway; the
 * size limit bounds that.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError('Send the file as multipart/form-data in the field "file"');
  }
  const upload: Upload = { files: [] };
  let total = 0;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        throw new BadRequestError(`Unknown file field "${part.fieldname}": send files as "file"`);
      }
      const name = part.filename || `file ${upload.files.length + 1}`;
      const buffer = await readFile(part, name, request);
      // The limit bounds the whole upload too, or fifty files could each be just under it.
      total += buffer.length;
      if (total > request.server.importLimit) throw tooLarge('These files together are', request);
      upload.files.push({ name, text: decode(buffer) });
    } else if (part.fieldname === 'mapping') {
      upload.mapping = parseMapping(String(part.value));
    } else {
      throw new BadRequestError(
        `Unknown field "${part.fieldname}": send "file" and optionally "mapping"`,
      );
    }
  }
  if (upload.files.length === 0)
    throw new BadRequestError('Send at least one file in the field "file"');
  return upload;
}

async function readFile(
  part: { toBuffer: () => Promise<Buffer> },
  name: string,
  request: FastifyRequest,
) {
  try {
    return await part.toBuffer();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 413) throw tooLarge(`${name} is`, request);
    throw err;
  }
}

function tooLarge(what: string, request: FastifyRequest) {
  const limit = request.server.importLimit;
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${limit} bytes`;
  return new PayloadTooLargeError(
    `${what} larger than the import limit of ${size}: split the import, or raise KODBOK_IMPORT_LIMIT`,
  );
}

/**
 * UTF-8 (with or without BOM); UTF-16 when its BOM says so (Excel's "Unicode text"); a file that
 * is not valid UTF-8 is read as Windows-1252, as old EndNote versions write.
 */
function decode(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

function parseMapping(json: string): CsvMapping {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new BadRequestError('mapping must be JSON, e.g. {"title": "Title", …}');
  }
  if (Value.Check(CsvMappingSchema, value)) return value;
  const first = Value.Errors(CsvMappingSchema, value)[0];
  throw new BadRequestError(
    `mapping${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}`,
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    importLimit: number;
  }
}
