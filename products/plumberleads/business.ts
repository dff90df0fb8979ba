/**
 * PlumberLeads thresholds of 004 §Business Metrics: user, lead and payment tables. Business metrics never page
 * (§Alert Routes: Business Metrics P1 recipient N/A).
 */
import { dayOverDayDrop, eventRatio, gauge } from "../../lib/inputs/catalog/factories";
import type { MonitorSpec } from "../../lib/inputs/catalog/schema";
import { min } from "../../lib/inputs/catalog/units";

export const BUSINESS_MONITORS: MonitorSpec[] = [
    // ==== 004 §Business Metrics / User Metrics ====
    // Active Users < previous day -20% (daily active users gauge)
    dayOverDayDrop({
        id: "active-users-drop",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: "plumberleads.users.active",
        gauge: true,
        timeAggregation: "avg",
        critical: -20,
        title: "Active users down more than 20% day over day",
        whatHappened: "Daily active users are more than 20% below the previous day.",
        firstSteps: [
            "Run the login synthetic and log in by hand to rule out an auth problem",
            "Check frontend errors and page load in RUM",
            "Check for a holiday/seasonal effect or an email campaign that ended",
        ],
        source: "004 §User Metrics (Active Users <previous day -20%)",
    }),
    // New Registrations < previous day -30%
    dayOverDayDrop({
        id: "registrations-drop",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: "plumberleads.registrations.completed",
        critical: -30,
        title: "New registrations down more than 30% day over day",
        whatHappened: "New plumber registrations over the last day are more than 30% below the day before.",
        firstSteps: [
            "Walk through the registration flow by hand (form, email verification, license check)",
            "Check registration endpoint errors in APM and Sentry",
            "Check with marketing for ended campaigns",
        ],
        source: "004 §User Metrics (New Registrations <previous day -30%)",
    }),
    // Registration Completion Rate <80%
    eventRatio({
        id: "registration-completion-rate",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "business",
        numerator: "plumberleads.registrations.completed",
        denominator: "plumberleads.registrations.started",
        window: "1d",
        critical: 80,
        comparator: "<",
        title: "Registration completion rate below {critical}",
        whatHappened: "Fewer than {critical} of registrations started in the last day were completed.",
        firstSteps: [
            "Find the registration step where users drop off (RUM funnel)",
            "Check errors on the verification and payment-method steps",
            "Check verification email delivery",
        ],
        source: "004 §User Metrics (Registration Completion Rate <80%)",
    }),
    // ==== 004 §Business Metrics / Lead Metrics ====
    // New Leads < previous day -20%
    dayOverDayDrop({
        id: "new-leads-drop",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: "plumberleads.leads.created",
        critical: -20,
        title: "New leads down more than 20% day over day",
        whatHappened: "New leads generated over the last day are more than 20% below the day before.",
        firstSteps: [
            "Submit a test lead through the homeowner form to rule out a broken intake",
            "Check the lead intake sources (forms, partner feeds) for errors",
            "Check ad campaigns and seasonality with the product team",
        ],
        source: "004 §Lead Metrics (New Leads <previous day -20%)",
    }),
    // Lead Claim Rate <60%
    eventRatio({
        id: "lead-claim-rate",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "business",
        numerator: "plumberleads.leads.claimed",
        denominator: "plumberleads.leads.created",
        window: "1d",
        critical: 60,
        comparator: "<",
        title: "Lead claim rate below {critical}",
        whatHappened: "Fewer than {critical} of the leads created in the last day were claimed by plumbers.",
        firstSteps: [
            "Run the lead claiming synthetic to rule out a broken claim flow",
            "Check lead notifications to plumbers (email/SMS delivery)",
            "Check lead distribution by area for areas without active plumbers",
        ],
        source: "004 §Lead Metrics (Lead Claim Rate <60%)",
    }),
    // Time to Claim >30 min avg (metric in minutes)
    gauge({
        id: "time-to-claim",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "business",
        metric: { metric: "plumberleads.leads.time_to_claim", unit: "min" },
        window: "4h",
        critical: min(30),
        title: "Average time to claim above {critical}",
        whatHappened: "Leads took more than 30 minutes on average to be claimed over the last {window}.",
        firstSteps: [
            "Check lead notification delivery latency",
            "Check the lead listing endpoint latency and errors",
            "Check active plumber counts in the affected areas",
        ],
        source: "004 §Lead Metrics (Time to Claim >30 min avg)",
    }),
    // Lead Quality Score <4.0/5.0 avg
    gauge({
        id: "lead-quality-score",
        surface: "api",
        severity: "P3",
        planSeverity: "P4 (Low)",
        category: "business",
        metric: "plumberleads.leads.quality_score",
        window: "1d",
        critical: 4,
        comparator: "<",
        unit: "score (of 5)",
        title: "Average lead quality below {critical}.0 / 5",
        whatHappened: "The average quality rating of leads over the last day fell below {critical}.0 out of 5.",
        firstSteps: [
            "Break ratings down by lead source to find the low-quality source",
            "Check for spam or duplicate leads in the intake",
            "Review the lead validation rules with the product team",
        ],
        source: "004 §Lead Metrics (Lead Quality Score <4.0/5.0 avg)",
    }),
    // Disputed Leads >5% of total
    eventRatio({
        id: "disputed-leads",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "business",
        numerator: "plumberleads.leads.disputed",
        denominator: "plumberleads.leads.created",
        window: "1d",
        minCount: 40,
        critical: 5,
        title: "Disputed leads above {critical}",
        whatHappened: "More than {critical} of leads were disputed by plumbers over the last day.",
        firstSteps: [
            "Read the dispute reasons to find a common cause (wrong contact data, duplicates)",
            "Break disputes down by lead source",
            "Check the lead quality score trend",
        ],
        source: "004 §Lead Metrics (Disputed Leads >5% of total)",
    }),
    // ==== 004 §Business Metrics / Payment Metrics ====
    // Transaction Volume < previous day -25%
    dayOverDayDrop({
        id: "transaction-volume-drop",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: "plumberleads.payments.transactions",
        critical: -25,
        title: "Payment transactions down more than 25% day over day",
        whatHappened: "Payment transactions over the last day are more than 25% below the day before.",
        firstSteps: [
            "Run the payment synthetic to rule out a broken payment flow",
            "Check failed payments and the Stripe dashboard",
            "Check lead claims: fewer claims mean fewer payments",
        ],
        source: "004 §Payment Metrics (Transaction Volume <previous day -25%)",
    }),
    // Transaction Value < previous day -25% (sum of transaction amounts in USD)
    dayOverDayDrop({
        id: "transaction-value-drop",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        metric: "plumberleads.payments.value_usd",
        critical: -25,
        title: "Payment value down more than 25% day over day",
        whatHappened: "The total value of payments over the last day is more than 25% below the day before.",
        firstSteps: [
            "Compare with transaction volume: fewer payments or smaller ones?",
            "Check lead pricing changes and refunds",
            "Check failed payments and the Stripe dashboard",
        ],
        source: "004 §Payment Metrics (Transaction Value <previous day -25%)",
    }),
    // Failed Payments >5% of attempts
    eventRatio({
        id: "failed-payments",
        surface: "api",
        severity: "P1",
        planSeverity: "P2 (High)",
        category: "business",
        numerator: "plumberleads.payments.failed",
        denominator: "plumberleads.payments.attempted",
        window: "15m",
        minCount: 40,
        critical: 5,
        title: "Failed payments above {critical} of attempts",
        whatHappened: "More than {critical} of payment attempts failed over the last {window}.",
        firstSteps: [
            "Check the Stripe dashboard for error messages and the Stripe status page",
            'Search logs: service:payment level:ERROR "Payment processing failed" and group by context.error_code',
            "Verify webhook delivery status and API credentials; check for Stripe rate limiting",
        ],
        source: "004 §Payment Metrics (Failed Payments >5% of attempts); §Troubleshooting / Payment Processing Failures",
    }),
    // Refund Rate >3% of transactions
    eventRatio({
        id: "refund-rate",
        surface: "api",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "business",
        numerator: "plumberleads.payments.refunds",
        denominator: "plumberleads.payments.transactions",
        window: "1d",
        minCount: 100,
        critical: 3,
        title: "Refund rate above {critical}",
        whatHappened: "More than {critical} of payments were refunded over the last day.",
        firstSteps: [
            "Read the refund reasons (disputed leads are the usual cause)",
            "Check the disputed-leads rate and lead quality",
            "Check for duplicate charges from payment retries",
        ],
        source: "004 §Payment Metrics (Refund Rate >3% of transactions)",
    }),
];
