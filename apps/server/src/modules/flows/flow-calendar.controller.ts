import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { FlowContextLoader, type PublishedCalendar } from './flow-context.js';

/**
 * The business calendar the server counts business-time durations on (`BANKFORGE_CALENDAR`, else
 * `cn_mainland`, else the one published calendar). The flow designer's simulation reads it so that
 * "3 business days" falls where the server's timers would; which calendar that is depends on the
 * server's setting, which the designer cannot see. Read-only: for those who design flows.
 */
@ApiTags('flows')
@Controller('flows')
export class FlowCalendarController {
  constructor(@Inject(FlowContextLoader) private readonly contexts: FlowContextLoader) {}

  @Get('calendar')
  @ApiOperation({ summary: "The business calendar flows count business time on (its key, latest published version and document); for flow designers; 404 noBusinessCalendar when none is published (durations then count in calendar time)" })
  async calendar(@CurrentActor() actor: Actor): Promise<PublishedCalendar> {
    if (!actor.access.canDesign('flow', 'edit') && !actor.access.canDesign('flow', 'publish')) {
      throw new ProblemError(403, 'forbidden', 'Your roles do not allow you to design flows, which is what the business calendar is read for here.');
    }
    const calendar = await this.contexts.publishedCalendar();
    if (calendar === undefined) throw ProblemError.notFound('noBusinessCalendar', 'No business calendar is published: business-time durations count in calendar time.');
    return calendar;
  }
}
