/**
 * What the Datadog provider (terraform-provider-datadog, wrapped by @pulumi/datadog 5.11.0) sends to the API for
 * each planned resource: one small explicit mapper per type token, from the Pulumi inputs (camelCase, the
 * provider's schema) to the request body with the API's wire names (snake_case in most APIs, camelCase in
 * Synthetics), following the provider's `build<Resource>Request` functions. Each payload names the
 * @datadog/datadog-api-client model it must deserialize as (tests/helpers/datadogModel.ts).
 *
 * Deliberately explicit (no generic camel→snake conversion): a generic conversion would turn any misspelled
 * input into a misspelled wire name the model then flags, but it would also "fix" the shapes that differ between
 * provider and API (Pulumi's `filters[]` is the API's single `filter`, thresholds are strings in the provider and
 * numbers in the API), which is exactly what a real request would get wrong.
 */
import { parse as parseYaml } from "yaml";
import type { PlanResource } from "./plan";
import { DatadogApi, datadogModelProblems } from "./datadogModel";

export interface DatadogPayload {
    api: DatadogApi;
    model: string;
    body: unknown;
    /**
     * Members that sit in a union of the model (a synthetic step is a test, wait or subtest step): a member that
     * matches no variant only says so, so each is also checked as the variant it is meant to be, which names the
     * attribute or value at fault.
     */
    variants?: Array<{ at: string; model: string; body: unknown }>;
}

/** Model problems of a payload and of its union members checked as their intended variant. */
export function payloadProblems(p: DatadogPayload): string[] {
    return [
        ...datadogModelProblems(p.api, p.model, p.body),
        ...(p.variants ?? []).flatMap((v) => datadogModelProblems(p.api, v.model, v.body).map((x) => `${v.at} as ${v.model}: ${x}`)),
    ];
}

type Inputs = Record<string, any>;

/** Drops undefined members, so optional inputs left out stay out of the payload. */
function compact<T extends Record<string, unknown>>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The provider parses numeric strings (`json.Number(...).Float64()`); a non-number stays a string for the model to refuse. */
function num(v: unknown): unknown {
    if (v === undefined) return undefined;
    const n = Number(v);
    return typeof v === "string" && v.trim() !== "" && Number.isFinite(n) ? n : v;
}

/** Pulumi's list-of-one blocks (`filters: [{query}]`) are single objects in the API. */
function single<T>(list: T[] | undefined, what: string): T | undefined {
    if (list === undefined) return undefined;
    if (list.length !== 1) throw new Error(`${what}: the provider takes exactly one block, got ${list.length}`);
    return list[0];
}

// ---- monitors, SLOs ----

function monitor(i: Inputs): DatadogPayload {
    const t = i.monitorThresholds ?? {};
    const w = i.monitorThresholdWindows;
    return {
        api: "v1",
        model: "Monitor",
        body: compact({
            name: i.name,
            type: i.type,
            query: i.query,
            message: i.message,
            priority: num(i.priority),
            tags: i.tags,
            restricted_roles: i.restrictedRoles,
            options: compact({
                thresholds: compact({
                    critical: num(t.critical),
                    warning: num(t.warning),
                    ok: num(t.ok),
                    unknown: num(t.unknown),
                    critical_recovery: num(t.criticalRecovery),
                    warning_recovery: num(t.warningRecovery),
                }),
                threshold_windows: w && compact({ trigger_window: w.triggerWindow, recovery_window: w.recoveryWindow }),
                notify_no_data: i.notifyNoData,
                no_data_timeframe: i.noDataTimeframe,
                renotify_interval: i.renotifyInterval,
                renotify_statuses: i.renotifyStatuses,
                evaluation_delay: i.evaluationDelay,
                new_group_delay: i.newGroupDelay,
                require_full_window: i.requireFullWindow,
                include_tags: i.includeTags,
                on_missing_data: i.onMissingData,
                notify_audit: i.notifyAudit,
                escalation_message: i.escalationMessage,
                timeout_h: i.timeoutH,
            }),
        }),
    };
}

function slo(i: Inputs): DatadogPayload {
    return {
        api: "v1",
        model: "ServiceLevelObjectiveRequest",
        body: compact({
            name: i.name,
            description: i.description,
            type: i.type,
            tags: i.tags,
            monitor_ids: i.monitorIds,
            groups: i.groups,
            query: i.query && { numerator: i.query.numerator, denominator: i.query.denominator },
            thresholds: (i.thresholds ?? []).map((t: Inputs) => compact({ timeframe: t.timeframe, target: t.target, warning: t.warning })),
        }),
    };
}

