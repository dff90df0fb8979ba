import { z } from "zod";

/**
 * Reference data the stack config is checked against: names that a typo would otherwise turn into a resource
 * that deploys but never works (a synthetic location that does not exist, a region with no endpoint...).
 */

/** The only region where Route 53 publishes health-check metrics (Route 53 docs, "Monitoring health checks using CloudWatch"). */
export const ROUTE53_METRICS_REGION = "us-east-1";

/**
 * AWS regions, as listed by @pulumi/aws 7.48.0's `Region` enum (`types/enums`); tests/config.test.ts checks that
 * this list still equals the enum, so a provider upgrade that adds a region shows up.
 */
export const AWS_REGIONS: ReadonlyArray<string> = [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "cn-north-1",
    "cn-northwest-1",
    "eusc-de-east-1",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-iso-west-1",
    "us-isob-east-1",
    "us-isob-west-1",
    "eu-isoe-west-1",
    "us-isof-east-1",
    "us-isof-south-1",
];

/**
 * Datadog's managed synthetic locations (Datadog docs, Synthetic Monitoring "Managed locations", shortcode
 * `managed-locations`: 22 AWS, 6 GCP and 1 Azure region). The US1-FED site has its own single location.
 */
export const DATADOG_SYNTHETIC_LOCATIONS: ReadonlyArray<string> = [
    // AWS: Americas, Asia Pacific, EMEA
    "aws:ca-central-1",
    "aws:us-west-1",
    "aws:us-east-1",
    "aws:us-east-2",
    "aws:us-west-2",
    "aws:sa-east-1",
    "aws:ap-east-1",
    "aws:ap-southeast-3",
    "aws:ap-south-1",
    "aws:ap-northeast-3",
    "aws:ap-northeast-2",
    "aws:ap-southeast-1",
    "aws:ap-southeast-2",
    "aws:ap-northeast-1",
    "aws:me-south-1",
    "aws:af-south-1",
    "aws:eu-central-1",
    "aws:eu-west-1",
    "aws:eu-west-2",
    "aws:eu-south-1",
    "aws:eu-west-3",
    "aws:eu-north-1",
    // GCP: Dallas, Los Angeles, Oregon, Virginia, Tokyo, Frankfurt
    "gcp:us-south1",
    "gcp:us-west2",
    "gcp:us-west1",
    "gcp:us-east4",
    "gcp:asia-northeast1",
    "gcp:europe-west3",
    // Azure: Virginia
    "azure:eastus",
];
/** The only managed location of the Datadog for Government site (ddog-gov.com). */
export const DATADOG_GOV_SYNTHETIC_LOCATIONS: ReadonlyArray<string> = ["aws:us-gov-west-1"];

/**
 * An IANA time zone name (Area/Location, e.g. Europe/Paris, or UTC), checked against this Node's ICU database.
 * `Intl.supportedValuesOf("timeZone")` lists only ICU's canonical ids (Asia/Calcutta, not Asia/Kolkata), so a
 * name is also accepted when `Intl.DateTimeFormat` resolves it; abbreviations (CEST, EST) are refused: they are
 * not locations and do not follow daylight saving.
 */
export function isKnownTimeZone(tz: string): boolean {
    if (tz === "UTC" || timeZones().has(tz)) return true;
    if (!/^[A-Z][A-Za-z_]*(\/[A-Za-z0-9_+-]+)+$/.test(tz)) return false;
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: tz });
        return true;
    } catch {
        return false;
    }
}
export const TimeZone = z
    .string()
    .refine(isKnownTimeZone, { error: (i) => `unknown time zone ${JSON.stringify(i.input)} (an IANA name such as Europe/Paris, or UTC)` });
let zones: Set<string> | undefined;
function timeZones(): Set<string> {
    zones ??= new Set(Intl.supportedValuesOf("timeZone"));
    return zones;
}

/**
 * Config namespaces this program or its providers read. Any other namespace is a typo: its keys would be
 * silently ignored (`product-monitorng:paging: true` leaves paging at the value of the real key).
 */
export const PROVIDER_NAMESPACES: ReadonlyArray<string> = ["aws", "datadog", "pagerduty", "sentry", "pulumi"];

/**
 * Provider settings holding credentials (from each provider's `config/vars.d.ts`): a plaintext value in a
 * committed stack file is a leaked credential, so they must be `secure:` (or come from the environment).
 */
export const PROVIDER_SECRET_KEYS: ReadonlyArray<string> = [
    "aws:secretKey",
    "aws:token",
    "datadog:apiKey",
    "datadog:appKey",
    "datadog:awsSecretAccessKey",
    "datadog:awsSessionToken",
    "datadog:bearerToken",
    "pagerduty:token",
    "pagerduty:userToken",
    "sentry:token",
];

/**
 * Datadog list prices of synthetic runs in USD (pricing page, annual commitment: $5 per 10K API runs, $12 per 1K
 * browser runs; on demand $7.20 and $18). A configured price must lie between a fifth and ten times the list price:
 * lower (say 0.0001) and the budget check can never fail; higher is a unit mistake (price per run, per 100K...).
 */
export const SYNTHETICS_LIST_PRICES = { apiPer10kRuns: 5, browserPer1kRuns: 12 } as const;
export const PRICE_BOUNDS = { minFactor: 0.2, maxFactor: 10 } as const;

/**
 * Bounds of a Sentry client-key rate limit. Below 10 events a minute the key drops the events that the new-issue,
 * regression and frequency alerts need (the plans' stacks use 200 and 1,000); above 100,000 a minute it no longer
 * protects the event quota. Sentry offers windows from one minute to one day.
 */
export const SENTRY_RATE_LIMIT = { minPerMinute: 10, maxPerMinute: 100_000, minWindowSeconds: 60, maxWindowSeconds: 86_400 } as const;
