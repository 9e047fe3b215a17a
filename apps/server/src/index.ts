// The server's programmatic face, for benchmarks and embedding; the HTTP API is the public contract.
export { createBankForgeApp, type BankForgeApp } from './app.js';
export { readServerConfig, type ServerConfig, type Dialect } from './platform/config/server-config.js';
export { Database, type SqlExecutor, type SqlValue } from './platform/database/database.js';
export { ArtifactsService } from './modules/artifacts/artifacts.service.js';
export { RecordsService, type RecordData, type RecordPage } from './modules/records/records.service.js';
export { ControlledFields } from './modules/records/controlled-fields.js';
export { SYSTEM_ACTOR, type Actor } from './modules/access/actor.js';
export type { RecordQuery } from './modules/records/record-query.js';
export { AuditLog, type AuditEvent, type AuditEntry, type SqlStatement } from './modules/audit/audit-log.js';
export { MetadataService } from './modules/metadata/metadata.service.js';
export { FieldCipher } from './platform/crypto/field-cipher.js';
export { FormCatalog } from './modules/forms/form-catalog.js';
export { DirectoryService } from './modules/auth/directory.service.js';
export { AppBundleService } from './modules/artifacts/app-bundle.service.js';
export { parseRoleDefinition } from './modules/access/role.js';
export { RecordOverviews } from './modules/record-overview/record-overview.service.js';
