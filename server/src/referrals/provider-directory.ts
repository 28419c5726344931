import type { Db } from '@careweave/db';
import { directoryName, isServiceKind, isUuid, SERVICE_KINDS } from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { recordAudit, type AuditAction } from '../repo/audit.js';
import {
  findProvider,
  insertProvider,
  insertService,
  listProviders,
  updateProvider,
  updateService,
  type ProviderView,
} from '../repo/providers.js';
import type { User } from '../repo/users.js';

/** A provider or service as a form or an API body sends it; values are checked, not trusted. */
export interface DirectoryInput {
  name?: unknown;
  description?: unknown;
  kind?: unknown;
  active?: unknown;
}

const NAME_MAX = 200;
const DESCRIPTION_MAX = 2000;
const ADMIN_ONLY = {
  ok: false,
  status: 403,
  error: 'Only a team administrator can change the provider directory.',
} as const;
const NO_PROVIDER = { ok: false, status: 404, error: 'There is no such provider.' } as const;
const NO_SERVICE = { ok: false, status: 404, error: 'There is no such service.' } as const;
const TAKEN = {
  ok: false,
  status: 409,
  error: 'A provider with this name is already in the directory.',
} as const;

const SERVICE_TAKEN = {
  ok: false,
  status: 409,
  error: 'This provider already offers a service with this name.',
} as const;

/** Checks the fields that were sent (all of them when `creating`); returns values and problems. */
function check(input: DirectoryInput, creating: boolean, isService: boolean) {
  const fields: Record<string, string> = {};
  const values: { name?: string; description?: string; kind?: string; active?: boolean } = {};
  if (creating || input.name !== undefined) {
    // Stored single-spaced: "Heatons  Money Advice" is a slip of the thumb, not another name.
    const name = typeof input.name === 'string' ? directoryName(input.name) : '';
    if (!name) fields.name = 'Enter the name';
    else if (name.length > NAME_MAX)
      fields.name = `The name must be ${NAME_MAX} characters or fewer`;
    else values.name = name;
  }
  if (input.description !== undefined && input.description !== null) {
    if (typeof input.description !== 'string') fields.description = 'The description must be text';
    else if (input.description.length > DESCRIPTION_MAX) {
      fields.description = `The description must be ${DESCRIPTION_MAX} characters or fewer`;
    } else values.description = input.description.trim();
  } else if (creating) values.description = '';
  if (isService && (creating || input.kind !== undefined)) {
    if (!isServiceKind(input.kind)) fields.kind = `Choose a kind: ${SERVICE_KINDS.join(', ')}`;
    else values.kind = input.kind;
  }
  if (isService && input.active !== undefined) {
    if (typeof input.active !== 'boolean')
      fields.active = 'Say whether it takes referrals: yes or no';
    else values.active = input.active;
  }
  return { fields, values };
}

const invalid = (fields: Record<string, string>) =>
  ({
    ok: false,
    status: 400,
    error: 'Some details are not right. Check the fields marked.',
    fields,
  }) as const;

/** The directory of networked providers: everyone signed in reads it; administrators edit it. */
export function providerDirectory(db: Db) {
  async function audit(user: User, action: AuditAction, id: string) {
    await recordAudit(db, { userId: user.id, action, entityType: 'provider', entityId: id });
  }
  async function provider(id: string): Promise<ProviderView | undefined> {
    return (await listProviders(db)).find((p) => p.id === id);
  }

  return {
    async providers(_user: User): Promise<Outcome<{ providers: ProviderView[] }>> {
      return { ok: true, providers: await listProviders(db) };
    },

    async createProvider(user: User, input: DirectoryInput): Promise<Outcome<{ id: string }>> {
      if (user.role !== 'admin') return ADMIN_ONLY;
      const { fields, values } = check(input, true, false);
      if (Object.keys(fields).length > 0) return invalid(fields);
      // "heatons money advice" is the Heatons Money Advice already listed.
      const id = await insertProvider(db, {
        name: values.name!,
        description: values.description!,
      });
      if (id === null) return TAKEN;
      await audit(user, 'provider.create', id);
      return { ok: true, id };
    },

    async updateProvider(
      user: User,
      id: string,
      input: DirectoryInput,
    ): Promise<Outcome<{ provider: ProviderView }>> {
      if (user.role !== 'admin') return ADMIN_ONLY;
      if (!isUuid(id)) return NO_PROVIDER;
      const { fields, values } = check(input, false, false);
      if (Object.keys(fields).length > 0) return invalid(fields);
      const { name, description } = values;
      const outcome = await updateProvider(db, id, { name, description });
      if (outcome === 'taken') return TAKEN;
      if (outcome === 'missing') return NO_PROVIDER;
      await audit(user, 'provider.update', id);
      return { ok: true, provider: (await provider(id))! };
    },

    async addService(
      user: User,
      providerId: string,
      input: DirectoryInput,
    ): Promise<Outcome<{ id: string }>> {
      if (user.role !== 'admin') return ADMIN_ONLY;
      if (!isUuid(providerId) || !(await findProvider(db, providerId))) return NO_PROVIDER;
      const { fields, values } = check(input, true, true);
      if (Object.keys(fields).length > 0) return invalid(fields);
      const id = await insertService(db, providerId, {
        name: values.name!,
        kind: values.kind!,
        description: values.description!,
        active: values.active ?? true,
      });
      if (id === null) return SERVICE_TAKEN;
      await audit(user, 'service.create', id);
      return { ok: true, id };
    },

    async updateService(
      user: User,
      id: string,
      input: DirectoryInput,
    ): Promise<Outcome<{ service: ProviderView['services'][number] }>> {
      if (user.role !== 'admin') return ADMIN_ONLY;
      if (!isUuid(id)) return NO_SERVICE;
      const { fields, values } = check(input, false, true);
      if (Object.keys(fields).length > 0) return invalid(fields);
      const outcome = await updateService(db, id, values);
      if (outcome === 'taken') return SERVICE_TAKEN;
      if (outcome === 'missing') return NO_SERVICE;
      await audit(user, 'service.update', id);
      const service = (await listProviders(db)).flatMap((p) => p.services).find((s) => s.id === id);
      return { ok: true, service: service! };
    },
  };
}
