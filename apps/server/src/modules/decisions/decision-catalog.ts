import { Inject, Injectable } from '@nestjs/common';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { CompiledDecision, type PublishedDecision } from './compiled-decision.js';

/**
 * The published decisions, compiled once per version: the one place the server compiles a decision
 * to evaluate it (the API, flows' decision steps, backtests). Which version is the latest is
 * re-checked after a second, as for every published artifact; a version never changes.
 */
@Injectable()
export class DecisionCatalog {
  private readonly compiled = new Map<string, PublishedDecision>();

  constructor(@Inject(PublishedArtifacts) private readonly published: PublishedArtifacts) {}

  /** The latest published version of a decision; undefined when it has none. */
  async latestVersion(key: string): Promise<number | undefined> {
    return (await this.published.latest<DecisionArtifact>('decision')).get(key)?.version;
  }

  /**
   * A published version (the latest when none is named), compiled; undefined when there is none.
   * It reads the database on a miss: call it before a transaction, never inside one.
   */
  async decision(key: string, version?: number): Promise<PublishedDecision | undefined> {
    const chosen = version ?? (await this.latestVersion(key));
    if (chosen === undefined) return undefined;
    const id = `${key}@${chosen}`;
    const cached = this.compiled.get(id);
    if (cached) return cached;
    const artifact = await this.published.version<DecisionArtifact>('decision', key, chosen);
    if (!artifact) return undefined;
    const compiled = new CompiledDecision(key, chosen, artifact);
    this.compiled.set(id, compiled);
    return compiled;
  }
}
