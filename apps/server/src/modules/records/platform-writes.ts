import type { RecordOperation } from '../access/role.js';
import type { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

/**
 * Records of an entity the server writes itself (the flows' approval tasks) are read, exported and
 * reported on; whatever a role grants, nobody creates, changes, deletes or hands them over (403
 * `platformEntityReadOnly`).
 */
export function refusePlatformWrites(
  metadata: MetadataService,
  entityKey: string,
  operation: RecordOperation,
): void {
  if (operation === 'read' || operation === 'export' || !metadata.platformEntity(entityKey)) return;
  throw new ProblemError(
    403,
    'platformEntityReadOnly',
    `${entityKey} records are written by the server itself: they can be read, not changed.`,
    undefined,
    {
      operation,
      entity: entityKey,
      messageZh: `${entityKey} 记录由平台自动写入，只能查看，不能修改。`,
    },
  );
}
