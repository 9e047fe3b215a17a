import type { RoleDefinition } from '@bankforge/client';
import { languageOf } from '@bankforge/app-shell';

/** A role as people call it, in the reader's language (English when it has no Chinese name). */
export function roleName(role: Pick<RoleDefinition, 'label'>, language: string): string {
  return languageOf(language) === 'zh-CN' ? role.label['zh-CN'] || role.label.en : role.label.en;
}

/** The names of role keys (a key no role has any more shows as itself). */
export function roleNames(keys: readonly string[], roles: readonly RoleDefinition[], language: string): string[] {
  return keys.map((key) => {
    const role = roles.find((r) => r.key === key);
    return role ? roleName(role, language) : key;
  });
}
