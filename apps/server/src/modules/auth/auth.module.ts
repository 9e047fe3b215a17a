import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SERVER_CONFIG, type ServerConfig } from '../../platform/config/server-config.js';
import { AuditModule } from '../audit/audit.module.js';
import { ApiKeyRateLimit } from './api-key-rate-limit.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { DirectoryService } from './directory.service.js';
import { LoginRateLimit } from './login-rate-limit.js';
import { SessionCookie } from './session-cookie.js';
import { UsersController } from './users.controller.js';

/** Users, roles, sessions and API keys; the guard every request passes. */
@Module({
  imports: [AuditModule],
  controllers: [AuthController, UsersController],
  providers: [
    { provide: LoginRateLimit, useFactory: (config: ServerConfig) => new LoginRateLimit(config.loginAttemptsPerMinute ?? 10), inject: [SERVER_CONFIG] },
    { provide: ApiKeyRateLimit, useFactory: (config: ServerConfig) => new ApiKeyRateLimit(config.apiKeyRatePerMinute), inject: [SERVER_CONFIG] },
    { provide: SessionCookie, useFactory: (config: ServerConfig) => new SessionCookie(config.secureCookies ?? false), inject: [SERVER_CONFIG] },
    DirectoryService,
    AuthService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [DirectoryService, AuthService],
})
export class AuthModule {}
