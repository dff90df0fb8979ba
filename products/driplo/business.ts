/**
 * Driplo thresholds of 003 §2.1 Business Critical Alerts, §Performance Budget Alerts, §3.2 Anomaly Detection,
 * §Payment Monitoring Integration and §Real-Time Messaging Monitoring.
 */
import { anomaly, apmLatency, apmLatencyRegression, eventCount, eventRatio, gauge, webVital } from "../../lib/inputs/catalog/factories";
import type { MonitorSpec } from "../../lib/inputs/catalog/schema";
import { h, ms, s } from "../../lib/inputs/catalog/units";

export const BUSINESS_MONITORS: MonitorSpec[] = [
    // ---- 003 §2.1 Business Critical Alerts ----
    // Payment processing failures; 003 P0: payment processing down. Processing errors only (API errors,
    // timeouts), card declines excluded. A rate of the attempts, not `> 0`: one failed payment at night is not
    // "payment processing down". The plan gives no number: 000's payment-failure threshold (5%), with a floor of
    // 40 attempts so it takes at least 3 failures.
    eventRatio({
        id: "payment-processing-failures",
        surface: "api",
        severity: "P0",
        planSeverity: "P0 (payment processing down)",
        category: "business",
        numerator: "driplo.payments.processing_errors",
        denominator: "driplo.payments.attempted",
        window: "5m",
        minCount: 40,
        critical: 5,
        title: "Payment processing failures above {critical} of attempts",
        whatHappened:
            "More than {critical} of payments failed with processing errors (not card declines) in the last {window}; buyers cannot pay.",
        firstSteps: [
            "Check the Stripe dashboard and status page for API errors",
            "Check the payment intent errors in the logs by error code",
            "Check the Stripe keys and webhook secret in the Vercel environment",
        ],
        source: "003 §2.1 Business Critical Alerts (Payment processing failures); §Alert Prioritization (P0: payment processing down)",
    }),
    // Order completion drop — no number in the plan; alert on deviation from the baseline.
    anomaly({
        id: "order-completion-drop",
        surface: "api",
        severity: "P1",
        metric: "driplo.orders.completed",
        direction: "below",
        title: "Order completions deviate from normal",
        whatHappened: "Completed orders deviate from their usual pattern for this time of day and week.",
        firstSteps: [
            "Run the checkout synthetic or buy a test item to rule out a broken checkout",
            "Check payment processing failures and Stripe webhook failures",
            "Check the conversion funnel (search, view, contact, purchase) for the step that dropped",
        ],
        source: "003 §2.1 Business Critical Alerts (Order completion drop)",
    }),
    // User registration failures — no number in the plan; alert on unusual failure volume.
    anomaly({
        id: "registration-failures",
        surface: "api",
        severity: "P1",
        metric: "driplo.users.registration_failed",
        direction: "above",
        title: "User registration failures above normal",
        whatHappened: "Failed sign-ups deviate from their usual volume; new users may be unable to register.",
        firstSteps: [
            "Try the sign-up flow by hand and note the error",
            "Check Supabase Auth logs and email provider delivery for confirmation emails",
            "Check the sign-up route errors in Sentry",
        ],
        source: "003 §2.1 Business Critical Alerts (User registration failures)",
    }),
    // Search functionality issues; 003 P1: search functionality broken. Thresholds reuse the plan's error_rate
    // pair (1% warning, 5% critical).
    eventRatio({
        id: "search-errors",
        surface: "api",
        severity: "P1",
        planSeverity: "P1 (search functionality broken)",
        numerator: "driplo.search.errors",
        denominator: "driplo.search.requests",
        window: "10m",
        minCount: 100,
        critical: 5,
        warning: 1,
        title: "Search error rate above {critical}",
        whatHappened: "The share of failing search requests exceeded the threshold over the last {window}.",
        firstSteps: [
            "Run a search by hand and check the error",
            "Check the search query (full-text index / RPC) in Supabase for errors or timeouts",
            "Check the search route in Sentry and APM",
        ],
        source: "003 §2.1 Business Critical Alerts (Search functionality issues); §Alert Prioritization (P1: search functionality broken); thresholds from §Performance Thresholds (error_rate)",
    }),
    // 003 P1: image uploads failing. Thresholds reuse the plan's error_rate pair (1% warning, 5% critical).
    eventRatio({
        id: "image-upload-failures",
        surface: "api",
        severity: "P1",
        planSeverity: "P1 (image uploads failing)",
        numerator: "driplo.uploads.failed",
        denominator: "driplo.uploads.attempted",
        window: "15m",
        minCount: 40,
        critical: 5,
        warning: 1,
        title: "Image upload failure rate above {critical}",
        whatHappened:
            "The share of failing listing image uploads exceeded the threshold over the last {window}; sellers cannot list items.",
        firstSteps: [
            "Upload a test image by hand and note the error",
            "Check Supabase Storage status, bucket policies and size limits",
            "Check the image processing step (resize/convert) for errors in the logs",
        ],
        source: "003 §Alert Prioritization (P1: image uploads failing); thresholds from §Performance Thresholds (error_rate)",
    }),
    // ---- 003 §Performance Budget Alerts (marketplace-specific) ----
    // Product Page LCP > 1.5s; RUM measures are in nanoseconds: 1.5 s = 1.5e9 ns
    webVital({
        id: "product-page-lcp",
        surface: "web",
        severity: "P2",
        planSeverity: "P2 (performance degradation)",
        vital: "lcp",
        search: "@type:view @view.url_path:\\/product\\/*",
        critical: s(1.5),
        title: "Product page LCP (p75) above {critical}",
        whatHappened: "The 75th percentile Largest Contentful Paint on product pages exceeded 1.5 seconds over the last {window}.",
        firstSteps: [
            "Open RUM for product page views and check the LCP element (usually the main product image)",
            "Check image size/format and CDN cache for product images",
            "Check the product page data load time in APM",
        ],
        source: "003 §Performance Budget Alerts (Product Page LCP > 1.5s)",
    }),
    // Search Response > 500ms; APM latency in seconds: 500 ms = 0.5 s
    apmLatency({
        id: "search-response-time",
        surface: "api",
        severity: "P2",
        planSeverity: "P2 (performance degradation)",
        span: "web.request",
        window: "10m",
        resource: "get_/api/search",
        critical: ms(500),
        title: "Search p95 response time above {critical}",
        whatHappened: "The 95th percentile search response time exceeded {critical} over the last {window}.",
        firstSteps: [
            "Check the search query plan in Supabase (full-text index use)",
            "Check for expensive filters or very broad queries in slow traces",
            "Check database query time for the same period",
        ],
        source: "003 §Performance Budget Alerts (Search Response > 500ms)",
    }),
    // Image Load Time > 2s; RUM resource duration in nanoseconds: 2 s = 2e9 ns
    webVital({
        id: "image-load-time",
        surface: "web",
        severity: "P2",
        planSeverity: "P2 (performance degradation)",
        vital: "resource-duration",
        search: "@type:resource @resource.type:image",
        critical: s(2),
        title: "Image load time (p75) above {critical}",
        whatHappened: "The 75th percentile load time of images seen by real users exceeded 2 seconds over the last {window}.",
        firstSteps: [
            "Check CDN/image transformation cache hit rate and status",
            "Find the largest images in RUM resources and check they are resized and modern formats",
            "Check whether slow loads concentrate on mobile networks or one region",
        ],
        source: "003 §Performance Budget Alerts (Image Load Time > 2s)",
    }),
    // ---- 003 §3.2 Anomaly Detection ----
    anomaly({
        id: "traffic-anomaly",
        surface: "api",
        severity: "P2",
        category: "availability",
        metric: "trace.web.request.hits",
        direction: "both",
        title: "Unusual API traffic",
        whatHappened: "API request volume deviates from its usual pattern (possible outage, campaign, scraping or DDoS).",
        firstSteps: [
            "Check whether traffic dropped (outage) or surged (bot, DDoS, campaign)",
            "Break traffic down by route and client IP",
            "Check the scraping and DDoS security signals",
        ],
        source: "003 §3.2 Anomaly Detection (Traffic pattern anomalies); §2.1 Security Alerts (Potential DDoS attacks)",
    }),
    anomaly({
        id: "revenue-anomaly",
        surface: "api",
        severity: "P1",
        metric: "driplo.revenue.usd",
        direction: "both",
        title: "Revenue deviates from normal",
        whatHappened: "Revenue processed deviates from its usual pattern for this time of day and week.",
        firstSteps: [
            "Check payment processing failures and order completions for the same period",
            "Check the Stripe dashboard for a drop in successful charges",
            "Check for a pricing/fee change or a promotion",
        ],
        source: "003 §3.2 Anomaly Detection (Revenue anomaly detection)",
    }),
    // User behaviour anomalies: RUM sessions (RUM-generated custom metric)
    anomaly({
        id: "user-behaviour-anomaly",
        surface: "web",
        severity: "P3",
        metric: "driplo.rum.sessions",
        direction: "both",
        title: "User sessions deviate from normal",
        whatHappened: "The number of user sessions deviates from its usual pattern.",
        firstSteps: [
            "Compare sessions by device and country to find the segment that changed",
            "Check frontend errors and page load times in RUM",
            "Check marketing/referral traffic changes",
        ],
        source: "003 §3.2 Anomaly Detection (User behavior anomalies)",
    }),
    // Performance regression detection: average API latency vs its baseline (seconds)
    apmLatencyRegression({
        id: "performance-regression",
        surface: "api",
        severity: "P2",
        planSeverity: "P2 (performance degradation)",
        span: "web.request",
        title: "API latency regression",
        whatHappened: "Average API latency deviates from its baseline, usually after a deployment.",
        firstSteps: [
            "Compare latency before and after the latest deployment marker",
            "Find the routes whose latency changed most in APM",
            "Roll back if a deployment introduced the regression",
        ],
        source: "003 §3.2 Anomaly Detection (Performance regression detection); §3.1 Performance Analytics",
    }),
    // ---- 003 §Payment Monitoring Integration ----
    eventCount({
        id: "stripe-webhook-failures",
        surface: "api",
        severity: "P1",
        category: "business",
        metric: "driplo.stripe.webhooks.failed",
        window: "15m",
        // Stripe retries a failed delivery for days: one failure is not an incident, repeated ones are.
        critical: 3,
        title: "Stripe webhook processing failures",
        whatHappened: "Stripe webhooks failed to process in the last {window}; orders may not be marked paid.",
        firstSteps: [
            "Check the webhook endpoint's failed deliveries in the Stripe dashboard",
            "Check the webhook route logs for signature or processing errors",
            "Replay the failed events from Stripe once fixed",
        ],
        source: "003 §Payment Monitoring Integration (Webhook delivery success tracking)",
    }),
    eventCount({
        id: "payout-failures",
        surface: "api",
        severity: "P1",
        category: "business",
        metric: "driplo.stripe.payouts.failed",
        window: "1h",
        critical: 0,
        comparator: ">",
        title: "Seller payout failures",
        whatHappened: "Seller payouts failed in the last hour.",
        firstSteps: [
            "Check the failed payouts and their failure codes in Stripe Connect",
            "Contact affected sellers if bank details are invalid",
            "Check the Connect account status for restrictions",
        ],
        source: "003 §Payment Monitoring Integration (Payout timing and failure alerts)",
    }),
    // Payout timing: Stripe reports no payout delay itself and Datadog has no Stripe metric integration, so Driplo's
    // payout job publishes the custom gauge driplo.stripe.payouts.pending_age: seconds past its arrival_date of the
    // oldest seller payout still pending or in transit (Stripe Payouts API), 0 when none is late. The plan gives no
    // number: 2 days past the date Stripe gave the seller, beyond ordinary bank delays. P2: sellers wait, nobody pays.
    gauge({
        id: "payout-delayed",
        surface: "api",
        severity: "P2",
        category: "business",
        metric: { metric: "driplo.stripe.payouts.pending_age", aggregation: "max", unit: "s" },
        window: "30m",
        critical: h(48),
        title: "Seller payout overdue by more than {critical}",
        whatHappened:
            "A seller payout is still pending or in transit more than {critical} after its expected arrival date (custom metric driplo.stripe.payouts.pending_age from the payout job).",
        firstSteps: [
            "Find the overdue payout in Stripe Connect (Payouts, status pending or in transit) and its destination account",
            "Check the connected account for payout restrictions, verification requirements or a bank-side return",
            "Tell the seller the new expected date; contact Stripe support with the payout id if it stays in transit",
        ],
        source: "003 §Payment Monitoring Integration (Payout timing and failure alerts)",
    }),
    // ---- 003 §Real-Time Messaging Monitoring ----
    // The plan tracks realtime event latency (Date.now() - payload.timestamp) with no threshold; baseline deviation.
    anomaly({
        id: "realtime-latency-anomaly",
        surface: "realtime",
        severity: "P2",
        category: "latency",
        metric: "driplo.realtime.latency",
        counter: false,
        direction: "above",
        title: "Realtime messaging latency above normal",
        whatHappened: "Buyer-seller message delivery latency over Supabase Realtime deviates from its baseline.",
        firstSteps: [
            "Check the Supabase Realtime status and the project's realtime connection count",
            "Check realtime errors in browser RUM (channel subscription failures)",
            "Check database replication (Realtime reads the WAL) for lag",
        ],
        source: "003 §Real-Time Messaging Monitoring (connection health, latency)",
    }),
];
