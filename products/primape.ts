/**
 * Primape — BearifiedCo's on-chain prediction game (real-time game server over WebSockets, blockchain settlement).
 * Plan: 000 (company Datadog plan), §Implementation by Product / Primape, plus the company-wide basic alerts.
 */
import { anomaly, browserJourney, gauge, healthCheck, serviceCheck, sslCheck } from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { BEARIFIEDCO_BASIC_ALERTS, BEARIFIEDCO_LOGS, BEARIFIEDCO_NOT_MONITORED } from "./bearifiedco";
import { COMPANY_ESCALATION } from "./defaults";

export const primape: ProductSpec = {
    key: "primape",
    displayName: "Primape",
    company: "BearifiedCo",
    description: "Real-time prediction game: players join games over WebSockets, predictions settle on-chain.",
    team: {
        handle: "primape",
        name: "Primape Team",
        email: "primape-team@bearified.co",
        slackChannel: "primape-alerts",
    },
    tier: 2,
    lifecycle: "production",
    plan: "000 Datadog Integration Plan (BearifiedCo) §Implementation by Product / Primape",
    surfaces: [
        {
            name: "api",
            kind: "api",
            service: "primape-api",
            language: "TypeScript",
            framework: "Next.js API routes (Node, Vercel)",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "api.primape.gg",
        },
        {
            name: "web",
            kind: "web",
            service: "primape-web",
            language: "TypeScript",
            framework: "Next.js",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "primape.gg",
        },
        {
            name: "game-server",
            kind: "websocket",
            service: "primape-game-server",
            language: "TypeScript",
            framework: "Node.js WebSocket server (Socket.IO)",
            sentryPlatform: "node",
            host: "game.primape.gg",
        },
        {
            name: "blockchain-sync",
            kind: "worker",
            service: "primape-blockchain-sync",
            language: "TypeScript",
            framework: "Node.js worker (chain indexer)",
            sentryPlatform: "node",
        },
    ],
    monitors: [
        ...BEARIFIEDCO_BASIC_ALERTS,
        // 000 §Primape / Alerts: Game server latency — no number in the plan; alert on deviation from the baseline
        // of the server-side message round-trip time (distribution metric, seconds).
        anomaly({
            id: "game-server-latency", surface: "game-server", severity: "P1", category: "latency", metric: "primape.game.message_latency", counter: false,
            direction: "above", title: "Game server latency above normal",
            whatHappened: "Game message round-trip latency on the game server deviates from its usual level; players see lag.",
            firstSteps: [
                "Check game-server CPU, load and event-loop lag per host", "Check the number of concurrent players and rooms per server against normal",
                "Check the prediction processing time; slow settlement calls block the game loop",
            ],
            source: "000 §Implementation by Product / Primape / Alerts (Game server latency); §Priority Metrics (Game performance)",
        }),
        // 000 §Primape / Alerts: WebSocket disconnections — no number in the plan; alert on unusual disconnect volume.
        anomaly({
            id: "websocket-disconnections", surface: "game-server", severity: "P1", category: "availability", metric: "primape.websocket.disconnections",
            direction: "above", title: "Unusual WebSocket disconnections",
            whatHappened: "WebSocket disconnections on the game server deviate from their usual volume; players are being dropped from games.",
            firstSteps: [
                "Break disconnections down by close code and host to tell server restarts from network drops",
                "Check for a game-server deployment or crash/restart at the same time", "Check the load balancer idle timeout and WebSocket upgrade errors",
            ],
            source: "000 §Implementation by Product / Primape / Alerts (WebSocket disconnections); §Priority Metrics (WebSocket stability)",
        }),
        // 000 §Primape / Alerts: Blockchain sync issues — the indexer process is down.
        serviceCheck({
            id: "blockchain-sync-down", surface: "blockchain-sync", severity: "P1", check: "process.up", filter: { process: "blockchain-sync" },
            title: "Blockchain sync worker down",
            whatHappened: "The blockchain sync worker is not running, so on-chain predictions and results stop being indexed.",
            firstSteps: [
                "Check the blockchain-sync logs for the crash reason", "Restart the worker and confirm the indexed block height advances",
                "Check the RPC provider's status and rate limits",
            ],
            source: "000 §Implementation by Product / Primape / Alerts (Blockchain sync issues)",
        }),
        // 000 §Primape / Alerts: Blockchain sync issues — the indexer is running but falling behind the chain head.
        anomaly({
            id: "blockchain-sync-lag", surface: "blockchain-sync", severity: "P1", category: "saturation",
            metric: { metric: "primape.blockchain.sync.lag_blocks", aggregation: "max" }, counter: false, direction: "above",
            title: "Blockchain sync falling behind",
            whatHappened: "The number of blocks between the chain head and the last indexed block deviates from normal; settlements are delayed.",
            firstSteps: [
                "Compare the indexed block height with the chain head from a block explorer", "Check RPC latency and error responses from the provider",
                "Check for a stuck block (reorg or malformed event) in the worker logs",
            ],
            source: "000 §Implementation by Product / Primape / Alerts (Blockchain sync issues); §Priority Metrics (Transaction throughput)",
        }),
        // 000 §Primape / Alerts: High server load — the plan gives no number; normalized load (load / cores) of 1.0
        // means every core is busy, 0.8 warns before that.
        gauge({
            id: "game-server-load", surface: "game-server", severity: "P2", metric: { metric: "system.load.norm.1", groupBy: ["host"] }, window: "10m",
            critical: 1, warning: 0.8, unit: "load per core", title: "Game server load high",
            whatHappened: "A game server host's load per CPU core stayed above its capacity over the last {window}.",
            firstSteps: [
                "Check concurrent players and rooms on the host against the others (unbalanced rooms)",
                "Check the game-server process CPU profile for a hot loop", "Scale out the game server pool if all hosts are loaded",
            ],
            source: "000 §Implementation by Product / Primape / Alerts (High server load); §Priority Metrics (Concurrent users)",
        }),
    ],
    slos: [
        {
            id: "api-availability",
            title: "Primape API availability",
            kind: "availability",
            surface: "api",
            target: 99.9,
            timeframes: ["30d", "7d"],
            good: { metric: "primape.requests.ok", aggregation: "sum", asCount: true },
            total: { metric: "primape.requests.total", aggregation: "sum", asCount: true },
            source: "000 §Success Metrics / Month 3 Goals (99.9% uptime achieved)",
        },
        {
            id: "api-latency",
            title: "Primape API requests under 3 s",
            kind: "latency",
            surface: "api",
            target: 95,
            timeframes: ["30d", "7d"],
            good: { metric: "primape.requests.fast", aggregation: "sum", asCount: true },
            total: { metric: "primape.requests.total", aggregation: "sum", asCount: true },
            source: "000 §Phase 1 / Basic Alerting (Slow response times >3s)",
        },
    ],
    logs: BEARIFIEDCO_LOGS,
    synthetics: [
        healthCheck({
            title: "Primape API health endpoint", surface: "api", path: "/api/health", maxResponseMs: 3000,
            source: "000 §Phase 3 / Synthetic Monitoring (API endpoint checks, Global availability)",
        }),
        healthCheck({
            title: "Game server health endpoint", surface: "game-server", path: "/health", severity: "P1", maxResponseMs: 3000,
            source: "000 §Phase 3 / Synthetic Monitoring (API endpoint checks); §Primape Priority Metrics (WebSocket stability)",
        }),
        sslCheck({ surface: "web", host: "primape.gg", source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics" }),
        sslCheck({ surface: "api", host: "api.primape.gg", source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics" }),
        sslCheck({ surface: "game-server", host: "game.primape.gg", source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics" }),
        {
            id: "prediction-flow",
            title: "Log in, list games and place a prediction",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "10m",
            needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test player",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: "{\"email\":\"{{ PRIMAPE_TEST_USER }}\",\"password\":\"{{ PRIMAPE_TEST_PASSWORD }}\"}",
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "List active games",
                    method: "GET",
                    path: "/api/games?status=active",
                    expectStatus: 200,
                },
                {
                    name: "Place a prediction in the synthetic test market",
                    method: "POST",
                    path: "/api/markets/synthetic-test/predictions",
                    expectStatus: 201,
                    body: "{\"outcome\":\"yes\",\"amount\":0}",
                },
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (Multi-step transactions); §Primape Priority Metrics (Prediction processing time)",
        },
        browserJourney({
            id: "game-lobby-journey",
            title: "Open the game lobby and join a game in a browser",
            surface: "web",
            severity: "P2",
            frequency: "15m",
            path: "/",
            needsLogin: true,
            journey: [
                "Log in with the synthetic test player",
                "Open the game lobby and verify live games are listed",
                "Join the synthetic test game and verify the live game board connects (WebSocket status shows connected)",
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (User flow testing)",
        }),
    ],
    security: [
        {
            id: "failed-auth-spike",
            title: "Failed login spike from one IP",
            severity: "P1",
            search: "service:primape-api @evt.name:authentication @evt.outcome:failure",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Failed auth attempts)",
        },
        {
            id: "rate-limit-violations",
            title: "Rate limit violations from one IP",
            severity: "P2",
            search: "service:primape-api @http.status_code:429",
            groupBy: ["@network.client.ip"],
            threshold: 50,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Rate limit violations)",
        },
        {
            id: "api-abuse",
            title: "API abuse: request flood from one IP",
            severity: "P2",
            search: "service:primape-api @http.url_details.path:\\/api\\/*",
            groupBy: ["@network.client.ip"],
            threshold: 3000,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (API abuse detection)",
        },
        {
            id: "websocket-connection-flood",
            title: "WebSocket connection flood from one IP",
            severity: "P2",
            search: "service:primape-game-server @evt.name:websocket_connect",
            groupBy: ["@network.client.ip"],
            threshold: 200,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (API abuse detection)",
        },
        {
            id: "prediction-bot",
            title: "Suspicious prediction volume from one account (bot)",
            severity: "P2",
            search: "service:primape-api @evt.name:prediction_placed",
            groupBy: ["@usr.id"],
            threshold: 200,
            window: "10m",
            source: "000 §Phase 3 / Security Monitoring (Suspicious activities)",
        },
    ],
    escalation: COMPANY_ESCALATION,
    notMonitored: [
        ...BEARIFIEDCO_NOT_MONITORED,
        {
            item: "Synthetic WebSocket test of the game server",
            reason: "The spec's synthetic kinds are api, ssl, multistep and browser; the game server is covered by its HTTP health check, the browser journey that joins a game, and the disconnection monitor",
            source: "000 §Phase 3 / Synthetic Monitoring; §Primape Priority Metrics (WebSocket stability)",
        },
        {
            item: "Concurrent users, transaction throughput",
            reason: "Priority metrics for dashboards and capacity planning; the plan sets no alert threshold",
            source: "000 §Implementation by Product / Primape / Priority Metrics",
        },
    ],
};
