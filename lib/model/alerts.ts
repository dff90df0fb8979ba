/**
 * Every alert the stack will send, as plain data, gathered before any resource is created so the routing
 * can be validated as a whole (handles resolve, channels are configured). Each area's pure module exports a
 * producer `(product, config) => AlertRef[]` built with the same functions its component uses.
 */
export interface AlertRef {
    product: string;
    /** Where the alert lives, e.g. "monitor payment-failure-rate", "synthetic health", "slo availability burn-rate". */
    name: string;
    /** The notification text holding the handles (`@pagerduty-...`, `@slack-...`, `@email`). */
    message: string;
}