// ---- synthetics (the Synthetics API's wire names are camelCase, options snake_case) ----

function assertion(a: Inputs): unknown {
    if (a.targetjsonpath) {
        const j = a.targetjsonpath;
        return {
            type: a.type,
            operator: a.operator,
            target: compact({ jsonPath: j.jsonpath, operator: j.operator, targetValue: j.targetvalue }),
        };
    }
    return compact({ type: a.type, operator: a.operator, property: a.property, target: a.target });
}

function request(r: Inputs | undefined, headers?: Record<string, string>): unknown {
    if (!r) return undefined;
    return compact({
        method: r.method,
        url: r.url,
        body: r.body,
        bodyType: r.bodyType,
        timeout: r.timeout,
        host: r.host,
        port: num(r.port),
        headers: headers && Object.keys(headers).length ? headers : undefined,
    });
}

function variable(v: Inputs): unknown {
    return compact({ type: v.type, name: v.name, id: v.id, example: v.example, pattern: v.pattern, secure: v.secure });
}

function testOptions(o: Inputs | undefined, deviceIds?: string[]): unknown {
    if (!o) return undefined;
    return compact({
        tick_every: o.tickEvery,
        min_failure_duration: o.minFailureDuration,
        min_location_failed: o.minLocationFailed,
        monitor_name: o.monitorName,
        monitor_priority: o.monitorPriority,
        follow_redirects: o.followRedirects,
        accept_self_signed: o.acceptSelfSigned,
        checkCertificateRevocation: o.checkCertificateRevocation,
        retry: o.retry && compact({ count: o.retry.count, interval: o.retry.interval }),
        monitor_options: o.monitorOptions && compact({ renotify_interval: o.monitorOptions.renotifyInterval }),
        device_ids: deviceIds,
    });
}

function apiStep(s: Inputs): unknown {
    return compact({
        name: s.name,
        subtype: s.subtype,
        allowFailure: s.allowFailure,
        isCritical: s.isCritical,
        request: request(s.requestDefinition, s.requestHeaders),
        assertions: (s.assertions ?? []).map(assertion),
        extractedValues: s.extractedValues?.map((e: Inputs) =>
            compact({
                name: e.name,
                type: e.type,
                field: e.field,
                secure: e.secure,
                parser: e.parser && compact({ type: e.parser.type, value: e.parser.value }),
            }),
        ),
    });
}

function syntheticsTest(i: Inputs): DatadogPayload {
    const common = { name: i.name, type: i.type, status: i.status, locations: i.locations, message: i.message, tags: i.tags };
    if (i.type === "browser") {
        return {
            api: "v1",
            model: "SyntheticsBrowserTest",
            body: compact({
                ...common,
                config: compact({
                    request: request(i.requestDefinition),
                    assertions: (i.assertions ?? []).map(assertion),
                    variables: i.browserVariables?.map(variable),
                }),
                options: testOptions(i.optionsList, i.deviceIds),
                steps: i.browserSteps?.map((s: Inputs) =>
                    compact({ name: s.name, type: s.type, params: s.params, allowFailure: s.allowFailure, isCritical: s.isCritical }),
                ),
            }),
        };
    }
    const steps = i.apiSteps?.map(apiStep) as unknown[] | undefined;
    return {
        api: "v1",
        model: "SyntheticsAPITest",
        variants: steps?.map((body, n) => ({ at: `config.steps[${n}]`, model: "SyntheticsAPITestStep", body })),
        body: compact({
            ...common,
            subtype: i.subtype,
            config: compact({
                request: request(i.requestDefinition, i.requestHeaders),
                assertions: i.subtype === "multi" ? undefined : (i.assertions ?? []).map(assertion),
                steps,
                configVariables: i.configVariables?.map(variable),
            }),
            options: testOptions(i.optionsList),
        }),
    };
}

function globalVariable(i: Inputs): DatadogPayload {
    return {
        api: "v1",
        model: "SyntheticsGlobalVariableRequest",
        body: compact({
            name: i.name,
            description: i.description,
            tags: i.tags ?? [],
            value: compact({ value: i.value, secure: i.secure }),
        }),
    };
}

// ---- logs ----

