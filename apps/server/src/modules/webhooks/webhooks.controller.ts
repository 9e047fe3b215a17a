import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookDelivery, WebhookDeliveryPage, WebhookSubscription, WebhookSubscriptionWithSecret } from '@bankforge/client';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { CurrentActor, requireAdmin } from '../auth/auth.guard.js';
import { WebhookDeliveryLog } from './webhook-delivery-log.js';
import { parseDeliveryQuery, parseWebhookChange, parseWebhookCreate, webhookChangeSchema, webhookCreateSchema, WEBHOOK_KEY } from './webhook-request.js';
import { WebhookStore, webhookNotFound } from './webhook-store.js';

const KEY = new RegExp(WEBHOOK_KEY);

/** A subscription's key in a path: anything else names none (404, as an unknown key does). */
function webhookKey(key: string): string {
  if (!KEY.test(key)) throw webhookNotFound(key);
  return key;
}

function deliveryId(id: string): string {
  if (!/^msg_[A-Za-z0-9-]{1,60}$/.test(id)) throw ProblemError.notFound('webhookDeliveryNotFound', `There is no webhook delivery ${id.slice(0, 64)}.`);
  return id;
}

/**
 * Administrators subscribe other systems to domain events, rotate and re-enable them, and read and
 * replay their deliveries. A secret is answered only by create and rotate; every change is audited without it.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    @Inject(WebhookStore) private readonly store: WebhookStore,
    @Inject(WebhookDeliveryLog) private readonly log: WebhookDeliveryLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Administrators: list webhook subscriptions (never a secret)' })
  list(@CurrentActor() actor: Actor): Promise<WebhookSubscription[]> {
    requireAdmin(actor);
    return this.store.list();
  }

  @Post()
  @ApiOperation({ summary: 'Administrators: subscribe a URL to event types, with an optional FEEL filter; answers the signing secret, this once' })
  @ApiBody({ schema: webhookCreateSchema })
  create(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<WebhookSubscriptionWithSecret> {
    requireAdmin(actor);
    return this.store.create(parseWebhookCreate(body ?? {}), actor);
  }

  // Before `:key` routes of the same shape.
  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: send a delivery again now, with the same webhook-id (audited)' })
  replay(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<WebhookDelivery> {
    requireAdmin(actor);
    return this.log.replay(deliveryId(id), actor);
  }

  @Get(':key')
  @ApiOperation({ summary: 'Administrators: one webhook subscription' })
  get(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<WebhookSubscription> {
    requireAdmin(actor);
    return this.store.get(webhookKey(key));
  }

  @Put(':key')
  @ApiOperation({ summary: 'Administrators: change a subscription at its version (stale: 409); its secret stays' })
  @ApiBody({ schema: webhookChangeSchema })
  update(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: unknown): Promise<WebhookSubscription> {
    requireAdmin(actor);
    return this.store.update(webhookKey(key), parseWebhookChange(body ?? {}), actor);
  }

  @Delete(':key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Administrators: delete a subscription and its delivery log (audited)' })
  async remove(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<void> {
    requireAdmin(actor);
    await this.store.remove(webhookKey(key), actor);
  }

  @Post(':key/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: a new signing secret, answered this once; the previous one signs beside it for 24 hours' })
  rotate(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<WebhookSubscriptionWithSecret> {
    requireAdmin(actor);
    return this.store.rotateSecret(webhookKey(key), actor);
  }

  @Post(':key/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: enable a subscription the platform disabled after persistent failure' })
  enable(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<WebhookSubscription> {
    requireAdmin(actor);
    return this.store.enable(webhookKey(key), actor);
  }

  @Get(':key/deliveries')
  @ApiOperation({ summary: 'Administrators: the subscription\'s deliveries, newest first (`state`, `limit` up to 200)' })
  deliveries(@CurrentActor() actor: Actor, @Param('key') key: string, @Query('state') state?: string, @Query('limit') limit?: string): Promise<WebhookDeliveryPage> {
    requireAdmin(actor);
    return this.log.list(webhookKey(key), parseDeliveryQuery(state, limit));
  }
}
