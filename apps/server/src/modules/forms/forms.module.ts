import { Module } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from '../../platform/config/server-config.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { FeelBudget } from './feel-budget.js';
import { FormCatalog } from './form-catalog.js';

/** Published forms, compiled once, and the FEEL budget their rules run under. */
@Module({
  imports: [MetadataModule],
  providers: [{ provide: FeelBudget, useFactory: (config: ServerConfig) => FeelBudget.of(config), inject: [SERVER_CONFIG] }, FormCatalog],
  exports: [FormCatalog, FeelBudget],
})
export class FormsModule {}
