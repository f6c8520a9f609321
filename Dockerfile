# syntax=docker/dockerfile:1
# Multi-stage build: `build` compiles everything, `deps` installs production dependencies only,
# `runtime` gets the compiled output and those dependencies and nothing else.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is cached until they change.
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
# --ignore-scripts: Prisma's postinstall would try to download a native engine that nothing here
# needs (the client runs on wasm), and embedded PostgreSQL is not used in a container.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate \
 && npm run build

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
# Only the server's and contracts' runtime dependencies; the client ships as static files.
RUN npm ci --ignore-scripts --no-audit --no-fund --omit=dev --workspace=server --workspace=contracts \
 && npm cache clean --force

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# Manifests and node_modules (root and per-workspace) of the production install.
COPY --from=deps /app ./
COPY --from=build /app/contracts/dist ./contracts/dist
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/client/dist ./client/dist
COPY prisma/migrations ./prisma/migrations
COPY prisma/reference ./prisma/reference
# The application files stay owned by root and read-only for the process; it only needs the network.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/dist/main.js"]
