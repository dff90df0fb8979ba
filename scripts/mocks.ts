/**
 * Mocks for evaluating the program offline: realistic ids, ARNs and computed outputs per type token,
 * so that outputs that are computed by real providers (integration keys, DSNs, ARNs) have values.
 */
import * as crypto from "crypto";
import type * as pulumi from "@pulumi/pulumi";

export const MOCK_ACCOUNT = "123456789012";
export const MOCK_REGION = "us-east-1";

function hash(s: string, len = 32): string {
    return crypto.createHash("sha256").update(s).digest("hex").slice(0, len);
}

function arnFor(type: string, name: string, inputs: Record<string, unknown>): string {
    const [pkg, mod] = type.split(":");
    const service = (mod ?? "").split("/")[0];
    if (pkg !== "aws") return "";
    const physical = String(inputs.bucket ?? inputs.name ?? name);
    switch (service) {
        case "s3":
            return `arn:aws:s3:::${physical}`;
        case "iam":
            return `arn:aws:iam::${MOCK_ACCOUNT}:role/${physical}`;
        case "cloudwatch":
            return type.includes("logGroup")
                ? `arn:aws:logs:${MOCK_REGION}:${MOCK_ACCOUNT}:log-group:${physical}`
                : `arn:aws:cloudwatch:${MOCK_REGION}:${MOCK_ACCOUNT}:alarm:${physical}`;
        case "kinesis":
            return `arn:aws:firehose:${MOCK_REGION}:${MOCK_ACCOUNT}:deliverystream/${physical}`;
        case "kms":
            return `arn:aws:kms:${MOCK_REGION}:${MOCK_ACCOUNT}:key/${hash(name, 8)}-${hash(name + "k", 4)}`;
        case "sns":
            return `arn:aws:sns:${MOCK_REGION}:${MOCK_ACCOUNT}:${physical}`;
        default:
            return `arn:aws:${service}:${MOCK_REGION}:${MOCK_ACCOUNT}:${physical}`;
    }
}

/** Computed outputs that the real providers would return, by type token. */
export function computed(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (type) {
        case "pagerduty:index/serviceIntegration:ServiceIntegration":
            return { integrationKey: hash(`integration-${name}`) };
        case "pagerduty:index/service:Service":
            return { htmlUrl: `https://bearifiedco.pagerduty.com/service-directory/P${hash(name, 6).toUpperCase()}` };
        case "sentry:index/sentryKey:SentryKey": {
            const pub = hash(`dsn-${name}`);
            const project = parseInt(hash(name, 6), 16);
            return {
                public: pub,
                secret: hash(`secret-${name}`),
                projectId: project,
                dsnPublic: `https://${pub}@o1.ingest.sentry.io/${project}`,
                dsnSecret: `https://${pub}:${hash(`secret-${name}`)}@o1.ingest.sentry.io/${project}`,
                dsnCsp: `https://o1.ingest.sentry.io/api/${project}/security/?sentry_key=${pub}`,
            };
        }
        case "sentry:index/sentryTeam:SentryTeam":
            return { internalId: String(parseInt(hash(name, 6), 16)) };
        case "sentry:index/sentryProject:SentryProject":
            return { projectId: String(parseInt(hash(name, 6), 16)), internalId: String(parseInt(hash(name, 6), 16)) };
        case "datadog:index/dashboardJson:DashboardJson":
            return { url: `/dashboard/${hash(name, 3)}-${hash(name + "d", 3)}-${hash(name + "b", 3)}/${name}` };
        case "datadog:index/syntheticsTest:SyntheticsTest":
            return { monitorId: parseInt(hash(name, 7), 16) };
        case "aws:kms/key:Key":
            return { keyId: `${hash(name, 8)}-${hash(name + "k", 4)}` };
        case "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream":
            return {};
        default:
            return inputs.name === undefined && type.startsWith("aws:") ? { name: `${name}-${hash(name, 7)}` } : {};
    }
}

export const mocks: pulumi.runtime.Mocks = {
    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
        const inputs = (args.inputs ?? {}) as Record<string, unknown>;
        const state: Record<string, unknown> = { ...inputs, ...computed(args.type, args.name, inputs) };
        const arn = arnFor(args.type, args.name, state);
        if (arn) state.arn = arn;
        const id =
            args.type.startsWith("datadog:") && !args.type.includes("pagerduty")
                ? `${parseInt(hash(args.name, 7), 16)}`
                : `${args.name}-id`;
        return { id, state };
    },
    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/ci`, userId: "AIDAMOCK", id: MOCK_ACCOUNT };
            case "aws:index/getRegion:getRegion":
                return { name: MOCK_REGION, region: MOCK_REGION, id: MOCK_REGION };
            case "aws:index/getPartition:getPartition":
                return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
            case "aws:iam/getPolicyDocument:getPolicyDocument":
                return { json: JSON.stringify({ Version: "2012-10-17", Statement: args.inputs.statements ?? [] }), id: "policy" };
            case "sentry:index/getSentryOrganizationIntegration:getSentryOrganizationIntegration": {
                // The provider sets both id and internalId to Sentry's numeric integration id.
                const id = String(parseInt(hash(`${args.inputs.providerKey}-${args.inputs.name}`, 5), 16));
                return { id, internalId: id, ...args.inputs };
            }
            case "pagerduty:index/getUser:getUser": {
                const email = String(args.inputs.email);
                return { id: `PU${hash(email, 6).toUpperCase()}`, email, name: email.split("@")[0] };
            }
            case "pagerduty:index/getVendor:getVendor":
                return {
                    id: `PV${hash(String(args.inputs.name), 5).toUpperCase()}`,
                    name: args.inputs.name,
                    type: "generic_events_api_inbound_integration",
                };
            default:
                return { id: `${args.token}-${hash(JSON.stringify(args.inputs), 8)}`, ...args.inputs };
        }
    },
};
