import { Global, Module } from '@nestjs/common';
import { SessionResolver } from '../common/auth/session-resolver.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionService } from './session.service.js';

@Global()
@Module({
  controllers: [AuthController],
  providers: [SessionService, { provide: SessionResolver, useExisting: SessionService }, LoginThrottle, AuthService],
  exports: [SessionResolver, SessionService, LoginThrottle],
})
export class AuthModule {}
