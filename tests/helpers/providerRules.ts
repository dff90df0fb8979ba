/**
 * The validators of the providers behind @pulumi/aws, @pulumi/pagerduty and @pulumiverse/sentry, mirrored as data:
 * each rule names the resource type, the input field (Pulumi's camelCase path; `[]` walks every element of a
 * list), the rule as the provider states it, and where it comes from. A real `pulumi preview` runs the same
 * checks, so a plan that breaks one would fail there; here it fails offline, naming resource, field and rule.
 *
 * Sources (read with git from the providers' repositories):
 * - Datadog: DataDog/terraform-provider-datadog v4.15.0 (the line @pulumi/datadog 5.x wraps), for limits the API
 *   client's models do not express; everything else is checked against the models (tests/helpers/datadogModel.ts).
 * - AWS: hashicorp/terraform-provider-aws v6 (wrapped by @pulumi/aws 7.48.0), `internal/service/<svc>/*.go`,
 *   plus limits that S3 itself enforces on lifecycle rules (S3 API reference, "Transitioning objects").
 * - PagerDuty: PagerDuty/terraform-provider-pagerduty v2.4.0 (@pulumi/pagerduty 3.4.0 wraps a fork of it from
 *   April 2022, pulumi/terraform-provider-pagerduty 6a97d42), `pagerduty/resource_pagerduty_*.go`.
 * - Sentry: jianyuan/terraform-provider-sentry v0.11.2 (@pulumiverse/sentry 0.0.9), `sentry/resource_sentry_*.go`,
 *   plus limits Sentry's API enforces where the provider has no validator (marked "Sentry API").
 */
import type { PlanResource } from "./plan";

export interface ProviderRule {
    type: string;
    /** Input path, e.g. "name", "rules[].transitions[].days". */
    field: string;
    /** The rule in the provider's words. */
    rule: string;
    source: string;
    /** True when the value is acceptable (given the object holding it and the resource's inputs); absent values are skipped unless `required`. */
    ok: (value: any, holder: Record<string, any>, inputs: Record<string, any>) => boolean;
    required?: boolean;
}

