import { Controller, Get, Res } from '@nestjs/common';
import { HealthResponseSchema, ReadyResponseSchema, type HealthResponse, type ReadyResponse } from '@mprc/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { HealthService } from './health.service.js';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @Public()
  @ApiDoc({ summary: 'The process is alive', response: HealthResponseSchema, tags: ['system'] })
  live(): HealthResponse {
    return this.health.live();
  }

  @Get('ready')
  @Public()
  @ApiDoc({
    summary: 'The database is reachable and migrated (503 otherwise)',
    response: ReadyResponseSchema,
    tags: ['system'],
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyResponse> {
    const result = await this.health.ready();
    void reply.status(result.status === 'ready' ? 200 : 503);
    return result;
  }
}
