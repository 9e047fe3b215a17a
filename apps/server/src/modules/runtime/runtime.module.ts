import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RuntimeController } from './runtime.controller.js';
import { RuntimeService } from './runtime.service.js';

/** What the runtime app shows a signed-in user: their apps, pages, forms and field access. */
@Module({ imports: [ArtifactsModule, MetadataModule, FormsModule], controllers: [RuntimeController], providers: [RuntimeService] })
export class RuntimeModule {}
