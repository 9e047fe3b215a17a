// The server's programmatic face, for benchmarks and embedding; the HTTP API is the public contract.
export { createBankForgeApp, type BankForgeApp } from './app.js';
export { readServerConfig, type ServerConfig, type Dialect } from './config/server-config.js';
export { Database, type SqlExecutor, type SqlValue } from './database/database.js';
export { ArtifactsService } from './artifacts/artifacts.service.js';
export { RecordsService, type RecordData, type RecordPage } from './records/records.service.js';
export { SYSTEM_ACTOR, type Actor } from './access/actor.js';
export type { RecordQuery, RecordFilter } from './records/record-query.js';
export { AuditLog, type AuditEvent, type AuditEntry, type SqlStatement } from './audit/audit-log.js';
export { MetadataService } from './metadata/metadata.service.js';
export { FieldCipher } from './crypto/field-cipher.js';
export { FormCatalog } from './forms/form-catalog.js';
export { DirectoryService } from './auth/directory.service.js';
