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
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        throw new BadRequestError(`Unknown file field "${part.fieldname}": send files as "file"`);
      }
      const name = part.filename || `file ${upload.files.length + 1}`;
      upload.files.push({ name, text: decode(await readFile(part, name, request)) });
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
    if ((err as { statusCode?: number }).statusCode === 413) {
      const mb = Math.round(request.server.importLimit / 1024 / 1024);
      throw new PayloadTooLargeError(
        `${name} is larger than the import limit of ${mb} MB: split it, or raise KODBOK_IMPORT_LIMIT`,
      );
    }
    throw err;
  }
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252, as old EndNote writes. */
function decode(buffer: Buffer): string {
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