function logsIndex(i: Inputs): DatadogPayload {
    return {
        api: "v1",
        model: "LogsIndex",
        body: compact({
            name: i.name,
            filter: single(i.filters, "filters"),
            num_retention_days: i.retentionDays,
            daily_limit: i.dailyLimit,
            daily_limit_warning_threshold_percentage: i.dailyLimitWarningThresholdPercentage,
            exclusion_filters: i.exclusionFilters?.map((f: Inputs) => {
                const filter = single<Inputs>(f.filters, "exclusionFilters.filters");
                return compact({
                    name: f.name,
                    is_enabled: f.isEnabled,
                    filter: filter && compact({ query: filter.query, sample_rate: filter.sampleRate }),
                });
            }),
        }),
    };
}

/** The provider's processor blocks, keyed by the API's processor `type`. */
const PROCESSOR_TYPES: Record<string, string> = {
    dateRemapper: "date-remapper",
    statusRemapper: "status-remapper",
    messageRemapper: "message-remapper",
    traceIdRemapper: "trace-id-remapper",
    attributeRemapper: "attribute-remapper",
    grokParser: "grok-parser",
    serviceRemapper: "service-remapper",
    urlParser: "url-parser",
    userAgentParser: "user-agent-parser",
};

function processor(p: Inputs): unknown {
    const [kind, ...more] = Object.keys(p);
    if (more.length || !PROCESSOR_TYPES[kind])
        throw new Error(`processor: unknown or multiple processor blocks ${Object.keys(p).join(", ")}`);
    const b = p[kind] as Inputs;
    return compact({
        type: PROCESSOR_TYPES[kind],
        name: b.name,
        is_enabled: b.isEnabled,
        sources: b.sources,
        source: b.source,
        samples: b.samples,
        grok: b.grok && compact({ match_rules: b.grok.matchRules, support_rules: b.grok.supportRules }),
        source_type: b.sourceType,
        target: b.target,
        target_type: b.targetType,
        preserve_source: b.preserveSource,
        override_on_conflict: b.overrideOnConflict,
    });
}

function logsPipeline(i: Inputs): DatadogPayload {
    return {
        api: "v1",
        model: "LogsPipeline",
        body: compact({
            name: i.name,
            is_enabled: i.isEnabled,
            filter: single(i.filters, "filters"),
            processors: (i.processors ?? []).map(processor),
        }),
    };
}

function logsArchive(i: Inputs): DatadogPayload {
    const s3 = i.s3Archive as Inputs;
    return {
        api: "v2",
        model: "LogsArchiveCreateRequest",
        body: {
            data: {
                type: "archives",
                attributes: compact({
                    name: i.name,
                    query: i.query,
                    include_tags: i.includeTags,
                    rehydration_tags: i.rehydrationTags,
                    destination: compact({
                        type: "s3",
                        bucket: s3.bucket,
                        path: s3.path,
                        integration: { account_id: s3.accountId, role_name: s3.roleName },
                        encryption: s3.encryptionType && compact({ type: s3.encryptionType, key: s3.encryptionKey }),
                    }),
                }),
            },
        },
    };
}

/** Inputs the provider uses but does not send in the body (a resource id, a URL path parameter). */
function notInBody(...values: unknown[]): void {
    void values;
}

function logsIndexOrder(i: Inputs): DatadogPayload {
    notInBody(i.name); // the provider's id for the order, never sent
    return { api: "v1", model: "LogsIndexesOrder", body: { index_names: i.indexes } };
}

function scannerGroup(i: Inputs): DatadogPayload {
    return {
        api: "v2",
        model: "SensitiveDataScannerGroupCreateRequest",
        body: {
            data: {
                type: "sensitive_data_scanner_group",
                attributes: compact({
                    name: i.name,
                    description: i.description,
                    filter: i.filter,
                    is_enabled: i.isEnabled,
                    product_list: i.productLists,
                }),
                relationships: {
                    configuration: { data: { type: "sensitive_data_scanner_configuration", id: "configuration" } },
                    rules: { data: [] },
                },
            },
        },
    };
}

