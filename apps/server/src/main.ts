import { readServerConfig } from './platform/config/server-config.js';
import { createBankForgeApp } from './app.js';
import { loadExample } from './modules/example/example-loader.js';

const config = readServerConfig();
const { app, database, logger } = await createBankForgeApp(config);
// The example's demo people sign in with the operator's password, or one made and printed once.
if (config.example) await loadExample(app, database, config.example, logger, config.demoPassword ?? 'generate');
await app.listen(config.port, config.host);
logger.info({ url: `http://${config.host}:${config.port}/api`, database: database.dialect }, 'BankForge server listening');
