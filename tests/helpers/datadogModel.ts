/**
 * Validates Datadog API payloads offline against Datadog's official models (@datadog/datadog-api-client). The
 * client's ObjectSerializer accepts anything that has the required attributes and the right JSON types, but
 * records what it does not know: unknown attributes in `additionalProperties`, an unknown enum value as
 * `{_data: value}` under a parent flagged `_unparsed` (older models: `unparsedObject`), and a union value
 * matching no variant as `_data`. All are searched for, recursively; a type mismatch or a missing required
 * attribute makes the serializer throw, which is reported too.
 */
import { v1, v2 } from "@datadog/datadog-api-client";

export type DatadogApi = "v1" | "v2";

/** Problems of `doc` as the API's `model` (e.g. v1 "Monitor", v2 "TeamCreateRequest"); each starts with its path. */
export function datadogModelProblems(api: DatadogApi, model: string, doc: unknown): string[] {
    const serializer = api === "v1" ? v1.ObjectSerializer : v2.ObjectSerializer;
    let parsed: unknown;
    try {
        parsed = serializer.deserialize(doc, model, "");
    } catch (e) {
        return [`does not deserialize as ${api} ${model}: ${(e as Error).message}`];
    }
    const problems: string[] = [];
    const walk = (node: unknown, at: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
        if (!node || typeof node !== "object") return;
        const obj = node as Record<string, unknown>;
        const where = at || "(root)";
        if (obj.unparsedObject !== undefined) problems.push(`${where}: unknown value ${JSON.stringify(obj.unparsedObject)}`);
        if (obj._data !== undefined) {
            problems.push(
                obj._data && typeof obj._data === "object"
                    ? `${where}: matches no variant of the model: ${JSON.stringify(obj._data)}`
                    : `${where}: ${JSON.stringify(obj._data)} is not a value the model allows`,
            );
        }
        const extra = obj.additionalProperties as Record<string, unknown> | undefined;
        if (extra && Object.keys(extra).length) problems.push(`${where}: unknown attribute(s) ${Object.keys(extra).join(", ")}`);
        for (const [k, v] of Object.entries(obj)) {
            if (!["additionalProperties", "unparsedObject", "_data", "_unparsed"].includes(k)) walk(v, at ? `${at}.${k}` : k);
        }
    };
    walk(parsed, "");
    return problems;
}

export function dashboardModelProblems(doc: unknown): string[] {
    return datadogModelProblems("v1", "Dashboard", doc);
}

/** A Software Catalog entity (schema v3, kind service). */
export function catalogEntityModelProblems(doc: unknown): string[] {
    return datadogModelProblems("v2", "EntityV3Service", doc);
}
