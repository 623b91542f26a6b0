// The event the store keeps: the default-style envelope of DESIGN §1. core/ has no envelope TYPE
// (it validates untyped JSON values), so this minimal shape lives here; the store requires only
// eventId and eventType, and keeps every other field exactly as given.

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

export interface EventEnvelope {
  /** Identity of the event: appending the same eventId again is an idempotent retry. */
  eventId: string;
  eventType: string;
  timestamp?: string;
  version?: string;
  source?: string;
  data?: unknown;
  metadata?: EventMetadata;
  [key: string]: unknown;
}

/** The stream's category: the part before the first '-' (`order-123` → `order`), as in KurrentDB's $by_category. */
export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}

export function correlationIdOf(event: EventEnvelope): string | undefined {
  const id = event.metadata?.correlationId;
  return typeof id === 'string' ? id : undefined;
}
