/** The plans' monitoring requirements, one file per seed (shared/seeds), in seed order. Data only. */
import type { PlanCoverage } from "../../tooling/coverage";
import { plan000 } from "./000";
import { plan001 } from "./001";
import { plan002 } from "./002";
import { plan003 } from "./003";
import { plan004 } from "./004";

export const coveragePlans: ReadonlyArray<PlanCoverage> = [plan000, plan001, plan002, plan003, plan004];
