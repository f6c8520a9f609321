import { Controller, Get, Patch, Post } from '@nestjs/common';
import {
  CreateUserRequestSchema,
  ListUsersQuerySchema,
  ResetCodeResponseSchema,
  UpdateUserRequestSchema,
  UserPageSchema,
  UserResponseSchema,
  UuidSchema,
  type CreateUserRequest,
  type ListUsersQuery,
  type Page,
  type ResetCodeResponse,
  type UpdateUserRequest,
  type UserResponse,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam, ZQuery } from '../common/http/zod-pipe.js';
import { UsersService } from './users.service.js';

@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('user.read')
  @ApiDoc({ summary: 'List staff accounts', response: UserPageSchema, tags: ['users'] })
  list(@ZQuery(ListUsersQuerySchema) query: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(query);
  }

  @Post()
  @RequirePermission('user.manage')
  @ApiDoc({ summary: 'Create a staff account', response: UserResponseSchema, tags: ['users'] })
  create(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZBody(CreateUserRequestSchema) body: CreateUserRequest,
  ): Promise<UserResponse> {
    return this.users.create(actor, meta, body);
  }

  @Get(':id')
  @RequirePermission('user.read')
  @ApiDoc({ summary: 'One staff account', response: UserResponseSchema, tags: ['users'] })
  get(@ZParam('id', UuidSchema) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Patch(':id')
  @RequirePermission('user.manage')
  @ApiDoc({
    summary: 'Change name, role or office; deactivate (sessions end at once) or reactivate',
    response: UserResponseSchema,
    tags: ['users'],
  })
  update(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZBody(UpdateUserRequestSchema) body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return this.users.update(actor, meta, id, body);
  }

  @Post(':id/reset-code')
  @RequirePermission('user.manage')
  @ApiDoc({
    summary: 'Issue a one-time password reset code (valid 24 hours)',
    response: ResetCodeResponseSchema,
    tags: ['users'],
  })
  resetCode(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
  ): Promise<ResetCodeResponse> {
    return this.users.issueResetCode(actor, meta, id);
  }
}
