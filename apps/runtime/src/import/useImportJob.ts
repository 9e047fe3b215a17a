import { useEffect, useState } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, ImportJob, ImportProblemPage } from '@bankforge/client';

const POLL_MS = 700;

/** The job as the server reports it, read again while it is queued or running; its problems once it stops. */
export function useImportJob(initial: ImportJob | undefined): {
  job: ImportJob | undefined;
  problems: ImportProblemPage | undefined;
  error: ApiProblem | undefined;
  follow: (job: ImportJob) => void;
  /** Forgets the job: the page starts a new import. */
  clear: () => void;
} {
  const api = useApiClient();
  const [job, setJob] = useState(initial);
  const [problems, setProblems] = useState<ImportProblemPage>();
  const [error, setError] = useState<ApiProblem>();
  const active = job?.status === 'queued' || job?.status === 'running' || job?.status === 'rollingBack';

  useEffect(() => {
    if (!job || !active) return;
    let current = true;
    const timer = setTimeout(() => {
      api.importJob(job.id).then(
        (next) => current && setJob(next),
        (failure: unknown) => current && setError(asProblem(failure)),
      );
    }, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, job, active]);

  const finished = job !== undefined && !active && job.mode !== null;
  const id = job?.id;
  const mode = job?.mode;
  useEffect(() => {
    if (!finished || !id) return;
    let current = true;
    api.importProblems(id, { limit: 200 }).then(
      (page) => current && setProblems(page),
      (failure: unknown) => current && setError(asProblem(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, finished, id, mode]);

  return {
    job,
    problems: finished ? problems : undefined,
    error,
    follow: (next) => {
      setProblems(undefined);
      setError(undefined);
      setJob(next);
    },
    clear: () => {
      setProblems(undefined);
      setError(undefined);
      setJob(undefined);
    },
  };
}