function scannerRule(i: Inputs): DatadogPayload {
    const r = i.textReplacement as Inputs | undefined;
    return {
        api: "v2",
        model: "SensitiveDataScannerRuleCreateRequest",
        body: {
            data: {
                type: "sensitive_data_scanner_rule",
                attributes: compact({
                    name: i.name,
                    description: i.description,
                    pattern: i.pattern,
                    is_enabled: i.isEnabled,
                    priority: i.priority,
                    tags: i.tags ?? [],
                    excluded_namespaces: i.excludedNamespaces,
                    namespaces: i.namespaces,
                    text_replacement:
                        r && compact({ type: r.type, replacement_string: r.replacementString, number_of_chars: r.numberOfChars }),
                }),
                relationships: { group: { data: { type: "sensitive_data_scanner_group", id: String(i.groupId) } } },
            },
            // The provider sends the configuration version it last read; any version deserializes.
            meta: {},
        },
    };
}

function securityRule(i: Inputs): DatadogPayload {
    const o = (i.options ?? {}) as Inputs;
    return {
        api: "v2",
        model: "SecurityMonitoringRuleCreatePayload",
        body: compact({
            name: i.name,
            message: i.message,
            isEnabled: i.enabled,
            type: i.type,
            tags: i.tags,
            cases: (i.cases ?? []).map((c: Inputs) =>
                compact({ name: c.name, status: c.status, condition: c.condition, notifications: c.notifications }),
            ),
            options: compact({
                detectionMethod: o.detectionMethod,
                evaluationWindow: o.evaluationWindow,
                keepAlive: o.keepAlive,
                maxSignalDuration: o.maxSignalDuration,
                decreaseCriticalityBasedOnEnv: o.decreaseCriticalityBasedOnEnv,
            }),
            queries: (i.queries ?? []).map((q: Inputs) =>
                compact({
                    name: q.name,
                    query: q.query,
                    aggregation: q.aggregation,
                    groupByFields: q.groupByFields,
                    distinctFields: q.distinctFields,
                }),
            ),
        }),
    };
}

// ---- downtimes, governance, catalog, dashboards ----

function downtime(i: Inputs): DatadogPayload {
    const rec = i.recurringSchedule as Inputs | undefined;
    return {
        api: "v2",
        model: "DowntimeCreateRequest",
        body: {
            data: {
                type: "downtime",
                attributes: compact({
                    message: i.message,
                    scope: i.scope,
                    display_timezone: i.displayTimezone,
                    monitor_identifier: compact({
                        monitor_tags: i.monitorIdentifier?.monitorTags,
                        monitor_id: i.monitorIdentifier?.monitorId,
                    }),
                    mute_first_recovery_notification: i.muteFirstRecoveryNotification,
                    notify_end_states: i.notifyEndStates,
                    notify_end_types: i.notifyEndTypes,
                    schedule:
                        rec &&
                        compact({
                            timezone: rec.timezone,
                            recurrences: rec.recurrences.map((r: Inputs) =>
                                compact({ duration: r.duration, rrule: r.rrule, start: r.start }),
                            ),
                        }),
                }),
            },
        },
    };
}

function team(i: Inputs): DatadogPayload {
    return {
        api: "v2",
        model: "TeamCreateRequest",
        body: { data: { type: "team", attributes: compact({ handle: i.handle, name: i.name, description: i.description }) } },
    };
}

function teamLink(i: Inputs): DatadogPayload {
    notInBody(i.teamId); // POST /api/v2/team/{team_id}/links
    return {
        api: "v2",
        model: "TeamLinkCreateRequest",
        body: { data: { type: "team_links", attributes: compact({ label: i.label, url: i.url, position: i.position }) } },
    };
}

function monitorConfigPolicy(i: Inputs): DatadogPayload {
    const t = i.tagPolicy as Inputs;
    return {
        api: "v2",
        model: "MonitorConfigPolicyCreateRequest",
        body: {
            data: {
                type: "monitor-config-policy",
                attributes: {
                    policy_type: i.policyType,
                    policy: compact({ tag_key: t.tagKey, tag_key_required: t.tagKeyRequired, valid_tag_values: t.validTagValues }),
                },
            },
        },
    };
}

function pagerdutyServiceObject(i: Inputs): DatadogPayload {
    return { api: "v1", model: "PagerDutyService", body: { service_name: i.serviceName, service_key: i.serviceKey } };
}

function dashboardJson(i: Inputs): DatadogPayload {
    return { api: "v1", model: "Dashboard", body: JSON.parse(i.dashboard) };
}

function softwareCatalog(i: Inputs): DatadogPayload {
    return { api: "v2", model: "EntityV3", body: parseYaml(i.entity) };
}

// ---- access control and incidents (v2 JSON:API bodies) ----

