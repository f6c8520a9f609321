import { RequestMethod, type INestApplicationContext, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { Permission } from '@mprc/contracts';
import { PERMISSION_KEY, PUBLIC_KEY } from '../auth/access.decorators.js';
import { API_DOC, type ApiDocOptions } from './api-doc.js';
import { DOC_SCHEMAS, type DocSchemas } from './zod-pipe.js';

export const API_PREFIX = 'api';

export interface RouteInfo {
  method: string;
  /** Full path with Nest-style params, e.g. /api/v1/cases/:id */
  path: string;
  controller: string;
  handler: string;
  permission?: Permission;
  isPublic: boolean;
  doc?: ApiDocOptions;
  schemas: DocSchemas;
}

const join = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

/** Every HTTP route of the application, with its declared access and documentation. */
export function listRoutes(source: INestApplicationContext | ModulesContainer): RouteInfo[] {
  const container = source instanceof ModulesContainer ? source : source.get(ModulesContainer);
  const routes: RouteInfo[] = [];
  for (const module of container.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const classPermission = Reflect.getMetadata(PERMISSION_KEY, controller) as Permission | undefined;
      const classPublic = Reflect.getMetadata(PUBLIC_KEY, controller) === true;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || paths === undefined) continue;
        for (const b of [base].flat()) {
          for (const p of [paths].flat()) {
            routes.push({
              method: RequestMethod[method],
              path: join(API_PREFIX, b, p),
              controller: controller.name,
              handler: name,
              permission: (Reflect.getMetadata(PERMISSION_KEY, handler) as Permission | undefined) ?? classPermission,
              isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) === true || classPublic,
              doc: Reflect.getMetadata(API_DOC, handler) as ApiDocOptions | undefined,
              schemas: (Reflect.getMetadata(DOC_SCHEMAS, handler) as DocSchemas | undefined) ?? {},
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
