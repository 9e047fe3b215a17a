import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from './config/server-config.js';
import { FieldCipher } from './crypto/field-cipher.js';
import { Database } from './database/database.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';

/**
 * What every module stands on: the open database, the field cipher and the server's configuration.
 * Global, so that a module lists only the bank's concepts it depends on.
 */
@Global()
@Module({})
export class PlatformModule {
  static with(database: Database, config: ServerConfig, cipher: FieldCipher): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: Database, useValue: database },
        { provide: FieldCipher, useValue: cipher },
        { provide: SERVER_CONFIG, useValue: config },
        IdempotencyStore,
      ],
      exports: [Database, FieldCipher, SERVER_CONFIG, IdempotencyStore],
    };
  }
}
