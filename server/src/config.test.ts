import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('takes an empty DATABASE_URL or REDIS_URL as unset: the embedded database, one process', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: '' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
  });

  it('takes an empty PORT as unset too, not as a request for any free port', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('names a variable that is set but is not a URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'the test database' })).toThrow(/DATABASE_URL/);
  });
});
