import { activityEndpoints } from './activity';
import { agreementEndpoints } from './agreement';
import { analysisEndpoints } from './analysis';
import { assignmentEndpoints } from './assignments';
import { attributeEndpoints } from './attributes';
import { sessionEndpoints, userEndpoints } from './auth';
import { backupEndpoints } from './backups';
import { codeEndpoints } from './codes';
import { consensusEndpoints } from './consensus';
import { documentEndpoints } from './documents';
import { exportEndpoints } from './exports';
import { highlightEndpoints } from './highlights';
import { importEndpoints } from './imports';
import { invitationEndpoints } from './invitations';
import { memoEndpoints } from './memos';
import { memberEndpoints, projectEndpoints } from './projects';
import { refiEndpoints } from './refi';
import { studyEndpoints } from './studies';
import { systemEndpoints } from './system';
import { tokenEndpoints } from './tokens';

/** Each domain's table (a test checks that no name is given twice: merging would hide it). */
export const ENDPOINT_TABLES = [
  systemEndpoints,
  sessionEndpoints,
  userEndpoints,
  tokenEndpoints,
  projectEndpoints,
  memberEndpoints,
  invitationEndpoints,
  activityEndpoints,
  backupEndpoints,
  studyEndpoints,
  documentEndpoints,
  importEndpoints,
  attributeEndpoints,
  codeEndpoints,
  highlightEndpoints,
  memoEndpoints,
  analysisEndpoints,
  exportEndpoints,
  refiEndpoints,
  assignmentEndpoints,
  agreementEndpoints,
  consensusEndpoints,
] as const;

type Merged<T extends readonly object[]> = T extends readonly [
  infer First,
  ...infer Rest extends readonly object[],
]
  ? First & Merged<Rest>
  : unknown;

/**
 * Every endpoint of the API, by name (docs/decisions/021). The server registers each as a route;
 * the authorization test calls each as every kind of caller; a route outside this table fails it.
 */
export const ENDPOINTS = Object.assign({}, ...ENDPOINT_TABLES) as Merged<typeof ENDPOINT_TABLES>;

export type EndpointName = keyof typeof ENDPOINTS;
