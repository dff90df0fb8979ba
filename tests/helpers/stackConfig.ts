/** The committed stack config parsed as the program parses it, for unit tests of pure modules (no Pulumi). */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { parseStackConfig, PublicStackConfig, withoutSecrets } from "../../lib/config";
import { catalog } from "../../products";
import type { StackName } from "./constants";
import { PROJECT_DIR } from "./run";

const NS = "product-monitoring:";

export function stackConfig(stack: StackName): PublicStackConfig {
    const file = `Pulumi.${stack}.yaml`;
    const doc = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, file), "utf8")) as { config: Record<string, unknown> };
    const values = Object.fromEntries(Object.entries(doc.config)
        .filter(([k]) => k.startsWith(NS))
        // `secure:` values cannot be decrypted here and are not part of the public config anyway.
        .map(([k, v]) => [k.slice(NS.length), v && typeof v === "object" && "secure" in v ? "placeholder" : v]));
    return withoutSecrets(parseStackConfig(values, file, catalog.map((p) => p.key)));
}
