/**
 * Incident management (000 §Integration Points / Incident Management and §Escalation Policy L3–L4, 003 §Incident
 * Response Integration, 004 §Alert Lifecycle), pure: per product a Datadog incident type with a postmortem
 * template (a Datadog notebook) and notification templates for the status update and the customer
 * communication. Incident types are organization-wide, so only the stack with
 * `datadog.manageOrganizationResources` creates them. No provider here has a status page (Statuspage.io) or a
 * ticket system (Linear) resource: the runbooks say who updates the status page and when.
 */
import type { Product } from "../inputs/catalog/schema";

/** Incident type names are limited to 50 characters (provider docs). */
export const INCIDENT_TYPE_NAME_MAX = 50;
/** Incident type descriptions are limited to 512 characters. */
export const INCIDENT_TYPE_DESCRIPTION_MAX = 512;

export interface NotificationTemplateModel {
    id: "status-update" | "customer-communication" | "resolved";
    /** Provider `category`: alert, incident or recovery. */
    category: "incident" | "recovery";
    name: string;
    subject: string;
    content: string;
}

export interface IncidentModel {
    product: string;
    typeName: string;
    typeDescription: string;
    postmortem: { name: string; location: "datadog_notebooks"; content: string };
    notifications: NotificationTemplateModel[];
}

/** When the plans engage the status page and customers (000 §Escalation Policy L3 and L4), if the spec has no such level. */
export const STATUS_PAGE_MINUTE = 15;
export const CUSTOMER_COMMUNICATION_MINUTE = 30;

/** Minutes after the alert at which the status page (escalation level 3) and customers (level 4) are informed. */
export function communicationMinutes(product: Pick<Product, "escalation">): { statusPage: number; customers: number } {
    const at = (level: number, fallback: number) => product.escalation.levels.find((l) => l.level === level)?.startsAtMinute ?? fallback;
    return { statusPage: at(3, STATUS_PAGE_MINUTE), customers: at(4, CUSTOMER_COMMUNICATION_MINUTE) };
}

/** The runbook section every product's runbook carries: incident, status page, customers, postmortem, tickets. */
export function incidentCommunicationSteps(product: Product): string[] {
    const m = incidentModel(product);
    const minutes = communicationMinutes(product);
    return [
        `Declare a Datadog incident of type "${m.typeName}" for a P0 alert, and for a P1 alert still open when its escalation reaches level 2.`,
        `At ${minutes.statusPage} min (escalation level 3): post the "${m.notifications[0].name}" message on the status page. No provider here manages Statuspage.io, so the incident commander posts it by hand.`,
        `At ${minutes.customers} min (escalation level 4): send affected customers the "${m.notifications[1].name}" message.`,
        `When resolved: send "${m.notifications[2].name}", then write the postmortem from the "${m.postmortem.name}" template (a Datadog notebook) for every P0 and every P1 that reached an incident.`,
        "Tickets: P2 and P3 alerts that need follow-up work (the SLO burn-rate ticket pairs, approaching-limit warnings) reach Slack or the digest only; no ticket system has a resource here (no Linear or Jira provider), so open the ticket by hand and link the alert.",
    ];
}

export function incidentModel(product: Product): IncidentModel {
    const name = product.displayName;
    const typeName = `${name} incident`.slice(0, INCIDENT_TYPE_NAME_MAX);
    const minutes = communicationMinutes(product);
    return {
        product: product.key,
        typeName,
        typeDescription:
            `Incidents of ${name} (${product.team.name}, #${product.team.slackChannel}). Declared for P0 alerts and for P1 alerts that last; postmortem required (004 §Alert Lifecycle: P1/P2 → company P0/P1).`.slice(
                0,
                INCIDENT_TYPE_DESCRIPTION_MAX,
            ),
        postmortem: {
            name: `${name} postmortem`,
            location: "datadog_notebooks",
            content: [
                `# Postmortem: {{incident.title}}`,
                "",
                `Product: ${name}. Owner: ${product.team.name} (${product.team.email}).`,
                "",
                "## Summary",
                "What happened, who was affected, for how long.",
                "",
                "## Timeline",
                "Detection (which alert, when), acknowledgement, escalation levels reached, status page and customer updates, mitigation, resolution.",
                "",
                "## Detection",
                "Time to detect against the plan's target (000 §Success Metrics: MTTD < 2 min, MTTR < 30 min). Did the right alert fire at the right severity? If not, the monitor to add or change.",
                "",
                "## Root cause",
                "",
                "## Customer impact and communication",
                "Status page updates and customer messages sent, with times.",
                "",
                "## Action items",
                "Each with an owner and a due date; monitoring improvements first (004 §Alert Lifecycle / Post-Incident).",
            ].join("\n"),
        },
        notifications: [
            {
                id: "status-update",
                category: "incident",
                name: `${name} status update`,
                subject: `[${name}] Investigating: {{incident.title}}`,
                content: `We are investigating an issue affecting ${name}. Next update within 30 minutes. Internal: post this on the status page when the incident reaches ${minutes.statusPage} minutes (000 §Escalation Policy L3).`,
            },
            {
                id: "customer-communication",
                category: "incident",
                name: `${name} customer communication`,
                subject: `${name}: service disruption`,
                content: `Some ${name} features are currently unavailable or degraded. Our engineers are working on it and we will update you as soon as it is resolved. Internal: send to affected customers when the incident reaches ${minutes.customers} minutes (000 §Escalation Policy L4).`,
            },
            {
                id: "resolved",
                category: "recovery",
                name: `${name} resolved`,
                subject: `[${name}] Resolved: {{incident.title}}`,
                content: `The issue affecting ${name} is resolved. A postmortem follows for P0 and long P1 incidents.`,
            },
        ],
    };
}
