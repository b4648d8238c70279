import { inTransaction, type Db, type Repositories } from '@kodbok/db';
import type { AssignAttributeBody, Attribute, UpdateAttributeBody } from '@kodbok/contracts';
import { BadRequestError, NotFoundError } from '../errors';
import { authorize } from './access';
import { attributeName, isNumeric } from './attribute-types';
import type { CurrentUser } from './types';

/**
 * The project's attributes (country, design…): their types, values in use, bulk changes. Names
 * from the path are normalised first, so every check and write sees the stored spelling.
 */
export function createAttributeService(db: Db, repos: Repositories) {
  const find = (projectId: string, name: string) =>
    repos.attributes.list(projectId).find((a) => a.name === name);
  return {
    list(user: CurrentUser, projectId: string): Attribute[] {
      authorize(repos, user, projectId, 'read');
      return repos.attributes.list(projectId);
    },
    /** Lists a new attribute or changes a type; a number type needs numeric values throughout. */
    update(
      user: CurrentUser,
      projectId: string,
      rawName: string,
      body: UpdateAttributeBody,
    ): Attribute {
      authorize(repos, user, projectId, 'manageStudies');
      const name = attributeName(rawName);
      const attribute = find(projectId, name);
      const bad = attribute?.values.find((v) => !isNumeric(v.value));
      if (body.type === 'number' && bad) {
        throw new BadRequestError(
          `"${name}" cannot be a number: ${bad.studies} ${bad.studies === 1 ? 'study has' : 'studies have'} the value "${bad.value}"`,
        );
      }
      repos.attributes.setType(projectId, name, body.type);
      return find(projectId, name)!;
    },
    /** Sets one attribute on many studies at once (null removes it). */
    assign(user: CurrentUser, projectId: string, rawName: string, body: AssignAttributeBody) {
      authorize(repos, user, projectId, 'manageStudies');
      const name = attributeName(rawName);
      const value = body.value?.trim() || null;
      if (value !== null) checkAttributeValues(repos, projectId, { [name]: value });
      const updated = inTransaction(db, () => {
        repos.attributes.ensure(projectId, [{ name, type: 'text' }]);
        const n = repos.attributes.assign(projectId, name, body.studyIds, value);
        // A study of another project (or none) undoes the whole change: all or nothing.
        if (n < new Set(body.studyIds).size) throw new NotFoundError('Study');
        return n;
      });
      return { updated };
    },
    remove(user: CurrentUser, projectId: string, rawName: string): void {
      authorize(repos, user, projectId, 'manageStudies');
      const name = attributeName(rawName);
      if (!find(projectId, name)) throw new NotFoundError('Attribute');
      repos.attributes.remove(projectId, name);
    },
  };
}

/** Refuses a value that does not fit its attribute's type, naming both. Names come normalised. */
export function checkAttributeValues(
  repos: Repositories,
  projectId: string,
  attributes: Record<string, string>,
): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (repos.attributes.typeOf(projectId, name) === 'number' && !isNumeric(value)) {
      throw new BadRequestError(`"${name}" is a number attribute, and "${value}" is not a number`);
    }
  }
}
