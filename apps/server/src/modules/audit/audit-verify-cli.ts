import { readServerConfig } from '../../platform/config/server-config.js';
import { runAuditVerify } from './audit-verify-command.js';

process.exitCode = await runAuditVerify(readServerConfig(), (line) => console.log(line));
