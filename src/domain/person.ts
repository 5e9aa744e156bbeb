import type { Checked, Violation } from './checked';
import { keyOfName } from './names';
import type { RoleStatus } from './vocabulary';

/** A role as a fact-checker records it; an independent analyst's role has no organisation. */
export interface RoleDraft {
  title: string;
  organizationKey: string | null;
  status: RoleStatus;
  from: string | null;
  to: string | null;
}

export interface PersonDraft {
  name: string;
  description: string | null;
  sameAs: string[];
  roles: RoleDraft[];
}

export interface NewPerson extends Omit<PersonDraft, 'roles'> {
  key: string;
  roles: (RoleDraft & { key: string })[];
}

/**
 * A new person: an id from the name, and roles with ids of their own ("<person>/<title>-<org>"),
 * each a title, a status and, when both dates are known, a start before its end.
 */
export function newPerson(draft: PersonDraft): Checked<NewPerson> {
  const key = keyOfName(draft.name);
  const violations: Violation[] = [];
  if (key === '') violations.push({ field: 'name', message: 'must contain a letter or a digit' });
  const roles = draft.roles.map((role, index) => {
    const title = keyOfName(role.title);
    if (title === '') violations.push({ field: `roles[${index}].title`, message: 'must contain a letter or a digit' });
    if (role.from !== null && role.to !== null && role.from > role.to) {
      violations.push({ field: `roles[${index}].to`, message: 'must not be before "from"' });
    }
    return { ...role, key: `${key}/${title}${role.organizationKey ? `-${role.organizationKey}` : ''}` };
  });
  const keys = roles.map((role) => role.key);
  keys.forEach((roleKey, index) => {
    if (keys.indexOf(roleKey) !== index) {
      violations.push({
        field: `roles[${index}]`,
        message: 'must not repeat a role with the same title and organization',
      });
    }
  });
  return violations.length > 0 ? { ok: false, violations } : { ok: true, value: { ...draft, key, roles } };
}
