/** The committed stack config parsed as the program parses it, for unit tests of pure modules (no Pulumi). */
import type { PublicStackConfig } from "../../lib/inputs/config";
import { catalog } from "../../products";
import { readStackConfig } from "../../scripts/stackFile";
import type { StackName } from "./constants";
import { PROJECT_DIR } from "./run";

export function stackConfig(stack: StackName): PublicStackConfig {
    return readStackConfig(
        PROJECT_DIR,
        stack,
        catalog.map((p) => p.key),
    );
}