function role(i: Inputs): DatadogPayload {
    return { api: "v2", model: "RoleCreateRequest", body: { data: { type: "roles", attributes: { name: i.name } } } };
}

function incidentType(i: Inputs): DatadogPayload {
    return {
        api: "v2",
        model: "IncidentTypeCreateRequest",
        body: {
            data: { type: "incident_types", attributes: compact({ name: i.name, description: i.description, is_default: i.isDefault }) },
        },
    };
}

const incidentTypeRelationship = (id: string) => ({ incident_type: { data: { id, type: "incident_types" } } });

function incidentPostmortemTemplate(i: Inputs): DatadogPayload {
    return {
        api: "v2",
        model: "PostmortemTemplateRequest",
        body: {
            data: {
                type: "postmortem_template",
                // The API keeps "default" as the time the template became the default.
                attributes: compact({
                    name: i.name,
                    content: i.content,
                    location: i.location,
                    is_default: i.isDefault ? "2026-01-01T00:00:00Z" : undefined,
                }),
                relationships: incidentTypeRelationship(i.incidentType),
            },
        },
    };
}

function incidentNotificationTemplate(i: Inputs): DatadogPayload {
    return {
        api: "v2",
        model: "CreateIncidentNotificationTemplateRequest",
        body: {
            data: {
                type: "notification_templates",
                attributes: { name: i.name, category: i.category, subject: i.subject, content: i.content },
                relationships: incidentTypeRelationship(i.incidentType),
            },
        },
    };
}

export const DATADOG_MAPPERS: Record<string, (inputs: Inputs) => DatadogPayload> = {
    "datadog:index/role:Role": role,
    "datadog:index/incidentType:IncidentType": incidentType,
    "datadog:index/incidentPostmortemTemplate:IncidentPostmortemTemplate": incidentPostmortemTemplate,
    "datadog:index/incidentNotificationTemplate:IncidentNotificationTemplate": incidentNotificationTemplate,
    "datadog:index/monitor:Monitor": monitor,
    "datadog:index/serviceLevelObjective:ServiceLevelObjective": slo,
    "datadog:index/syntheticsTest:SyntheticsTest": syntheticsTest,
    "datadog:index/syntheticsGlobalVariable:SyntheticsGlobalVariable": globalVariable,
    "datadog:index/logsIndex:LogsIndex": logsIndex,
    "datadog:index/logsIndexOrder:LogsIndexOrder": logsIndexOrder,
    "datadog:index/logsCustomPipeline:LogsCustomPipeline": logsPipeline,
    "datadog:index/logsArchive:LogsArchive": logsArchive,
    "datadog:index/sensitiveDataScannerGroup:SensitiveDataScannerGroup": scannerGroup,
    "datadog:index/sensitiveDataScannerRule:SensitiveDataScannerRule": scannerRule,
    "datadog:index/securityMonitoringRule:SecurityMonitoringRule": securityRule,
    "datadog:index/downtimeSchedule:DowntimeSchedule": downtime,
    "datadog:index/team:Team": team,
    "datadog:index/teamLink:TeamLink": teamLink,
    "datadog:index/monitorConfigPolicy:MonitorConfigPolicy": monitorConfigPolicy,
    "datadog:pagerduty/serviceObject:ServiceObject": pagerdutyServiceObject,
    "datadog:index/dashboardJson:DashboardJson": dashboardJson,
    "datadog:index/softwareCatalog:SoftwareCatalog": softwareCatalog,
};

/**
 * The payload of a planned Datadog resource. Throws for a type without a mapper, and for an input the mapper never
 * reads (so a new type or a new input cannot go unchecked: an unmapped input would be silently missing from the
 * payload the model sees).
 */
export function datadogPayload(r: PlanResource): DatadogPayload {
    const mapper = DATADOG_MAPPERS[r.type];
    if (!mapper) throw new Error(`${r.type}: no API mapper in tests/helpers/datadogPayload.ts`);
    const read = new Set<string>();
    const tracked = new Proxy(r.inputs, { get: (target, key) => (typeof key === "string" && read.add(key), Reflect.get(target, key)) });
    const payload = mapper(tracked);
    const unmapped = Object.keys(r.inputs).filter((k) => !read.has(k));
    if (unmapped.length)
        throw new Error(
            `${r.name} (${r.type}): input(s) ${unmapped.join(", ")} not mapped to the API payload in tests/helpers/datadogPayload.ts`,
        );
    return payload;
}
