# syntax=docker/dockerfile:1
# The GraphQL service. It needs a Neo4j 5: docker-compose.yml runs one beside it. At start it
# applies the schema migrations, loads seed/ (idempotent) and serves on PORT (4000).

# --- build: compile TypeScript and bundle the web pages with the dev dependencies -------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json codegen.ts ./
COPY src ./src
COPY schema ./schema
COPY web ./web
COPY docs/queries ./docs/queries
RUN npm run build

# --- runtime: production dependencies, compiled code, seed and schema files ------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY seed ./seed
COPY schema ./schema
# Neo4j Browser's style sheet and guide, served under /neo4j-browser
COPY neo4j/browser ./neo4j/browser

# Files stay owned by root: the service only reads them.
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --no-local-neo4j: never try to start the development Neo4j (scripts/neo4j.mjs) in a container.
CMD ["node", "dist/main.js", "--no-local-neo4j"]
