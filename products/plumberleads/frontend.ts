/**
 * PlumberLeads thresholds of 004 §Application Metrics / Frontend Performance (Datadog RUM, p75 of real users).
 */
import { eventRatio, webVital } from "../../lib/inputs/catalog/factories";
import type { MonitorSpec } from "../../lib/inputs/catalog/schema";
import { ms, s } from "../../lib/inputs/catalog/units";

export const FRONTEND_MONITORS: MonitorSpec[] = [
    // ==== 004 §Application Metrics / Frontend Performance (Datadog RUM; measures in nanoseconds, p75) ====
    // Page Load Time >3 seconds = 3e9 ns
    webVital({
        id: "page-load-time",
        surface: "web",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        vital: "loading-time",
        critical: s(3),
        title: "Page load time (p75) above {critical}",
        whatHappened: "The 75th percentile full page load time seen by real users exceeded 3 seconds over the last {window}.",
        firstSteps: [
            "Open RUM views sorted by loading time to find the slow pages",
            "Check the resource waterfall for slow scripts, images or API calls",
            "Check the CDN cache rate and backend response time",
        ],
        source: "004 §Frontend Performance (Page Load Time >3 seconds)",
    }),
    // First Contentful Paint >1.8 seconds = 1.8e9 ns
    webVital({
        id: "first-contentful-paint",
        surface: "web",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        vital: "fcp",
        critical: s(1.8),
        title: "First Contentful Paint (p75) above {critical}",
        whatHappened: "The 75th percentile First Contentful Paint exceeded 1.8 seconds over the last {window}.",
        firstSteps: [
            "Check server response time (TTFB) for the affected pages",
            "Check render-blocking CSS/JS added in the latest release",
            "Check the CDN cache rate",
        ],
        source: "004 §Frontend Performance (First Contentful Paint >1.8 seconds)",
    }),
    // Largest Contentful Paint >2.5 seconds = 2.5e9 ns
    webVital({
        id: "largest-contentful-paint",
        surface: "web",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        vital: "lcp",
        critical: s(2.5),
        title: "Largest Contentful Paint (p75) above {critical}",
        whatHappened: "The 75th percentile Largest Contentful Paint exceeded 2.5 seconds over the last {window}.",
        firstSteps: [
            "Find the LCP element on the slow pages in RUM (hero image, lead list)",
            "Check image sizes and CDN caching for that element",
            "Check the API call that fills the main content",
        ],
        source: "004 §Frontend Performance (Largest Contentful Paint >2.5 seconds)",
    }),
    // First Input Delay >100 ms = 1e8 ns
    webVital({
        id: "first-input-delay",
        surface: "web",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        vital: "fid",
        critical: ms(100),
        title: "First Input Delay (p75) above {critical}",
        whatHappened:
            "The 75th percentile First Input Delay exceeded {critical} over the last {window}; pages react slowly to the first tap or click.",
        firstSteps: [
            "Check RUM long tasks on the affected pages",
            "Check large JavaScript bundles or third-party scripts added recently",
            "Defer non-critical scripts",
        ],
        source: "004 §Frontend Performance (First Input Delay >100 ms)",
    }),
    // Cumulative Layout Shift >0.1 (unitless score)
    webVital({
        id: "cumulative-layout-shift",
        surface: "web",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        vital: "cls",
        critical: 0.1,
        unit: "score",
        title: "Cumulative Layout Shift (p75) above {critical}",
        whatHappened:
            "The 75th percentile Cumulative Layout Shift exceeded {critical} over the last {window}; page content jumps while loading.",
        firstSteps: [
            "Find the pages with the highest CLS in RUM",
            "Check images and embeds without width/height and late-injected banners",
            "Reserve space for dynamic content",
        ],
        source: "004 §Frontend Performance (Cumulative Layout Shift >0.1)",
    }),
    // JS Errors >0
    {
        id: "js-errors",
        title: "JavaScript errors on the frontend",
        category: "frontend",
        severity: "P3",
        planSeverity: "P4 (Low)",
        surface: "web",
        query: { kind: "rum", search: "@type:error @error.source:source", rollup: "count", window: "5m" },
        comparator: ">",
        critical: 0,
        unit: "count",
        whatHappened: "Real users hit JavaScript errors in the last 5 minutes.",
        firstSteps: [
            "Open RUM Error Tracking and group the errors by issue",
            "Check whether the errors started with a frontend release",
            "Check the browsers/devices affected",
        ],
        source: "004 §Frontend Performance (JS Errors >0)",
    },
    // AJAX Error Rate >1%: RUM-generated custom metrics for XHR/fetch resources (all and failed), since a RUM
    // monitor counts one search and cannot divide two.
    eventRatio({
        id: "ajax-error-rate",
        surface: "web",
        severity: "P2",
        planSeverity: "P3 (Medium)",
        category: "frontend",
        numerator: "plumberleads.rum.ajax.errors",
        denominator: "plumberleads.rum.ajax.requests",
        window: "15m",
        minCount: 100,
        critical: 1,
        title: "AJAX error rate above {critical}",
        whatHappened: "More than {critical} of the browser's AJAX requests failed over the last {window}.",
        firstSteps: [
            "Break failed XHR/fetch resources down by URL and status code in RUM",
            "Correlate with API 5xx/4xx rates",
            "Check CORS or auth token expiry issues after a release",
        ],
        source: "004 §Frontend Performance (AJAX Error Rate >1%)",
    }),
];
