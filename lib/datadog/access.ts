/**
 * Access control (000 §Security & Compliance / Access Control: role-based access, audit trails), pure.
 * A Datadog role per owning team whose members may edit the team's monitors: the product's monitors carry the
 * role in `restricted_roles` (Datadog: only those roles and the monitor's creator, here the Pulumi service
 * account, may edit, delete or mute it). Roles exist once per organization, so only the stack with
 * `datadog.manageOrganizationResources` creates them and restricts its monitors; staging monitors stay editable.
 * Role membership comes from the organization's SSO role mappings (set by an admin, like SSO and MFA, which
 * have no resource in @pulumi/datadog 5.11).
 *
 * Audit trail: P0 monitors set `notify_audit`, so every change to a paging monitor notifies its own handles;
 * every other change is recorded in Datadog Audit Trail (an organization setting, no resource).
 * SLOs have no `restricted_roles` in the provider; a RestrictionPolicy would need the organization id for the
 * org-wide viewer binding (GET /api/v2/current_user), which the program does not look up, so SLOs stay open.
 */
import type { Product, Severity } from "../inputs/catalog/schema";

export interface RoleModel {
    /** The owning team's handle (the `team:` tag). */
    team: string;
    /** Role name in Datadog. */
    name: string;
    products: string[];
}

export function roleName(teamName: string): string {
    return `Monitoring editors: ${teamName}`;
}

/** One role per owning team (products sharing a team share its role), in catalog order. */
export function roleModels(products: ReadonlyArray<Product>): RoleModel[] {
    const roles = new Map<string, RoleModel>();
    for (const p of products) {
        const role = roles.get(p.team.handle) ?? { team: p.team.handle, name: roleName(p.team.name), products: [] };
        role.products.push(p.key);
        roles.set(p.team.handle, role);
    }
    return [...roles.values()];
}

/** Severities whose monitors notify their recipients of every change to the monitor. */
export const AUDITED_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(["P0"]);

export function notifyAudit(severity: Severity): boolean {
    return AUDITED_SEVERITIES.has(severity);
}
