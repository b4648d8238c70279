import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import { CsvMappingSchema, type CsvMapping } from '@kodbok/contracts';
import type { Config } from '../config';
import type { Upload } from '../services/types';
import {
  BadRequestError,
  DomainError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors';

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
 * size limit bounds that. They are decoded where they are parsed (the import worker).
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError('Send the file as multipart/form-data in the field "file"');
  }
  try {
    return await readParts(request);
  } catch (err) {
    // The plugin's own limit errors say "reach files limit"; say what to do instead.
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new PayloadTooLargeError(`Send at most ${MAX_FILES} files in one import`);
    }
    if (code === 'FST_FIELDS_LIMIT') {
      throw new BadRequestError('Send only "file" parts and at most one "mapping" part');
    }
    if (err instanceof DomainError) throw err;
    // Anything else here is the body failing to parse as multipart (no boundary, a cut-off part).
    throw new BadRequestError(
      `The upload is not well-formed multipart/form-data (${(err as Error).message})`,
    );
  }
}

async function readParts(request: FastifyRequest): Promise<Upload> {
  const upload: Upload = { files: [] };
  let total = 0;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        throw new BadRequestError(`Unknown file field "${part.fieldname}": send files as "file"`);
      }
      const name = part.filename || `file ${upload.files.length + 1}`;
      const bytes = await readFile(part, name, request, bodyLeft(request, total));
      // The limit bounds the whole upload too, or fifty files could each be just under it.
      total += bytes.length;
      if (total > request.server.importLimit) throw tooLarge('These files together are', request);
      upload.files.push({ name, bytes });
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

/**
 * The file's bytes, each chunk copied as it arrives into one array of the file's own: its memory
 * then moves to the import worker without a copy (chunks may be views on a shared pool, which
 * must not move), and a chunk is garbage at once. Kept in a list until the end, a 25 MB file's
 * chunks outlived the young generation and stayed until a full collection, beside the next
 * upload: 25–50 MB more at the next import's peak (issue 13). `expected` (the body's size, when
 * the client says it) is room enough for a one-file upload; without it the array doubles.
 */
async function readFile(
  part: MultipartFile,
  name: string,
  request: FastifyRequest,
  expected: number,
): Promise<Uint8Array> {
  let bytes = new Uint8Array(expected > 0 ? expected : 64 * 1024);
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    if (size + chunk.length > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, size + chunk.length));
      grown.set(bytes.subarray(0, size));
      bytes = grown;
    }
    bytes.set(chunk, size);
    size += chunk.length;
  }
  if (part.file.truncated) throw tooLarge(`${name} is`, request);
  // A file of several in one body, or an array grown by doubling: only its own bytes move on.
  return bytes.length > size * 2 + 64 * 1024 ? bytes.slice(0, size) : bytes.subarray(0, size);
}

/**
 * What is left of the body for the files still to come, by its declared length (0 when not
 * declared), at most the import limit: a declared length is the client's word, not bytes.
 */
function bodyLeft(request: FastifyRequest, read: number): number {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (!Number.isSafeInteger(declared) || declared <= read) return 0;
  return Math.min(declared - read, request.server.importLimit + 64 * 1024);
}

function tooLarge(what: string, request: FastifyRequest) {
  const limit = request.server.importLimit;
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${limit} bytes`;
  return new PayloadTooLargeError(
    `${what} larger than the import limit of ${size}: split the import, or raise KODBOK_IMPORT_LIMIT`,
  );
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
