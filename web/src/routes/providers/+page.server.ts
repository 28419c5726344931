import { error, fail } from '@sveltejs/kit';
import { isServiceKind } from '@careweave/shared';
import type { User } from '@careweave/server';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/**
 * A refused change: which form it came from, a message per control (by the control's id), and
 * what was typed, so that the form can be put right rather than filled in again.
 */
const refused = (
  status: number,
  form: string,
  errors: Record<string, string>,
  values: Record<string, string> = {},
) => fail(status, { form, errors, values });

/**
 * The service's messages, by the field it names, on the form's controls (`controlId` gives each
 * field's id); a refusal that names no field (a name already taken) is about the name.
 */
function fieldErrors(
  result: { error: string; fields?: Record<string, string> },
  controlId: (field: string) => string,
): Record<string, string> {
  const fields = Object.entries(result.fields ?? {});
  if (fields.length === 0) return { [controlId('name')]: result.error };
  return Object.fromEntries(fields.map(([field, message]) => [controlId(field), message]));
}

function requireAdmin(locals: App.Locals, url: URL): User {
  const user = requireUser(locals, url);
  if (user.role !== 'admin') error(403, 'Only a team administrator can change the directory.');
  return user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const providers = await runtime().referrals.providers(user);
  if (!providers.ok) error(providers.status, providers.error);
  return { providers: providers.providers, canManage: user.role === 'admin' };
};

export const actions: Actions = {
  addProvider: async ({ locals, url, request }) => {
    const user = requireAdmin(locals, url);
    const form = await request.formData();
    const values = { name: text(form, 'name'), description: text(form, 'description') };
    if (!values.name) {
      return refused(400, 'provider', { 'provider-name': 'Enter the name' }, values);
    }
    const result = await runtime().referrals.createProvider(user, values);
    if (!result.ok) {
      const errors = fieldErrors(result, (field) => `provider-${field}`);
      return refused(result.status, 'provider', errors, values);
    }
    return { done: `${values.name} added to the directory` };
  },
  addService: async ({ locals, url, request }) => {
    const user = requireAdmin(locals, url);
    const form = await request.formData();
    const providerId = text(form, 'providerId');
    const values = {
      name: text(form, 'name'),
      kind: text(form, 'kind'),
      description: text(form, 'description'),
    };
    const errors: Record<string, string> = {};
    if (!values.name) errors[`service-name-${providerId}`] = 'Enter the name of the service';
    if (!isServiceKind(values.kind)) errors[`service-kind-${providerId}`] = 'Choose the kind';
    if (Object.keys(errors).length > 0 || !isServiceKind(values.kind)) {
      return refused(400, providerId, errors, values);
    }
    const result = await runtime().referrals.addService(user, providerId, {
      ...values,
      kind: values.kind,
    });
    if (!result.ok) {
      const errors = fieldErrors(result, (field) => `service-${field}-${providerId}`);
      return refused(result.status, providerId, errors, values);
    }
    return { done: `${values.name} added` };
  },
  editProvider: async ({ locals, url, request }) => {
    const user = requireAdmin(locals, url);
    const form = await request.formData();
    const id = text(form, 'providerId');
    const values = { name: text(form, 'name'), description: text(form, 'description') };
    if (!values.name)
      return refused(400, `edit-${id}`, { [`edit-name-${id}`]: 'Enter the name' }, values);
    const result = await runtime().referrals.updateProvider(user, id, values);
    if (!result.ok) {
      const errors = fieldErrors(result, (field) => `edit-${field}-${id}`);
      return refused(result.status, `edit-${id}`, errors, values);
    }
    return { done: `${result.provider.name} changed` };
  },
  editService: async ({ locals, url, request }) => {
    const user = requireAdmin(locals, url);
    const form = await request.formData();
    const id = text(form, 'serviceId');
    const values = {
      name: text(form, 'name'),
      kind: text(form, 'kind'),
      description: text(form, 'description'),
    };
    if (!values.name) {
      return refused(
        400,
        `edit-${id}`,
        { [`edit-name-${id}`]: 'Enter the name of the service' },
        values,
      );
    }
    const result = await runtime().referrals.updateService(user, id, values);
    if (!result.ok) {
      const errors = fieldErrors(result, (field) => `edit-${field}-${id}`);
      return refused(result.status, `edit-${id}`, errors, values);
    }
    return { done: `${result.service.name} changed` };
  },
  setActive: async ({ locals, url, request }) => {
    const user = requireAdmin(locals, url);
    const form = await request.formData();
    const active = text(form, 'active') === 'yes';
    const result = await runtime().referrals.updateService(user, text(form, 'serviceId'), {
      active,
    });
    if (!result.ok)
      return fail(result.status, { form: 'service', errors: { service: result.error } });
    const { name } = result.service;
    return { done: active ? `${name} takes referrals again` : `${name} no longer takes referrals` };
  },
};