const oneOf = (values: ReadonlyArray<unknown>) => (v: unknown) => values.includes(v);
const between = (min: number, max: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const atLeast = (min: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= min;
const matches = (re: RegExp) => (v: unknown) => typeof v === "string" && re.test(v);
const lengthBetween = (min: number, max: number) => (v: unknown) => typeof v === "string" && v.length >= min && v.length <= max;

const AWS = "terraform-provider-aws v6";
const DD = "terraform-provider-datadog v4.15.0";
const S3_API = "S3 API (lifecycle transitions)";
const PD = "terraform-provider-pagerduty v2.4.0";
const SENTRY = "terraform-provider-sentry v0.11.2";
const SENTRY_API = "Sentry API";

/** CloudWatch Logs retention values (`validation.IntInSlice` in logs/group.go). */
export const LOG_RETENTION_DAYS = [
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
/** S3: Standard-IA only for objects ≥ 30 days old; Glacier Flexible Retrieval bills 90 days minimum. */
export const S3_STANDARD_IA_MIN_AGE_DAYS = 30;
export const S3_GLACIER_MIN_STORAGE_DAYS = 90;

type Transition = { days: number; storageClass: string };

export const PROVIDER_RULES: ProviderRule[] = [
    // ---- AWS ----
    {
        type: "aws:cloudwatch/logGroup:LogGroup",
        field: "name",
        rule: "validLogGroupName: 1-512 of [.-_/#A-Za-z0-9]",
        source: `${AWS} logs/validate.go`,
        ok: matches(/^[.\-_/#A-Za-z0-9]{1,512}$/),
        required: true,
    },
    {
        type: "aws:cloudwatch/logGroup:LogGroup",
        field: "retentionInDays",
        rule: `retention_in_days: IntInSlice(${LOG_RETENTION_DAYS.join(", ")})`,
        source: `${AWS} logs/group.go`,
        ok: oneOf(LOG_RETENTION_DAYS),
    },
    {
        type: "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
        field: "filterPattern",
        rule: "filter_pattern: StringLenBetween(0, 1024)",
        source: `${AWS} logs/subscription_filter.go`,
        ok: lengthBetween(0, 1024),
        required: true,
    },
    {
        type: "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
        field: "logGroup",
        rule: "log_group_name: validLogGroupName",
        source: `${AWS} logs/subscription_filter.go`,
        ok: matches(/^[.\-_/#A-Za-z0-9]{1,512}$/),
        required: true,
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        field: "name",
        rule: "alarm_name: StringLenBetween(1, 255)",
        source: `${AWS} cloudwatch/metric_alarm.go`,
        ok: lengthBetween(1, 255),
        required: true,
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        field: "alarmDescription",
        rule: "alarm_description: StringLenBetween(0, 1024)",
        source: `${AWS} cloudwatch/metric_alarm.go`,
        ok: lengthBetween(0, 1024),
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        field: "comparisonOperator",
        rule: "comparison_operator: enum ComparisonOperator",
        source: `${AWS} cloudwatch/metric_alarm.go`,
        ok: oneOf([
            "GreaterThanOrEqualToThreshold",
            "GreaterThanThreshold",
            "LessThanThreshold",
            "LessThanOrEqualToThreshold",
            "LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold",
            "GreaterThanUpperThreshold",
        ]),
        required: true,
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        field: "statistic",
        rule: "statistic: enum Statistic (SampleCount, Average, Sum, Minimum, Maximum)",
        source: `${AWS} cloudwatch/metric_alarm.go`,
        ok: oneOf(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]),
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        field: "treatMissingData",
        rule: "treat_missing_data: missing, ignore, breaching, notBreaching",
        source: `${AWS} cloudwatch/metric_alarm.go`,
        ok: oneOf(["missing", "ignore", "breaching", "notBreaching"]),
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        field: "period",
        rule: "period: 10, 20, 30 or a multiple of 60 (validMetricAlarmPeriod)",
        source: `${AWS} cloudwatch/metric_alarm.go`,
        ok: (v) => [10, 20, 30].includes(v) || (Number.isInteger(v) && v > 0 && v % 60 === 0),
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        field: "evaluationPeriods",
        rule: "evaluation_periods: IntAtLeast(1)",
        source: `${AWS} cloudwatch/metric_alarm.go`,
        ok: atLeast(1),
        required: true,
    },
    {
        type: "aws:iam/role:Role",
        field: "name",
        rule: "name: 1-64 of [\\w+=,.@-]",
        source: `${AWS} iam/role.go`,
        ok: matches(/^[\w+=,.@-]{1,64}$/),
    },
    {
        type: "aws:iam/role:Role",
        field: "description",
        rule: "description: StringLenBetween(0, 1000), printable",
        source: `${AWS} iam/role.go`,
        ok: (v) => lengthBetween(0, 1000)(v) && /^[\p{L}\p{M}\p{Z}\p{S}\p{N}\p{P}]*$/u.test(v),
    },
    {
        type: "aws:iam/rolePolicy:RolePolicy",
        field: "name",
        rule: "name: 1-128 of [\\w+=,.@-]",
        source: `${AWS} iam/role_policy.go`,
        ok: matches(/^[\w+=,.@-]{1,128}$/),
    },
    {
        type: "aws:iam/rolePolicy:RolePolicy",
        field: "role",
        rule: "role: an IAM role name, 1-64 of [\\w+=,.@-]",
        source: `${AWS} iam/role_policy.go`,
        ok: matches(/^[\w+=,.@-]{1,64}$/),
        required: true,
    },
    {
        type: "aws:kms/key:Key",
        field: "deletionWindowInDays",
        rule: "deletion_window_in_days: IntBetween(7, 30)",
        source: `${AWS} kms/key.go`,
        ok: between(7, 30),
    },
    {
        type: "aws:kms/key:Key",
        field: "description",
        rule: "description: StringLenBetween(0, 8192)",
        source: `${AWS} kms/key.go`,
        ok: lengthBetween(0, 8192),
    },
    {
        type: "aws:route53/healthCheck:HealthCheck",
        field: "type",
        rule: "type: enum HealthCheckType (Required)",
        source: `${AWS} route53/health_check.go`,
        ok: oneOf(["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP", "CALCULATED", "CLOUDWATCH_METRIC", "RECOVERY_CONTROL"]),
        required: true,
    },
    {
        type: "aws:route53/healthCheck:HealthCheck",
        field: "requestInterval",
        rule: "request_interval: IntInSlice(10, 30)",
        source: `${AWS} route53/health_check.go`,
        ok: oneOf([10, 30]),
    },
    {
        type: "aws:route53/healthCheck:HealthCheck",
        field: "failureThreshold",
        rule: "failure_threshold: IntBetween(1, 10)",
        source: `${AWS} route53/health_check.go`,
        ok: between(1, 10),
    },
    {
        type: "aws:route53/healthCheck:HealthCheck",
        field: "fqdn",
        rule: "fqdn: StringLenBetween(0, 255)",
        source: `${AWS} route53/health_check.go`,
        ok: lengthBetween(0, 255),
    },
    {
        type: "aws:route53/healthCheck:HealthCheck",
        field: "resourcePath",
        rule: "resource_path: StringLenBetween(0, 255)",
        source: `${AWS} route53/health_check.go`,
        ok: lengthBetween(0, 255),
    },
    {
        type: "aws:sns/topic:Topic",
        field: "name",
        rule: "name: 1-256 of [A-Za-z0-9_-] (validTopicName)",
        source: `${AWS} sns/topic.go`,
        ok: matches(/^[A-Za-z0-9_-]{1,256}$/),
    },
    {
        type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        field: "name",
        rule: "name: 1-64 of [A-Za-z0-9._-]",
        source: `${AWS} firehose/delivery_stream.go`,
        ok: matches(/^[A-Za-z0-9._-]{1,64}$/),
        required: true,
    },
    {
        type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        field: "httpEndpointConfiguration.bufferingInterval",
        rule: "http_endpoint_configuration.buffering_interval: IntBetween(0, 900)",
        source: `${AWS} firehose/delivery_stream.go`,
        ok: between(0, 900),
    },
    {
        type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        field: "httpEndpointConfiguration.bufferingSize",
        rule: "http_endpoint_configuration.buffering_size: IntBetween(1, 64)",
        source: `${AWS} firehose/delivery_stream.go`,
        ok: between(1, 64),
    },
    {
        type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        field: "httpEndpointConfiguration.retryDuration",
        rule: "http_endpoint_configuration.retry_duration: IntBetween(0, 7200)",
        source: `${AWS} firehose/delivery_stream.go`,
        ok: between(0, 7200),
    },
    {
        type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        field: "httpEndpointConfiguration.url",
        rule: "http_endpoint_configuration.url: ^https://, at most 1000 characters",
        source: `${AWS} firehose/delivery_stream.go`,
        ok: (v) => matches(/^https:\/\//)(v) && v.length <= 1000,
    },
    {
        type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        field: "httpEndpointConfiguration.s3BackupMode",
        rule: "s3_backup_mode: FailedDataOnly or AllData",
        source: `${AWS} firehose/delivery_stream.go`,
        ok: oneOf(["FailedDataOnly", "AllData"]),
    },
    {
        type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        field: "httpEndpointConfiguration.requestConfiguration.contentEncoding",
        rule: "content_encoding: NONE or GZIP",
        source: `${AWS} firehose/delivery_stream.go`,
        ok: oneOf(["NONE", "GZIP"]),
    },
    {
        type: "aws:s3/bucket:Bucket",
        field: "bucket",
        rule: "validBucketName: 3-63 of [a-z0-9.-], starting and ending with a letter or digit",
        source: `${AWS} s3/bucket.go`,
        ok: matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
        required: true,
    },
    {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        field: "rules[].id",
        rule: "rule.id: StringLenBetween(1, 255)",
        source: `${AWS} s3/bucket_lifecycle_configuration.go`,
        ok: lengthBetween(1, 255),
        required: true,
    },
    {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        field: "rules[].status",
        rule: "rule.status: Enabled or Disabled",
        source: `${AWS} s3/bucket_lifecycle_configuration.go`,
        ok: oneOf(["Enabled", "Disabled"]),
        required: true,
    },
    {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        field: "rules[].transitions[].storageClass",
        rule: "transition.storage_class: enum TransitionStorageClass",
        source: `${AWS} s3/bucket_lifecycle_configuration.go`,
        ok: oneOf(["GLACIER", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR"]),
    },
    {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        field: "rules[].transitions",
        source: S3_API,
        rule: `STANDARD_IA only for objects ≥ ${S3_STANDARD_IA_MIN_AGE_DAYS} days old and ≥ ${S3_STANDARD_IA_MIN_AGE_DAYS} days before the next transition`,
        ok: (ts: Transition[], rule: any) =>
            ts.every(
                (t, i) =>
                    t.storageClass !== "STANDARD_IA" ||
                    (t.days >= S3_STANDARD_IA_MIN_AGE_DAYS &&
                        (ts[i + 1]?.days ?? rule.expiration?.days ?? Infinity) - t.days >= S3_STANDARD_IA_MIN_AGE_DAYS),
            ),
    },
    {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        field: "rules[].transitions",
        source: S3_API,
        rule: `GLACIER objects stay ≥ ${S3_GLACIER_MIN_STORAGE_DAYS} days before expiry (minimum storage duration, early-deletion charge)`,
        ok: (ts: Transition[], rule: any) =>
            ts.every((t) => t.storageClass !== "GLACIER" || (rule.expiration?.days ?? Infinity) - t.days >= S3_GLACIER_MIN_STORAGE_DAYS),
    },
    {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        field: "rules[].expiration.days",
        source: S3_API,
        rule: "expiration after every transition, transitions in increasing days",
        ok: (days: number, rule: any) =>
            (rule.transitions ?? []).every(
                (t: Transition, i: number, all: Transition[]) => t.days < days && (i === 0 || all[i - 1].days < t.days),
            ),
    },

    // ---- Datadog (limits its models do not express) ----
    {
        type: "datadog:index/syntheticsTest:SyntheticsTest",
        field: "optionsList.tickEvery",
        rule: "tick_every: IntBetween(30, 604800); browser tests from 60",
        source: `${DD} resource_datadog_synthetics_test_.go`,
        ok: (v, _o, i) => between(i.type === "browser" ? 60 : 30, 604800)(v),
        required: true,
    },
    {
        type: "datadog:index/syntheticsTest:SyntheticsTest",
        field: "optionsList.monitorPriority",
        rule: "monitor_priority: IntBetween(1, 5)",
        source: `${DD} resource_datadog_synthetics_test_.go`,
        ok: between(1, 5),
    },
    {
        type: "datadog:index/syntheticsTest:SyntheticsTest",
        field: "optionsList.retry.count",
        rule: "retry.count: at most 3 for api tests, 2 for browser tests",
        source: `${DD} resource_datadog_synthetics_test_.go (Datadog API)`,
        ok: (v, _o, i) => between(0, i.type === "browser" ? 2 : 3)(v),
    },
    {
        type: "datadog:index/syntheticsTest:SyntheticsTest",
        field: "optionsList.retry.interval",
        rule: "retry.interval: at most 5000 ms",
        source: `${DD} resource_datadog_synthetics_test_.go (Datadog API)`,
        ok: between(0, 5000),
    },
    {
        type: "datadog:index/logsIndex:LogsIndex",
        field: "dailyLimit",
        rule: "daily_limit: IntAtLeast(1)",
        source: `${DD} resource_datadog_logs_index.go`,
        ok: atLeast(1),
    },
    {
        type: "datadog:index/logsIndex:LogsIndex",
        field: "dailyLimitWarningThresholdPercentage",
        rule: "daily_limit_warning_threshold_percentage: FloatBetween(50, 99.99)",
        source: `${DD} resource_datadog_logs_index.go`,
        ok: (v) => typeof v === "number" && v >= 50 && v <= 99.99,
    },
    {
        type: "datadog:index/logsIndex:LogsIndex",
        field: "retentionDays",
        rule: "retention_days: a standard index retention (3, 7, 15, 30, 45, 60, 90, 180, 360)",
        source: "Datadog API (logs indexes)",
        ok: oneOf([3, 7, 15, 30, 45, 60, 90, 180, 360]),
    },

    // ---- PagerDuty ----
    {
        type: "pagerduty:index/service:Service",
        field: "name",
        rule: "name can't be blank or contain '\\', '/', '&', '<', '>'",
        source: `${PD} resource_pagerduty_service.go`,
        ok: (v) => typeof v === "string" && !/^$|^[ ]+$|[/\\<>&]/.test(v),
        required: true,
    },
    {
        type: "pagerduty:index/service:Service",
        field: "alertCreation",
        rule: "alert_creation: create_alerts_and_incidents or create_incidents",
        source: `${PD} resource_pagerduty_service.go`,
        ok: oneOf(["create_alerts_and_incidents", "create_incidents"]),
    },
    {
        type: "pagerduty:index/service:Service",
        field: "alertGroupingParameters.type",
        rule: "alert_grouping_parameters.type: time, intelligent or content_based",
        source: `${PD} resource_pagerduty_service.go`,
        ok: oneOf(["time", "intelligent", "content_based"]),
    },
    {
        type: "pagerduty:index/service:Service",
        field: "acknowledgementTimeout",
        rule: 'acknowledgement_timeout: "null" or seconds (PagerDuty API)',
        source: `${PD} resource_pagerduty_service.go`,
        ok: matches(/^(null|\d+)$/),
    },
    {
        type: "pagerduty:index/service:Service",
        field: "autoResolveTimeout",
        rule: 'auto_resolve_timeout: "null" or seconds (PagerDuty API)',
        source: `${PD} resource_pagerduty_service.go`,
        ok: matches(/^(null|\d+)$/),
    },
    {
        type: "pagerduty:index/service:Service",
        field: "incidentUrgencyRule.urgency",
        rule: "incident_urgency_rule.urgency: high, low or severity_based (PagerDuty API)",
        source: `${PD} resource_pagerduty_service.go`,
        ok: oneOf(["high", "low", "severity_based"]),
    },
    {
        type: "pagerduty:index/escalationPolicy:EscalationPolicy",
        field: "numLoops",
        rule: "num_loops: IntBetween(0, 9)",
        source: `${PD} resource_pagerduty_escalation_policy.go`,
        ok: between(0, 9),
    },
    {
        type: "pagerduty:index/escalationPolicy:EscalationPolicy",
        field: "rules[].escalationDelayInMinutes",
        rule: "escalation_delay_in_minutes: IntAtLeast(1)",
        source: `${PD} resource_pagerduty_escalation_policy.go`,
        ok: atLeast(1),
        required: true,
    },
    {
        type: "pagerduty:index/escalationPolicy:EscalationPolicy",
        field: "rules[].targets[].type",
        rule: "target.type: user_reference or schedule_reference",
        source: `${PD} resource_pagerduty_escalation_policy.go`,
        ok: oneOf(["user_reference", "schedule_reference"]),
    },
    {
        type: "pagerduty:index/schedule:Schedule",
        field: "timeZone",
        rule: "time_zone: a location time.LoadLocation knows",
        source: `${PD} resource_pagerduty_schedule.go`,
        ok: (v) => {
            try {
                new Intl.DateTimeFormat("en", { timeZone: v });
                return true;
            } catch {
                return false;
            }
        },
        required: true,
    },
    {
        type: "pagerduty:index/schedule:Schedule",
        field: "layers[].rotationTurnLengthSeconds",
        rule: "rotation_turn_length_seconds: IntBetween(3600, 365*24*3600)",
        source: `${PD} resource_pagerduty_schedule.go`,
        ok: between(3600, 365 * 24 * 3600),
        required: true,
    },
    {
        type: "pagerduty:index/schedule:Schedule",
        field: "layers[].start",
        rule: "start: validateRFC3339",
        source: `${PD} resource_pagerduty_schedule.go`,
        ok: (v) => typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v),
        required: true,
    },
    {
        type: "pagerduty:index/schedule:Schedule",
        field: "layers[].rotationVirtualStart",
        rule: "rotation_virtual_start: validateRFC3339",
        source: `${PD} resource_pagerduty_schedule.go`,
        ok: (v) => typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v),
        required: true,
    },
    {
        type: "pagerduty:index/schedule:Schedule",
        field: "layers[].users",
        rule: "users: MinItems 1",
        source: `${PD} resource_pagerduty_schedule.go`,
        ok: (v) => Array.isArray(v) && v.length >= 1,
        required: true,
    },
    {
        type: "pagerduty:index/serviceIntegration:ServiceIntegration",
        field: "type",
        rule: "type: one of the inbound integration types (…, events_api_v2_inbound_integration, …); conflicts with vendor",
        source: `${PD} resource_pagerduty_service_integration.go`,
        ok: (v, i) =>
            i.vendor === undefined &&
            oneOf([
                "aws_cloudwatch_inbound_integration",
                "cloudkick_inbound_integration",
                "event_transformer_api_inbound_integration",
                "events_api_v2_inbound_integration",
                "generic_email_inbound_integration",
                "generic_events_api_inbound_integration",
                "keynote_inbound_integration",
                "nagios_inbound_integration",
                "pingdom_inbound_integration",
                "sql_monitor_inbound_integration",
            ])(v),
    },
    {
        type: "pagerduty:index/teamMembership:TeamMembership",
        field: "role",
        rule: "role: observer, responder or manager",
        source: `${PD} resource_pagerduty_team_membership.go`,
        ok: oneOf(["observer", "responder", "manager"]),
    },

    // ---- Sentry ----
    {
        type: "sentry:index/sentryIssueAlert:SentryIssueAlert",
        field: "name",
        rule: "name: StringLenBetween(1, 64)",
        source: `${SENTRY} resource_sentry_issue_alert.go`,
        ok: lengthBetween(1, 64),
        required: true,
    },
    {
        type: "sentry:index/sentryIssueAlert:SentryIssueAlert",
        field: "actionMatch",
        rule: "action_match: all or any",
        source: `${SENTRY} resource_sentry_issue_alert.go`,
        ok: oneOf(["all", "any"]),
        required: true,
    },
    {
        type: "sentry:index/sentryIssueAlert:SentryIssueAlert",
        field: "filterMatch",
        rule: "filter_match: all, any or none",
        source: `${SENTRY} resource_sentry_issue_alert.go`,
        ok: oneOf(["all", "any", "none"]),
        required: true,
    },
    {
        type: "sentry:index/sentryIssueAlert:SentryIssueAlert",
        field: "frequency",
        rule: "frequency: 5 to 43200 minutes",
        source: SENTRY_API,
        ok: between(5, 43200),
        required: true,
    },
    {
        type: "sentry:index/sentryMetricAlert:SentryMetricAlert",
        field: "name",
        rule: "name: 1 to 256 characters",
        source: SENTRY_API,
        ok: lengthBetween(1, 256),
        required: true,
    },
    {
        type: "sentry:index/sentryMetricAlert:SentryMetricAlert",
        field: "timeWindow",
        rule: "time_window: 1, 5, 10, 15, 30, 60, 120, 240 or 1440 minutes",
        source: SENTRY_API,
        ok: oneOf([1, 5, 10, 15, 30, 60, 120, 240, 1440]),
        required: true,
    },
    {
        type: "sentry:index/sentryMetricAlert:SentryMetricAlert",
        field: "thresholdType",
        rule: "threshold_type: 0 (above) or 1 (below)",
        source: SENTRY_API,
        ok: oneOf([0, 1]),
        required: true,
    },
    {
        type: "sentry:index/sentryMetricAlert:SentryMetricAlert",
        field: "triggers[].label",
        rule: "trigger.label: critical or warning",
        source: SENTRY_API,
        ok: oneOf(["critical", "warning"]),
        required: true,
    },
    {
        type: "sentry:index/sentryProject:SentryProject",
        field: "slug",
        rule: "slug: 1-50 of [a-z0-9_-], not only digits",
        source: SENTRY_API,
        ok: (v) => matches(/^[a-z0-9_-]{1,50}$/)(v) && !/^\d+$/.test(v),
    },
    {
        type: "sentry:index/sentryProject:SentryProject",
        field: "platform",
        rule: 'platform: "other" or a platform documented at docs.sentry.io/_platforms (validatePlatform; fetched online, checked here for its form)',
        source: `${SENTRY} resource_sentry_project.go`,
        ok: matches(/^(other|[a-z]+(-[a-z0-9]+)*)$/),
    },
    {
        type: "sentry:index/sentryTeam:SentryTeam",
        field: "slug",
        rule: "slug: 1-50 of [a-z0-9_-], not only digits",
        source: SENTRY_API,
        ok: (v) => matches(/^[a-z0-9_-]{1,50}$/)(v) && !/^\d+$/.test(v),
    },
];

/** Values at a path; `[]` fans out over list elements. Returns [concrete path, value, the object holding it]. */
function valuesAt(obj: any, path: string): Array<[string, any, any]> {
    const [head, ...rest] = path.split(".");
    const list = head.endsWith("[]");
    const key = list ? head.slice(0, -2) : head;
    const v = obj?.[key];
    if (!rest.length) {
        if (list) return Array.isArray(v) ? v.map((x, i) => [`${key}[${i}]`, x, obj]) : [];
        return [[key, v, obj]];
    }
    if (list)
        return Array.isArray(v)
            ? v.flatMap((x, i) => valuesAt(x, rest.join(".")).map(([p, y, o]) => [`${key}[${i}].${p}`, y, o] as [string, any, any]))
            : [];
    return valuesAt(v, rest.join(".")).map(([p, y, o]) => [`${key}.${p}`, y, o]);
}

/** Every rule a resource breaks, as `<resource> (<type>): <field>: <value> breaks "<rule>" [<source>]`. */
export function providerRuleProblems(r: PlanResource, rules: ProviderRule[] = PROVIDER_RULES): string[] {
    const out: string[] = [];
    for (const rule of rules.filter((x) => x.type === r.type)) {
        for (const [at, value, holder] of valuesAt(r.inputs, rule.field)) {
            if (value === undefined) {
                if (rule.required) out.push(`${r.name} (${r.type}): ${at}: missing, required by "${rule.rule}" [${rule.source}]`);
                continue;
            }
            if (!rule.ok(value, holder, r.inputs))
                out.push(`${r.name} (${r.type}): ${at}: ${JSON.stringify(value)} breaks "${rule.rule}" [${rule.source}]`);
        }
    }
    return out;
}
