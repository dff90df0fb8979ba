import * as fs from "fs";

export default async function globalTeardown(): Promise<void> {
    if (process.env.PLAN_CACHE_DIR) fs.rmSync(process.env.PLAN_CACHE_DIR, { recursive: true, force: true });
}
