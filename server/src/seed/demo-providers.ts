import { schema, type Db } from '@careweave/db';
import type { ServiceKind } from '@careweave/shared';

// A fictitious provider directory for the demo neighbourhood.

export const DEMO_PROVIDERS: {
  name: string;
  description: string;
  services: { name: string; kind: ServiceKind; description: string }[];
}[] = [
  {
    name: 'Tame Valley Peer Support',
    description: 'A volunteer-led charity running peer groups and volunteering placements.',
    services: [
      {
        name: 'Tuesday walking and talking group',
        kind: 'peer-group',
        description: 'A gentle weekly walk along the river, then tea.',
      },
      {
        name: 'Volunteer matching',
        kind: 'volunteering',
        description: 'Finding a volunteering role that fits, with a buddy for the first month.',
      },
    ],
  },
  {
    name: 'Heatons Money Advice',
    description: 'Free, confidential debt and benefits advice.',
    services: [
      {
        name: 'Debt advice appointment',
        kind: 'debt-advice',
        description: 'One-to-one help with arrears, letters and repayment plans.',
      },
    ],
  },
  {
    name: 'Stockport Housing Help',
    description: 'Advice on tenancies, repairs and adaptations.',
    services: [
      {
        name: 'Housing advice drop-in',
        kind: 'housing-advice',
        description: 'Tenancy problems, repairs, and help to apply for adaptations.',
      },
    ],
  },
  {
    name: 'Neighbourhood Physio',
    description: 'Direct-access physiotherapy for muscle and joint problems.',
    services: [
      {
        name: 'Direct-access MSK physiotherapy',
        kind: 'physiotherapy',
        description: 'Assessment and exercise plans, without a GP referral.',
      },
    ],
  },
  {
    name: 'PCN Pharmacy',
    description: 'The primary care network’s clinical pharmacists.',
    services: [
      {
        name: 'Structured medication review',
        kind: 'medicine-review',
        description: 'A review of every medicine with the person, and what they want from them.',
      },
    ],
  },
  {
    name: 'Wellbeing Pathway Team',
    description: 'Care navigators and wellbeing pathway planners.',
    services: [
      {
        name: 'Care navigation',
        kind: 'care-navigation',
        description: 'Help to find and reach the right community services.',
      },
    ],
  },
  {
    name: 'Community Clinical Support',
    description: 'Community nursing and clinical support at home.',
    services: [
      {
        name: 'Clinical support at home',
        kind: 'clinical-support',
        description: 'Nursing visits and monitoring for people who cannot get to the practice.',
      },
    ],
  },
];

/** Seeds the directory; returns provider ids by name and service ids by name. */
export async function seedDemoProviders(db: Db) {
  const providerIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();
  for (const provider of DEMO_PROVIDERS) {
    const [row] = await db
      .insert(schema.providers)
      .values({ name: provider.name, description: provider.description })
      .returning({ id: schema.providers.id });
    providerIds.set(provider.name, row!.id);
    const services = await db
      .insert(schema.providerServices)
      .values(provider.services.map((s) => ({ ...s, providerId: row!.id })))
      .returning({ id: schema.providerServices.id, name: schema.providerServices.name });
    for (const s of services) serviceIds.set(s.name, s.id);
  }
  return { providerIds, serviceIds };
}
