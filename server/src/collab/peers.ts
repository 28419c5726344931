import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The other server processes sharing the documents. Each document is a channel: a process
 * listens while it has the document open and publishes what its room accepts.
 */
export interface Peers {
  /** Names this process in what it publishes, so it can ignore its own messages. */
  readonly processId: string;
  /** Starts hearing a document; resolves once every later publication will be heard. */
  subscribe(documentName: string, hear: (data: Uint8Array) => void): Promise<() => Promise<void>>;
  publish(documentName: string, data: Uint8Array): void;
  /** Tells the other processes that sessions or access changed, so they re-check theirs now. */
  announceAccessChange(): void;
  /** Calls `hear` whenever another process announces a change of sessions or access. */
  onAccessChange(hear: () => void): void;
  close(): Promise<void>;
}

const CHANNEL_PREFIX = 'careweave:doc:';
const ACCESS_CHANNEL = 'careweave:access';

/** Peers over Redis pub/sub: one connection publishes, one listens. */
export async function connectRedisPeers(
  url: string,
  log: (message: string) => void,
): Promise<Peers> {
  const options = { lazyConnect: true, connectionName: 'careweave' };
  const publisher = new Redis(url, options);
  const listener = new Redis(url, options);
  for (const [role, client] of [
    ['publisher', publisher],
    ['listener', listener],
  ] as const) {
    client.on('error', (error: Error) => log(`Redis ${role}: ${error.message}`));
  }
  try {
    await Promise.all([publisher.connect(), listener.connect()]);
  } catch (error) {
    publisher.disconnect();
    listener.disconnect();
    throw new Error(`REDIS_URL: cannot connect to ${redactedUrl(url)} (${String(error)})`);
  }

  const processId = randomUUID();
  const hearers = new Map<string, (data: Uint8Array) => void>();
  const accessHearers: (() => void)[] = [];
  listener.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const name = channel.toString('utf8');
    if (name === ACCESS_CHANNEL) {
      // The message is the announcing process's id: this one has already re-checked its own.
      if (message.toString('utf8') !== processId) for (const hear of accessHearers) hear();
      return;
    }
    hearers.get(name)?.(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
  });
  await listener.subscribe(ACCESS_CHANNEL);

  return {
    processId,
    async subscribe(documentName, hear) {
      const channel = CHANNEL_PREFIX + documentName;
      hearers.set(channel, hear);
      await listener.subscribe(channel);
      return async () => {
        hearers.delete(channel);
        await listener.unsubscribe(channel);
      };
    },
    publish(documentName, data) {
      const message = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      publisher.publish(CHANNEL_PREFIX + documentName, message).catch((error: unknown) => {
        log(`could not publish to Redis for ${documentName}: ${String(error)}`);
      });
    },
    announceAccessChange() {
      publisher.publish(ACCESS_CHANNEL, processId).catch((error: unknown) => {
        log(`could not announce an access change to Redis: ${String(error)}`);
      });
    },
    onAccessChange(hear) {
      accessHearers.push(hear);
    },
    async close() {
      await Promise.allSettled([publisher.quit(), listener.quit()]);
    },
  };
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
