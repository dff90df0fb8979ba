/**
 * BEARO — BearifiedCo's payments/commerce product with wallet connections.
 * Plan: 000 (company Datadog plan), §Implementation by Product / BEARO, plus the company-wide basic alerts.
 */
import { browserJourney, eventRatio, gauge, healthCheck, serviceCheck, sslCheck } from "../lib/inputs/catalog/factories";
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { s } from "../lib/inputs/catalog/units";
import {
    BEARIFIEDCO_BASIC_ALERTS,
    BEARIFIEDCO_LOGS,
    BEARIFIEDCO_PLATFORM_MONITORS,
    BEARIFIEDCO_NOT_MONITORED,
    bearifiedcoApiSlos,
} from "./bearifiedco";
import { COMPANY_ESCALATION } from "./defaults";

export const bearo: ProductSpec = {
    key: "bearo",
    displayName: "BEARO",
    company: "BearifiedCo",
    description: "Payments and checkout product with crypto wallet connections; revenue-critical (payment success, wallet service).",
    team: {
        handle: "bearo",
        name: "BEARO Team",
        email: "bearo-team@bearified.co",
        slackChannel: "bearo-alerts",
    },
    tier: 1,
    lifecycle: "production",
    plan: "000 Datadog Integration Plan (BearifiedCo) §Implementation by Product / BEARO",
    surfaces: [
        {
            name: "api",
            kind: "api",
            service: "bearo-api",
            language: "TypeScript",
            framework: "Next.js API routes (Node, Vercel)",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "api.bearo.app",
        },
        {
            name: "web",
            kind: "web",
            service: "bearo-web",
            language: "TypeScript",
            framework: "Next.js",
            runtime: "vercel",
            sentryPlatform: "javascript-nextjs",
            host: "bearo.app",
        },
        {
            name: "wallet-service",
            kind: "worker",
            service: "bearo-wallet-service",
            language: "TypeScript",
            framework: "Node.js worker",
            sentryPlatform: "node",
        },
    ],
    monitors: [
        ...BEARIFIEDCO_BASIC_ALERTS,
        ...BEARIFIEDCO_PLATFORM_MONITORS,
        // 000 §BEARO / Alerts: payment failures above the plan's percentage. Counted over at least 40 attempts, so it
        // takes 3 failures: one failure in twenty attempts at night is not a payment outage.
        eventRatio({
            id: "payment-failure-rate",
            surface: "api",
            severity: "P0",
            category: "business",
            numerator: "bearo.payments.failed",
            denominator: "bearo.payments.attempted",
            window: "10m",
            minCount: 40,
            critical: 5,
            title: "Payment failure rate above {critical}",
            whatHappened: "More than {critical} of payment attempts failed over the last {window}, so customers cannot pay.",
            firstSteps: [
                "Break the failures down by error code and payment method in the payment logs",
                "Check the payment provider's status page and API error responses",
                "Check whether the wallet-service is healthy (wallet payments depend on it)",
                "Roll back the latest deployment if failures started with it",
            ],
            source: "000 §Implementation by Product / BEARO / Alerts (Payment failures)",
        }),
        // 000 §BEARO / Alerts: API timeout > 10s — the slowest request in the window.
        gauge({
            id: "api-timeout",
            surface: "api",
            severity: "P1",
            category: "latency",
            metric: { metric: "trace.next.request", aggregation: "max" },
            timeAggregation: "max",
            window: "5m",
            critical: s(10),
            title: "API requests taking longer than {critical}",
            whatHappened: "At least one API request took longer than 10 seconds in the last {window}, so requests are timing out.",
            firstSteps: [
                "Open APM traces for the service filtered on duration > 10s and find the slow span",
                "Check the payment provider and blockchain RPC calls in those traces for slow external dependencies",
                "Check database locks and slow queries at the same time",
            ],
            source: "000 §Implementation by Product / BEARO / Alerts (API timeout > 10s)",
        }),
        // 000 §BEARO / Alerts: Wallet service down
        // Datadog process check: the wallet-service process is not running on its hosts.
        serviceCheck({
            id: "wallet-service-down",
            surface: "wallet-service",
            severity: "P0",
            check: "process.up",
            filter: { process: "wallet-service" },
            title: "Wallet service down",
            whatHappened: "The wallet-service process is not running, so wallet connections and wallet payments fail.",
            firstSteps: [
                "Check the wallet-service logs for the crash reason right before it stopped",
                "Restart the wallet-service and confirm wallet connections recover",
                "Check the blockchain RPC provider status if the service crashes on start",
            ],
            source: "000 §Implementation by Product / BEARO / Alerts (Wallet service down)",
        }),
        // 000 §BEARO / Alerts: High cart abandonment, as a rate: abandoned carts / carts created over an hour (a cart
        // counts as abandoned when it expires unpaid, so the hour spans its life), with a floor of 50 carts. The plan
        // gives no number; Baymard Institute's documented average across e-commerce is about 70%, so above 80% warns
        // and above 85% is high.
        eventRatio({
            id: "cart-abandonment-rate",
            // Was an anomaly of the abandoned-cart count; 000 asks for the rate.
            formerIds: ["cart-abandonment-anomaly"],
            surface: "web",
            severity: "P2",
            category: "business",
            numerator: "bearo.cart.abandoned",
            denominator: "bearo.cart.created",
            window: "1h",
            minCount: 50,
            critical: 85,
            warning: 80,
            title: "Cart abandonment above {critical}",
            whatHappened: "More than {critical} of the carts created over the last {window} were abandoned before payment.",
            firstSteps: [
                "Check the checkout funnel in RUM for the step where users drop off",
                "Check payment failure rate, wallet connection errors and checkout page errors for the same period",
                "Ask whether a pricing, shipping or UI change shipped recently",
            ],
            source: "000 §Implementation by Product / BEARO / Alerts (High cart abandonment)",
        }),
    ],
    slos: bearifiedcoApiSlos("bearo", "BEARO"),
    logs: BEARIFIEDCO_LOGS,
    synthetics: [
        healthCheck({
            title: "BEARO API health endpoint",
            surface: "api",
            path: "/api/health",
            maxResponseMs: 3000,
            source: "000 §Phase 3 / Synthetic Monitoring (API endpoint checks, Global availability)",
        }),
        sslCheck({
            surface: "web",
            host: "bearo.app",
            source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics",
        }),
        sslCheck({
            surface: "api",
            host: "api.bearo.app",
            source: "000 §Phase 3 / Synthetic Monitoring; 14-day SSL threshold from 004 §Network Metrics",
        }),
        {
            id: "checkout-flow",
            title: "Login, cart and payment session",
            kind: "multistep",
            surface: "api",
            severity: "P1",
            frequency: "10m",
            needsLogin: true,
            steps: [
                {
                    name: "Log in as the synthetic test user",
                    method: "POST",
                    path: "/api/auth/login",
                    expectStatus: 200,
                    body: '{"email":"{{ BEARO_TEST_USER }}","password":"{{ BEARO_TEST_PASSWORD }}"}',
                    extract: { variable: "AUTH_TOKEN", jsonPath: "$.token" },
                },
                {
                    name: "Add the test product to the cart",
                    method: "POST",
                    path: "/api/cart/items",
                    expectStatus: 200,
                    body: '{"sku":"synthetic-test-item","quantity":1}',
                    extract: { variable: "CART_ID", jsonPath: "$.cartId" },
                },
                {
                    name: "Create a payment session in test mode",
                    method: "POST",
                    path: "/api/checkout/session",
                    expectStatus: 200,
                    body: '{"cartId":"{{ CART_ID }}","testMode":true}',
                },
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (Multi-step transactions); §BEARO Priority Metrics (Payment success rate)",
        },
        browserJourney({
            id: "checkout-journey",
            title: "Storefront to checkout in a browser",
            surface: "web",
            severity: "P1",
            frequency: "15m",
            path: "/",
            needsLogin: true,
            journey: [
                "Open the storefront home page",
                "Log in with the synthetic test user",
                "Add the synthetic test product to the cart",
                "Open checkout and verify the payment options (card and wallet) render",
            ],
            source: "000 §Phase 3 / Synthetic Monitoring (User flow testing)",
        }),
    ],
    security: [
        {
            id: "failed-auth-spike",
            title: "Failed login spike from one IP",
            severity: "P1",
            search: "service:bearo-api @evt.name:authentication @evt.outcome:failure",
            groupBy: ["@network.client.ip"],
            threshold: 10,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Failed auth attempts)",
        },
        {
            id: "rate-limit-violations",
            title: "Rate limit violations from one IP",
            severity: "P2",
            search: "service:bearo-api @http.status_code:429",
            groupBy: ["@network.client.ip"],
            threshold: 50,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (Rate limit violations)",
        },
        {
            id: "api-abuse",
            title: "API abuse: request flood from one IP",
            severity: "P2",
            search: "service:bearo-api @http.url_details.path:\\/api\\/*",
            groupBy: ["@network.client.ip"],
            threshold: 3000,
            window: "5m",
            source: "000 §Phase 3 / Security Monitoring (API abuse detection)",
        },
        {
            id: "card-testing",
            title: "Suspicious payment attempts (card testing) from one IP",
            severity: "P1",
            search: "service:bearo-api @evt.name:payment @evt.outcome:failure",
            groupBy: ["@network.client.ip"],
            threshold: 5,
            window: "10m",
            source: "000 §Phase 3 / Security Monitoring (Suspicious activities)",
        },
    ],
    escalation: COMPANY_ESCALATION,
    notMonitored: [
        ...BEARIFIEDCO_NOT_MONITORED,
        {
            item: "Transaction time, wallet connection rate, user session length",
            reason: "Priority metrics for dashboards; the plan sets no alert threshold for them",
            source: "000 §Implementation by Product / BEARO / Priority Metrics",
        },
    ],
};
