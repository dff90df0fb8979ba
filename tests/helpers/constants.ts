export const STACKS = ["production", "staging"] as const;
export type StackName = (typeof STACKS)[number];

/** Values given to `secure:` config keys while planning; they must never appear in clear in any output. */
export const SENTINEL_SECRETS: Record<string, string> = {
    datadogApiKey: "SENTINEL-DD-API-KEY-7f3a9c",
    syntheticsPassword: "SENTINEL-SYNTH-PASSWORD-c41e22",
};
