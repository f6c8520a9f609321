import { Controller, Get, Header } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Public } from '../auth/access.decorators.js';
import { ApiDoc } from '../http/api-doc.js';
import { listRoutes } from '../http/route-inventory.js';
import { buildOpenApiDocument } from './openapi.js';

// Swagger UI's own assets are served from /api/docs/assets (see create-app.ts); the page and its
// start script are separate files so the CSP needs no inline script.
const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API documentation: Missing Persons Resource Center</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

@Controller()
export class OpenApiController {
  private document?: Record<string, unknown>;

  constructor(private readonly modules: ModulesContainer) {}

  @Get('openapi.json')
  @Public()
  @ApiDoc({ summary: 'This API described in OpenAPI 3', tags: ['system'] })
  openapi(): Record<string, unknown> {
    this.document ??= buildOpenApiDocument(listRoutes(this.modules));
    return this.document;
  }

  @Get('docs')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiDoc({ summary: 'Interactive API documentation', produces: ['text/html'], tags: ['system'] })
  docs(): string {
    return DOCS_HTML;
  }

  @Get('docs/init.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @ApiDoc({ summary: 'Start script of the documentation page', produces: ['text/javascript'], tags: ['system'] })
  docsInit(): string {
    return DOCS_INIT;
  }
}
