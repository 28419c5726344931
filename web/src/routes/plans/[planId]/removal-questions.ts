import type { SharedListKind } from '@careweave/shared';

/** What a goal, barrier or action would lose on removal: links to it, referrals made for it. */
export interface RemovalLinks {
  barriers: number;
  actions: number;
  referrals?: number;
}

/** What to do instead when the item was not a mistake: its status keeps it on the plan. */
const INSTEAD: Record<SharedListKind, string> = {
  goal:
    'a goal no longer worked towards is better set to Stopped, or Achieved, so the plan ' +
    'keeps it and its progress',
  barrier: 'a barrier no longer in the way is better set to Overcome, so the plan keeps it',
  action:
    'an action no longer needed is better set to Cancelled, or marked done, so the plan keeps it',
};

const counted = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "Remove the goal “…”? Only if it was added by mistake: …", then what loses its link to it,
 * so nobody is surprised to find an action no longer for anything.
 */
export function removalQuestion(
  kind: SharedListKind,
  text: string,
  links: RemovalLinks = { barriers: 0, actions: 0 },
): string {
  const linked = [
    links.actions ? counted(links.actions, 'action') : '',
    links.barriers ? counted(links.barriers, 'barrier') : '',
  ].filter(Boolean);
  const dropped = linked.length
    ? ` The link to it from ${linked.join(' and ')} will be removed.`
    : '';
  const n = links.referrals ?? 0;
  const referred = n
    ? ` ${n === 1 ? 'A referral' : `The ${n} referrals`} made for it will stay, with no linked goal.`
    : '';
  return `Remove the ${kind} “${text}”? Only if it was added by mistake: ${INSTEAD[kind]}.${dropped}${referred}`;
}
