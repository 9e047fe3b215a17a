import { Worker } from 'node:worker_threads';
import type { ImportRow } from '../import-rows.js';
import { problemOf, type PreparationAnswer, type RowPreparationPlan } from './row-preparation-plan.js';

/**
 * The worker thread's module: the built JavaScript beside this one or, where the server runs from
 * its sources (the tests), the TypeScript through tsx's loader, which a worker's entry must
 * register itself (Node 20 applies `--import` hooks only after loading the entry).
 */
const fromSources = import.meta.url.endsWith('.ts');
const workerEntry = (): URL | string =>
  fromSources
    ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./row-preparation.worker.ts', import.meta.url).href)}); });`
    : new URL('./row-preparation.worker.js', import.meta.url);

/**
 * A run's rows read and prepared in a worker thread (parsing, mapping, a create's checks and
 * encryption are most of an import's work and all of it pure), so the main thread only matches
 * and writes: `next` answers the next batch, empty at the end of the file. The worker prepares a
 * batch when asked, so asking for the next right after receiving one keeps it a batch ahead.
 */
export class RowPreparer {
  private readonly worker: Worker;
  private waiting: { resolve: (rows: ImportRow[]) => void; reject: (error: Error) => void } | undefined;
  private broken: Error | undefined;

  constructor(plan: RowPreparationPlan) {
    this.worker = new Worker(workerEntry(), {
      workerData: plan,
      eval: fromSources,
      // No resourceLimits: the server's --max-semi-space-size is a V8 flag of the whole process, and it
      // sizes this thread's young generation whatever a worker's limits say.
    });
    this.worker.on('message', (answer: PreparationAnswer) => {
      const waiting = this.take();
      if ('rows' in answer) waiting?.resolve(answer.rows.map((row) => (row.create && 'refused' in row.create ? { ...row, create: problemOf(row.create.refused) } : (row as ImportRow))));
      else waiting?.reject('system' in answer.failed ? new Error(`The import's rows could not be read (${answer.failed.system}).`) : problemOf(answer.failed));
    });
    this.worker.on('error', (error) => this.fail(new Error(`The import's row preparation stopped (${error.name}).`)));
    this.worker.on('exit', () => this.fail(new Error("The import's row preparation ended.")));
  }

  /** The next batch of rows, each with its create prepared when the run creates. */
  next(): Promise<ImportRow[]> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.waiting) return Promise.reject(new Error('a batch is already being prepared'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage('next');
    });
  }

  async close(): Promise<void> {
    this.broken ??= new Error('closed');
    await this.worker.terminate();
  }

  private take(): RowPreparer['waiting'] {
    const waiting = this.waiting;
    this.waiting = undefined;
    return waiting;
  }

  private fail(error: Error): void {
    this.broken ??= error;
    this.take()?.reject(this.broken);
  }
}

