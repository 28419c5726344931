import { describe, expect, it } from 'vitest';
import { PRESENCE_COLOURS, presenceColour } from './presence.js';

describe('presence colours', () => {
  it('gives a user the same colour every time, from the palette', () => {
    const id = '3f1c9a52-2d7e-4b8f-a0c1-6e5d4c3b2a19';
    expect(presenceColour(id)).toBe(presenceColour(id));
    expect(PRESENCE_COLOURS).toContain(presenceColour(id));
  });

  it('spreads users across the palette', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 64; i++) seen.add(presenceColour(`user-${i}`));
    expect(seen.size).toBeGreaterThan(4);
  });
});
