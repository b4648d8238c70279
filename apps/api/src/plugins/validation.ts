import { AjvCompiler } from '@fastify/ajv-compiler';

type BuildValidator = ReturnType<typeof AjvCompiler>;
/** What Fastify hands the compiler per route and part (its published type lacks `httpPart`). */
interface RouteSchema {
  schema: unknown;
  httpPart?: string;
}
type Compile = (route: RouteSchema) => unknown;

/**
 * Fastify's own Ajv compiler, twice (shared schemas and formats as before). JSON bodies are
 * checked as sent, with no type coercion: `-1` where a string is due is refused rather than
 * stored as "-1", and a single id is not turned into a list of one. Query strings and path
 * parameters are text on the wire, so they keep Fastify's coercion ("?limit=5" is a number,
 * "?attr=a=b" a list of one). Used as `schemaController.compilersFactory.buildValidator`.
 */
export function strictBodyValidator(): BuildValidator {
  const pool = AjvCompiler();
  const build: BuildValidator = (externalSchemas, options) => {
    const lenient = pool(externalSchemas, options) as unknown as Compile;
    const strict = pool(externalSchemas, {
      ...options,
      mode: undefined,
      customOptions: { ...options?.customOptions, coerceTypes: false },
    }) as unknown as Compile;
    const compile: Compile = (route) => (route.httpPart === 'body' ? strict : lenient)(route);
    return compile as unknown as ReturnType<BuildValidator>;
  };
  return build;
}
