import { count } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import {
  appendParagraphs,
  clinicalPlanDocument,
  projectSharedPlan,
  sharedPlanDocument,
  whatMattersToMe,
  type Role,
} from '@careweave/shared';
import { hashPassword } from '../auth/passwords.js';
import { appendDated } from '../repo/documents.js';
import { replacePlanProjection } from '../repo/plans.js';
import { DEMO_NEIGHBOURHOOD, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_USERS } from './demo-data.js';
import { seedDemoMeeting } from './demo-meeting.js';
import { seedDemoOutcomes } from './demo-outcomes.js';
import { seedDemoProviders } from './demo-providers.js';
import { DEMO_PLANS, type DemoTeam } from './demo-plans.js';
import { Clock, SeededDocument } from './history.js';

/**
 * Seeds the fictitious demo team into an empty database. Returns false, touching nothing,
 * when any user exists already.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(schema.users);
  if ((existing?.n ?? 0) > 0) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const clock = new Clock();
  await db.transaction(async (tx) => {
    const store = tx as unknown as Db;
    const [neighbourhood] = await tx
      .insert(schema.neighbourhoods)
      .values({ name: DEMO_NEIGHBOURHOOD })
      .returning();
    const { providerIds, serviceIds } = await seedDemoProviders(store);
    const users = await tx
      .insert(schema.users)
      .values(
        DEMO_USERS.map((u) => ({
          ...u,
          role: u.role as Role,
          passwordHash,
          // The demo partner works for one of the directory's providers.
          providerId:
            u.role === 'voluntary_partner' ? (providerIds.get(u.organisation) ?? null) : null,
        })),
      )
      .returning();
    await tx
      .insert(schema.teamMembers)
      .values(users.map((u) => ({ userId: u.id, neighbourhoodId: neighbourhood!.id })));
    const team = Object.fromEntries(users.map((u) => [u.email.split('@')[0], u.id])) as DemoTeam;

    const peopleByNhsNumber = new Map<string, string>();
    const outcomesFor = new Map<string, { id: string; planId: string; pathway: string }>();
    for (const person of DEMO_PEOPLE) {
      const { whatMatters, ...fields } = person;
      const [row] = await tx
        .insert(schema.people)
        .values({
          ...fields,
          neighbourhoodId: neighbourhood!.id,
          consentRecordedBy: fields.consentToShare ? team.navigator : null,
          consentRecordedAt: fields.consentToShare ? clock.ago(21) : null,
        })
        .returning();
      peopleByNhsNumber.set(person.nhsNumber, row!.id);
      const [plan] = await tx.insert(schema.carePlans).values({ personId: row!.id }).returning();
      outcomesFor.set(person.nhsNumber, { id: row!.id, planId: plan!.id, pathway: row!.pathway });
      const shared = new SeededDocument();
      const clinical = new SeededDocument();
      shared.as(team.navigator, clock.ago(22), (doc) =>
        appendParagraphs(whatMattersToMe(doc), whatMatters),
      );
      DEMO_PLANS[person.nhsNumber]?.({ shared, clinical, team, clock });
      await appendDated(store, sharedPlanDocument(plan!.id), shared.entries);
      await appendDated(store, clinicalPlanDocument(plan!.id), clinical.entries);
      // Projected now, so that My actions and the plan headers are right before anyone edits.
      await replacePlanProjection(store, plan!.id, projectSharedPlan(shared.doc));
    }
    await seedDemoOutcomes(store, { team, peopleByNhsNumber: outcomesFor, serviceIds, clock });
    await seedDemoMeeting(store, {
      neighbourhoodId: neighbourhood!.id,
      chairId: team.gp,
      peopleByNhsNumber,
      clock,
    });
  });
  return true;
}
