import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export const API_DOC = 'mprc:api-doc';
export interface ApiDocOptions {
  summary: string;
  description?: string;
  /** Response body schema for the success status. */
  response?: z.ZodType;
  /** Success status; defaults to 201 for POST, 200 otherwise. */
  status?: number;
  /** Non-JSON success responses (files). */
  produces?: string[];
  tags?: string[];
}

/** Documents a route in OpenAPI; request schemas come from @ZBody/@ZQuery/@ZParam. */
export const ApiDoc = (options: ApiDocOptions) => SetMetadata(API_DOC, options);
