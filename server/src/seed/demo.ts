import * as Y from 'yjs';
import { count } from 'drizzle-orm';
import { schema, type Db } from '@careweave/db';
import {
  appendParagraphs,
  sharedPlanDocument,
  whatMattersToMe,
  type Role,
} from '@careweave/shared';
import { hashPassword } from '../auth/passwords.js';
import { createDocumentStore } from '../repo/documents.js';
import { DEMO_NEIGHBOURHOOD, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_USERS } from './demo-data.js';

/**
 * Seeds the fictitious demo team into an empty database. Returns false, touching nothing,
 * when any user exists already.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(schema.users);
  if ((existing?.n ?? 0) > 0) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [neighbourhood] = await tx
      .insert(schema.neighbourhoods)
      .values({ name: DEMO_NEIGHBOURHOOD })
      .returning();
    const users = await tx
      .insert(schema.users)
      .values(DEMO_USERS.map((u) => ({ ...u, role: u.role as Role, passwordHash })))
      .returning();
    await tx
      .insert(schema.teamMembers)
      .values(users.map((u) => ({ userId: u.id, neighbourhoodId: neighbourhood!.id })));
    const navigator = users.find((u) => u.role === 'care_navigator')!;

    for (const person of DEMO_PEOPLE) {
      const { whatMatters, ...fields } = person;
      const [row] = await tx
        .insert(schema.people)
        .values({
          ...fields,
          neighbourhoodId: neighbourhood!.id,
          consentRecordedBy: fields.consentToShare ? navigator.id : null,
          consentRecordedAt: fields.consentToShare ? new Date() : null,
        })
        .returning();
      const [plan] = await tx.insert(schema.carePlans).values({ personId: row!.id }).returning();
      const doc = new Y.Doc();
      appendParagraphs(whatMattersToMe(doc), whatMatters);
      await createDocumentStore(tx as unknown as Db).append(sharedPlanDocument(plan!.id), [
        { update: Y.encodeStateAsUpdate(doc), authorId: navigator.id },
      ]);
    }
  });
  return true;
}
