/** Every role a team member can hold (DESIGN §1). */
export const ROLES = [
  'gp_lead',
  'gp',
  'nurse',
  'mental_health',
  'social_worker',
  'physiotherapist',
  'pharmacist',
  'care_navigator',
  'voluntary_partner',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** How a role is named to people. */
export const ROLE_LABELS: Record<Role, string> = {
  gp_lead: 'GP lead',
  gp: 'GP',
  nurse: 'Practice nurse',
  mental_health: 'Mental-health practitioner',
  social_worker: 'Social worker',
  physiotherapist: 'Physiotherapist',
  pharmacist: 'Pharmacist',
  care_navigator: 'Care navigator',
  voluntary_partner: 'Voluntary-sector partner',
  admin: 'Team administrator',
};

/** Roles that hold clinical responsibility and may write clinical sections. */
export const CLINICAL_ROLES: ReadonlySet<Role> = new Set<Role>([
  'gp_lead',
  'gp',
  'nurse',
  'mental_health',
  'physiotherapist',
  'pharmacist',
]);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
