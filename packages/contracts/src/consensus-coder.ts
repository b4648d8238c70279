/*
 * A plain value, in a module without schemas, for the server's worker threads (see
 * export-formats.ts).
 */

/** The coder that holds a project's agreed coding; a coder id like any other in filters. */
export const CONSENSUS_CODER_ID = 'consensus';
