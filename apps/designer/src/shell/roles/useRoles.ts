import { useApiClient } from '@bankforge/app-shell';
import type { ApiClient } from '@bankforge/client';
import { useEffect, useState } from 'react';

/** A role as a designer names it (an approver, who lists a dashboard): its key, and its name in each language. */
export interface BankRole {
  key: string;
  label: { en: string; 'zh-CN'?: string };
}

export type RolesState = { status: 'loading' } | { status: 'ready'; roles: readonly BankRole[] } | { status: 'failed' };

/** One request per signed-in client: every picker of every panel shares the answer. */
const asked = new WeakMap<ApiClient, Promise<readonly BankRole[]>>();

function rolesOf(api: ApiClient): Promise<readonly BankRole[]> {
  let answer = asked.get(api);
  if (answer === undefined) {
    answer = api.roles().then((roles) => roles.map(({ key, label }) => ({ key, label })).sort((a, b) => a.key.localeCompare(b.key)));
    // A failure is not kept: the next panel asks again.
    answer.catch(() => asked.delete(api));
    asked.set(api, answer);
  }
  return answer;
}

/** The bank's roles (`GET /api/auth/roles`: a designer sees their keys and names). */
export function useRoles(): RolesState {
  const api = useApiClient();
  const [state, setState] = useState<RolesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    rolesOf(api).then(
      (roles) => live && setState({ status: 'ready', roles }),
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
