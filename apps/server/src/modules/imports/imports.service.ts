import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { ImportJob, ImportMode, ImportSettings } from '@bankforge/client';
import { SERVER_CONFIG, type ServerConfig } from '../../platform/config/server-config.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { RecordsService } from '../records/records.service.js';
import { importDirectory, maxImportBytes, readHeader, receiveFile, uploadFormat } from './import-file.js';
import { proposeMapping } from './import-mapping.js';
import { ImportRunner } from './import-runner.js';
import { checkSettings, requiredNotMapped } from './import-settings.js';
import { ImportStore, jobOf } from './import-store.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

const ENTITY_KEY = /^[a-z][a-z0-9_]{0,63}$/;

/** Upload, mapping and the start of runs; the runs themselves are the runner's. */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(ImportStore) private readonly store: ImportStore,
    @Inject(ImportRunner) private readonly runner: ImportRunner,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  /**
   * The importer's view of the entity: a person or an integration's API key (a background run acts
   * as them) whose roles grant `import` on it, a key's also its scope. Not the server itself: a
   * job belongs to whoever uploaded it.
   */
  private async importView(entity: string, actor: Actor) {
    if (!ENTITY_KEY.test(entity)) throw ProblemError.notFound('entityNotFound', `There is no entity ${entity.slice(0, 64)}.`);
    if (actor.userId === null) throw new ProblemError(403, 'importNeedsImporter', 'Imports are run by a person or an API key: their background run acts with their rights.');
    return this.records.viewFor(entity, actor, 'import');
  }

  /** Streams the file to disk (never whole in memory), reads its header and proposes a mapping. */
  async upload(entity: string, fileName: string, contentType: string | undefined, declaredLength: number | undefined, body: Readable, actor: Actor): Promise<ImportJob> {
    const view = await this.importView(entity, actor);
    const name = fileName.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'import';
    const format = uploadFormat(contentType, name);
    if (!format) throw new ProblemError(415, 'unsupportedImportFormat', 'Send a CSV (text/csv) or XLSX file.');
    const max = maxImportBytes();
    if (declaredLength !== undefined && declaredLength > max) throw new ProblemError(413, 'importTooLarge', `An import file may hold at most ${max} bytes.`);
    const id = timeOrderedId();
    const file = `${id}.${format}`;
    const path = join(importDirectory(this.config.dataDir), file);
    const size = await receiveFile(body, path, max);
    const headers = await readHeader(path, format);
    return this.store.create({ id, entity: view.model.key, filePath: file, fileName: name, format, sizeBytes: size, columns: proposeMapping(headers, view.model.definition.fields) }, actor);
  }

  async saveSettings(id: string, settings: ImportSettings, actor: Actor): Promise<ImportJob> {
    const job = jobOf(await this.store.row(id, actor));
    await this.importView(job.entity, actor);
    const writing = await this.records.viewFor(job.entity, actor, settings.match.onNew === 'create' ? 'create' : 'update');
    const checked = checkSettings(settings, job.columns, writing.model, writing);
    return this.store.saveSettings(id, checked.columns, checked.match, actor);
  }

  /** Queues a dry run or the committed run; the runner takes it at once on this replica (or any other). */
  async start(id: string, mode: ImportMode, actor: Actor): Promise<ImportJob> {
    const job = jobOf(await this.store.row(id, actor));
    await this.importView(job.entity, actor);
    if (job.match?.onNew === 'create') {
      // Checked again at the start: a field may have been made required since the mapping was saved.
      const creating = await this.records.viewFor(job.entity, actor, 'create');
      const missing = requiredNotMapped(creating.model, new Set(job.columns.flatMap((c) => (c.field === null ? [] : [c.field]))));
      if (missing.length > 0) throw ProblemError.invalid('The import mapping is not valid.', missing, 'invalidImportSettings');
    }
    if (job.match?.onMatch === 'update') await this.records.viewFor(job.entity, actor, 'update');
    const queued = await this.store.queue(id, mode, actor);
    this.runner.nudge();
    return queued;
  }
}
