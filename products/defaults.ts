/**
 * Catalog-wide defaults shared by several products. Data only.
 */
import type { EscalationSpec } from "../lib/inputs/catalog/schema";

/**
 * The company escalation policy (000 §Alert Configuration / Escalation Policy), used by every product
 * except Driplo, whose plan defines its own matrix (003 §2.2).
 */
export const COMPANY_ESCALATION: EscalationSpec = {
    levels: [
        {
            level: 1,
            startsAtMinute: 0,
            targets: ["datadog", "slack"],
            description: "Level 1 (0-5 min): Datadog notification, Slack alert, auto-investigation",
        },
        {
            level: 2,
            startsAtMinute: 5,
            targets: ["primary"],
            description: "Level 2 (5-15 min): PagerDuty trigger to the on-call engineer, incident created",
        },
        {
            level: 3,
            startsAtMinute: 15,
            targets: ["backup", "lead"],
            description: "Level 3 (15-30 min): backup on-call engaged, team lead notified, status page updated",
        },
        {
            level: 4,
            startsAtMinute: 30,
            targets: ["team", "founder"],
            description: "Level 4 (30+ min): all hands, founder notified, customer communication",
        },
    ],
    loops: 2,
    source: "000 §Alert Configuration / Escalation Policy",
};
