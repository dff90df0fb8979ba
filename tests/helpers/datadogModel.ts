/**
 * Validates dashboard JSON offline against Datadog's official model: the client's ObjectSerializer accepts
 * anything but records unknown attributes in `additionalProperties` and unknown enum values as `unparsedObject`,
 * and a union value matching no variant as `_unparsed`/`_data`, so all three are searched for, recursively.
 */
import { v1, v2 } from "@datadog/datadog-api-client";

export function dashboardModelProblems(doc: unknown): string[] {
    return modelProblems(() => v1.ObjectSerializer.deserialize(doc, "Dashboard", ""));
}

/** A Software Catalog entity (schema v3, kind service); v2 models also throw on attributes they do not know. */
export function catalogEntityModelProblems(doc: unknown): string[] {
    return modelProblems(() => v2.ObjectSerializer.deserialize(doc, "EntityV3Service", ""));
}

function modelProblems(deserialize: () => unknown): string[] {
    const problems: string[] = [];
    let parsed: unknown;
    try {
        parsed = deserialize();
    } catch (e) {
        return [`does not deserialize: ${(e as Error).message}`];
    }
    const walk = (node: unknown, at: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
        if (!node || typeof node !== "object") return;
        const obj = node as Record<string, unknown>;
        if (obj.unparsedObject !== undefined) problems.push(`${at}: unknown value ${JSON.stringify(obj.unparsedObject)}`);
        // A union (e.g. a widget definition) that matches none of its variants keeps the raw data.
        if (obj._data !== undefined) problems.push(`${at}: matches no variant of the model: ${JSON.stringify(obj._data)}`);
        if (obj.additionalProperties && Object.keys(obj.additionalProperties as object).length) {
            problems.push(`${at}: unknown attribute(s) ${Object.keys(obj.additionalProperties as object).join(", ")}`);
        }
        for (const [k, v] of Object.entries(obj)) if (!["additionalProperties", "unparsedObject", "_data"].includes(k)) walk(v, at ? `${at}.${k}` : k);
    };
    walk(parsed, "");
    return problems;
}
