// Shared pieces of the contract suite's feature files.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventMetadata } from '../../runtime/envelope';
import type { EventStore } from '../../runtime/eventStore';

/** Runs a test body against a fresh store and always closes it (the body may return a reopened store). */
export type WithStore = (body: (store: EventStore) => Promise<EventStore | void>) => () => Promise<void>;

export function envelope(eventType: string, data: Record<string, unknown> = {}, metadata?: EventMetadata): EventEnvelope {
  return { eventId: randomUUID(), eventType, timestamp: '2026-01-05T10:30:00Z', version: '1.0', source: 'order-service', data, ...(metadata ? { metadata } : {}) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
