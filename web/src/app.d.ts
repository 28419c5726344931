import type { User } from '@careweave/server';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in user, or null; set by `hooks.server.ts` on every request. */
      user: User | null;
    }
  }
}

export {};
