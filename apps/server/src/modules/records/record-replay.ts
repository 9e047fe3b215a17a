import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import type { AnswerRereader } from '../../platform/idempotency/replay-policy.js';
import { parseEntity, parseForm, parseId } from './record-params.js';
import { RecordsService } from './records.service.js';

/**
 * A repeated record write (create, update, delete, restore) is answered with the record read
 * again, exactly as `GET /api/records/{entity}/{id}?includeDeleted=true&form=…` would answer this
 * caller now: their current field rules and scope apply, a sensitive read is audited, and a record
 * they can no longer read is 403 or 404. Only the record's id is kept for it.
 */
@Injectable()
export class RecordReplay implements AnswerRereader {
  constructor(@Inject(RecordsService) private readonly records: RecordsService) {}

  locate(answer: unknown): string | undefined {
    const id = typeof answer === 'object' && answer !== null ? (answer as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : undefined;
  }

  reread(request: Request, actor: Actor, id: string): Promise<unknown> {
    const form = request.query.form;
    return this.records.read(parseEntity(String(request.params.entity)), parseId(id), true, actor, parseForm(typeof form === 'string' ? form : undefined));
  }
}
