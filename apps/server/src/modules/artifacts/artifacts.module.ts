import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { AppBundleService } from './app-bundle.service.js';
import { ArtifactKindRegistry } from './artifact-kind-registry.js';
import { AppsController, ArtifactsController } from './artifacts.controller.js';
import { ArtifactsService } from './artifacts.service.js';
import { PublishedArtifacts } from './published-artifacts.js';

/** Artifacts of every registered kind: drafts, checks, publishing, versions, app bundles. */
@Module({
  imports: [MetadataModule, FormsModule, AuditModule],
  controllers: [ArtifactsController, AppsController],
  providers: [ArtifactKindRegistry, ArtifactsService, AppBundleService, PublishedArtifacts],
  exports: [ArtifactsService, AppBundleService, PublishedArtifacts],
})
export class ArtifactsModule {}
