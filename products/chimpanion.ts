/**
 * Chimpanion — BearifiedCo's AI assistant that acts on the user's crypto wallet.
 * Plan: 000 (company Datadog plan), §Implementation by Product / Chimpanion, plus the company-wide basic alerts.
 */
import { anomaly, browserJourney, eventCount, healthCheck, sslCheck } from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { BEARIFIEDCO_BASIC_ALERTS, BEARIFIEDCO_LOGS, BEARIFIEDCO_NOT_MONITORED, bearifiedcoApiSlos } from "./bearifiedco";
import { COMPANY_ESCALATION } from "./defaults";

export const chimpanion: ProductSpec = {
    key: "chimpanion",
    displayName: "Chimpanion",
    company: "BearifiedCo",
    description: "AI companion that answers questions and prepares wallet interactions; depends on an LLM API and wallet connections.",
    team: {
        handle: "chimpanion",
        name: "Chimpanion Team",
        email: "chimpanion-team@bearified.co",
        slackChannel: "chimpanion-alerts",
    },
    tier: 2,
    lifecycle: "production",
    plan: "000 Datadog Integration Plan (BearifiedCo) §Implementation by Product / Chimpanion",
    surfaces: [
        {
            name: "api",
            kind: "api",
            service: "chimpanion-api",
            language: "TypeScript",
            framework: "Next.js API routes (Node, Vercel)",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "api.chimpanion.ai",
        },
        {
            name: "web",
            kind: "web",
            service: "chimpanion-web",
            language: "TypeScript",
            framework: "Next.js",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "chimpanion.ai",
        },
        {
            name: "ai-worker",
            kind: "worker",
            service: "chimpanion-ai-worker",
            language: "Python",
            framework: "Python worker (OpenAI SDK, dd-trace openai integration)",
            sentryPlatform: "python",
        },
    ],
    monitors: [
        ...BEARIFIEDCO_BASIC_ALERTS,
        // 000 §Chimpanion / Alerts: AI service timeout — any LLM call hitting its client timeout fails a user request.
        // The plan gives no number: a count floor of 3 in the window (a single slow prompt is retried by the user), counted
        // in default_zero so the monitor recovers once timeouts stop.
        eventCount({
            id: "ai-service-timeouts",
            surface: "ai-worker",
            severity: "P1",
            metric: "chimpanion.ai.timeouts",
            window: "10m",
            critical: 3,
            title: "AI service timeouts",
            whatHappened:
                "At least {critical} calls from the AI worker to the LLM API hit their timeout in the last {window}; users got no answer.",
            firstSteps: [
                "Check the LLM provider's status page and recent latency of openai.request spans in APM",
                "Check whether the timeouts concentrate on one model or very long prompts",
                "Fall back to the secondary model if the provider is degraded",
            ],
            source: "000 §Implementation by Product / Chimpanion / Alerts (AI service timeout); §Priority Metrics (AI response time)",
        }),
        // 000 §Chimpanion / Alerts: High API costs — no budget number in the plan; alert on spend deviating from its
        // usual daily pattern (cost = tokens x model price, emitted per LLM call).
        anomaly({
            id: "ai-api-cost-anomaly",
            surface: "ai-worker",
            severity: "P2",
            category: "cost",
            metric: "chimpanion.ai.cost_usd",
            direction: "above",
            title: "AI API spend above normal",
            whatHappened: "LLM API spend deviates from its usual pattern; a loop, abuse or a model change may be burning budget.",
            firstSteps: [
                "Break spend down by model and by user to find the source",
                "Check for retry loops or agents calling the model repeatedly in the worker logs",
                "Check the abuse rules for a single account generating most requests",
            ],
            source: "000 §Implementation by Product / Chimpanion / Alerts (High API costs); §Priority Metrics (API quota usage)",
        }),
        // 000 §Chimpanion / Alerts: Wallet connection failures — no number in the plan; alert on unusual failure volume.
        anomaly({
            id: "wallet-connection-failures",
            surface: "web",
            severity: "P1",
            category: "errors",
            metric: "chimpanion.wallet.connections.failed",
            direction: "above",
            title: "Wallet connection failures above normal",
            whatHappened: "Failed wallet connections deviate from their usual volume; users cannot link their wallets.",
            firstSteps: [
                "Break failures down by wallet provider and error code",
                "Check the wallet connector (WalletConnect relay / RPC provider) status",
                "Check browser errors in RUM for the connect flow after the latest deployment",
            ],
            source: "000 §Implementation by Product / Chimpanion / Alerts (Wallet connection failures); §Priority Metrics (Wallet interaction success)",
        }),
        // 000 §Chimpanion / Alerts: Rate limit approaching — remaining LLM API requests in the provider's window
        // (dd-trace openai integration metrics). "Approaching" = under 20% left warns, under 10% is critical.
        {
            id: "ai-rate-limit-requests",
            title: "LLM API request rate limit approaching",
            category: "saturation",
            severity: "P2",
            surface: "ai-worker",
            query: {
                kind: "ratio",
                numerator: { metric: "openai.ratelimit.remaining.requests", aggregation: "min" },
                denominator: { metric: "openai.ratelimit.requests", aggregation: "max" },
                scale: 100,
                timeAggregation: "min",
                window: "5m",
            },
            comparator: "<",
            critical: 10,
            warning: 20,
            unit: "% remaining",
            whatHappened: "Less than the safe share of the LLM provider's request quota is left in the current rate-limit window.",
            firstSteps: [
                "Check which feature or account drives the request volume",
                "Throttle background/batch AI jobs to leave room for interactive requests",
                "Request a higher rate limit tier from the provider if growth is organic",
            ],
            source: "000 §Implementation by Product / Chimpanion / Alerts (Rate limit approaching)",
        },
        // 000 §Chimpanion / Alerts: Rate limit approaching — same for the token quota.
        {
            id: "ai-rate-limit-tokens",
            title: "LLM API token rate limit approaching",
            category: "saturation",
            severity: "P2",
            surface: "ai-worker",
            query: {
                kind: "ratio",
                numerator: { metric: "openai.ratelimit.remaining.tokens", aggregation: "min" },
                denominator: { metric: "openai.ratelimit.tokens", aggregation: "max" },
                scale: 100,
                timeAggregation: "min",
                window: "5m",
            },
            comparator: "<",
            critical: 10,
            warning: 20,
            unit: "% remaining",
            whatHappened: "Less than the safe share of the LLM provider's token quota is left in the current rate-limit window.",
            firstSteps: [
                "Check for unusually long prompts or conversation histories being sent",
                "Throttle background/batch AI jobs to leave room for interactive requests",
                "Request a higher token limit from the provider if growth is organic",
            ],
            source: "000 §Implementation by Product / Chimpanion / Alerts (Rate limit approaching)",
        },
    ],
    slos: bearifiedcoApiSlos("chimpanion", "Chimpanion"),
    logs: BEARIFIEDCO_LOGS,
    synthetics: [
        healthCheck({
            title: "Chimpanion API health endpoint",
            surface: "api",
            path: "/api/health",
            maxResponseMs: 3000,
            source: "000 §Phase 3 / Synthetic Monitoring (API endpoint checks, Global availability)",
        }),
        sslCheck({
            surface: "web",
            host: "chimpanion.ai",
            source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics",
        }),
        sslCheck({
            surface: "api",
            host: "api.chimpanion.ai",
            source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics",
        }),
        {
            id: "ai-chat-flow",
            title: "Log in and get an AI answer",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "15m",
            needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test user",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: '{"email":"{{ CHIMPANION_TEST_USER }}","password":"{{ CHIMPANION_TEST_PASSWORD }}"}',
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "Ask the assistant a fixed question",
                    method: "POST",
                    path: "/api/chat",
                    expectStatus: 200,
                    body: '{"message":"synthetic check: what is my wallet balance?"}',
                    extract: { variable: "CONVERSATION_ID", jsonPath: "$.conversationId" },
                },
                {
                    name: "Read the conversation back",
                    method: "GET",
                    path: "/api/conversations/{{ CONVERSATION_ID }}",
                    expectStatus: 200,
                },
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (Multi-step transactions); §Chimpanion Priority Metrics (AI response time)",
        },
        browserJourney({
            id: "chat-journey",
            title: "Chat with the assistant in a browser",
            surface: "web",
            severity: "P2",
            frequency: "30m",
            path: "/",
            needsLogin: true,
            journey: [
                "Log in with the synthetic test user",
                "Open a new conversation",
                "Send a fixed question and verify an answer appears within 30 seconds",
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (User flow testing)",
        }),
    ],
    security: [
        {
            id: "failed-auth-spike",
            title: "Failed login spike from one IP",
            severity: "P1",
            search: "service:chimpanion-api @evt.name:authentication @evt.outcome:failure",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Failed auth attempts)",
        },
        {
            id: "rate-limit-violations",
            title: "Rate limit violations from one IP",
            severity: "P2",
            search: "service:chimpanion-api @http.status_code:429",
            groupBy: ["@network.client.ip"],
            threshold: 50,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Rate limit violations)",
        },
        {
            id: "api-abuse",
            title: "API abuse: AI request flood from one account",
            severity: "P2",
            search: "service:chimpanion-api @http.url_details.path:\\/api\\/chat*",
            groupBy: ["@usr.id"],
            threshold: 300,
            window: "10m",
            source: "000 §Phase 3 / Security Monitoring (API abuse detection)",
        },
        {
            id: "wallet-action-burst",
            title: "Suspicious burst of wallet transaction requests",
            severity: "P1",
            search: "service:chimpanion-api @evt.name:wallet_transaction_request",
            groupBy: ["@usr.id"],
            threshold: 20,
            window: "10m",
            source: "000 §Phase 3 / Security Monitoring (Suspicious activities)",
        },
    ],
    escalation: COMPANY_ESCALATION,
    notMonitored: [
        ...BEARIFIEDCO_NOT_MONITORED,
        {
            item: "Feature engagement, AI response time trend",
            reason: "Priority metrics for dashboards; the plan sets no alert threshold (timeouts and the basic latency alert cover failures)",
            source: "000 §Implementation by Product / Chimpanion / Priority Metrics",
        },
    ],
};
