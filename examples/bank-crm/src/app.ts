import type { EntityDefinition } from '@bankforge/form-engine';
import { bankCrmEntities } from './entities/index.js';

/** A reference from an app to one of its artifacts. */
export interface AppArtifactRef {
  kind: 'entity';
  key: string;
}

/** The `app` artifact: a named bundle of artifacts an analyst publishes together. */
export interface AppDefinition {
  kind: 'app';
  key: string;
  title: string;
  label: EntityDefinition['label'];
  description?: string;
  artifacts: AppArtifactRef[];
}

/** The bank CRM app: its entities, referenced ones first. */
export const bankCrmApp: AppDefinition = {
  kind: 'app',
  key: 'bank_crm',
  title: 'Bank CRM',
  label: { en: 'Bank CRM', 'zh-CN': '银行客户关系管理' },
  description: 'Retail and corporate customers, their accounts, loan applications and sales opportunities.',
  artifacts: bankCrmEntities.map((entity) => ({ kind: 'entity', key: entity.key })),
};
