// Deterministic (seeded) benchmark workspace: 200 event types with a handful of typed, nested,
// formatted and enumerated properties each, and a long JSONL stream of valid events with
// correlation and causation chains and increasing timestamps.
import { createRandom } from '../test/support/random';

const ENTITIES = ['Order', 'Payment', 'Customer', 'Invoice', 'Shipment', 'Refund', 'Cart', 'Product', 'Coupon', 'Subscription', 'Account', 'Review', 'Return', 'Warehouse', 'Delivery', 'Ticket', 'Booking', 'Voucher', 'Wallet', 'Parcel'];
const VERBS = ['Placed', 'Cancelled', 'Shipped', 'Confirmed', 'Archived', 'Approved', 'Rejected', 'Opened', 'Closed', 'Expired'];
const SERVICES = ['order-service', 'payment-service', 'customer-service', 'billing-service', 'shipping-service'];
const STATUSES = ['new', 'pending', 'active', 'done', 'failed'];
const HEX = '0123456789abcdef';

export interface BenchSchema {
  type: string;
  version: string;
  source: string;
  /** The schema of `data` (with its x-event block), as written to schemas/<type>/<version>.schema.json. */
  schema: Record<string, unknown>;
}

export interface BenchWorkspace {
  schemas: BenchSchema[];
  /** One JSON envelope per line, '\n'-separated, with a final newline. */
  jsonl: string;
  lines: string[];
}


function uuidV4(random: () => number): string {
  const hex = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += HEX[Math.floor(random() * 16)];
    return out;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

function dataSchema(type: string, version: string, source: string, index: number, extra: boolean): Record<string, unknown> {
  const idKey = `${type.replace(/[A-Z][a-z]+$/, '').toLowerCase()}Id`;
  const properties: Record<string, unknown> = {
    [idKey]: { type: 'string', minLength: 1 },
    buyerId: { type: 'string', pattern: '^C[0-9]+$' },
    amount: { type: 'number', minimum: 0 },
    status: { type: 'string', enum: STATUSES },
    occurredAt: { type: 'string', format: 'date-time' },
  };
  if (index % 2 === 0) {
    properties.address = {
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' }, zip: { type: 'string', pattern: '^[0-9]{5}$' } },
      required: ['city', 'zip'],
      additionalProperties: false,
    };
  }
  if (index % 3 === 0) {
    properties.lines = {
      type: 'array',
      maxItems: 20,
      items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } }, required: ['sku', 'qty'] },
    };
  }
  if (extra) properties.note = { type: 'string', maxLength: 200 };
  return {
    $schema: index % 4 === 0 ? 'http://json-schema.org/draft-07/schema#' : 'https://json-schema.org/draft/2020-12/schema',
    title: type,
    description: `${type} (generated for the benchmark).`,
    'x-event': { type, version, kind: 'domain', source, partitionKey: `/${idKey}` },
    type: 'object',
    properties,
    required: [idKey, 'buyerId', 'amount', 'status'],
    additionalProperties: false,
  };
}

function dataFor(schema: BenchSchema, random: () => number, seq: number): Record<string, unknown> {
  const props = (schema.schema.properties ?? {}) as Record<string, unknown>;
  const idKey = Object.keys(props)[0];
  const data: Record<string, unknown> = {
    [idKey]: `${idKey.slice(0, 1).toUpperCase()}${seq}`,
    buyerId: `C${Math.floor(random() * 100000)}`,
    amount: Math.round(random() * 100000) / 100,
    status: STATUSES[seq % STATUSES.length],
    occurredAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
  };
  if ('address' in props) data.address = { street: `${seq} Main Street`, city: 'Springfield', zip: String(10000 + (seq % 89999)) };
  if ('lines' in props) data.lines = [{ sku: `SKU-${seq % 997}`, qty: 1 + (seq % 5) }];
  if ('note' in props) data.note = 'leave at the door';
  return data;
}

export function generateWorkspace(options: { types?: number; events?: number; seed?: number } = {}): BenchWorkspace {
  const typeCount = options.types ?? 200;
  const eventCount = options.events ?? 100_000;
  const random = createRandom(options.seed ?? 42);
  const schemas: BenchSchema[] = [];
  for (let i = 0; i < typeCount; i++) {
    const type = `${ENTITIES[Math.floor(i / VERBS.length) % ENTITIES.length]}${VERBS[i % VERBS.length]}${i >= ENTITIES.length * VERBS.length ? Math.floor(i / (ENTITIES.length * VERBS.length)) : ''}`;
    const source = SERVICES[i % SERVICES.length];
    schemas.push({ type, version: '1.0', source, schema: dataSchema(type, '1.0', source, i, false) });
    // Every third type has a compatible 1.1 with an extra optional property.
    if (i % 3 === 0) schemas.push({ type, version: '1.1', source, schema: dataSchema(type, '1.1', source, i, true) });
  }

  const lines: string[] = [];
  let time = Date.UTC(2026, 0, 5, 8, 0, 0);
  let correlationId = '';
  let previousId = '';
  for (let seq = 0; seq < eventCount; seq++) {
    const schema = schemas[Math.floor(random() * schemas.length)];
    const eventId = uuidV4(random);
    // Chains of five: the first event starts a correlation, each next one is caused by the previous.
    const startsChain = seq % 5 === 0;
    if (startsChain) correlationId = uuidV4(random);
    time += 1 + Math.floor(random() * 2000);
    const metadata: Record<string, string> = { correlationId };
    if (!startsChain) metadata.causationId = previousId;
    lines.push(JSON.stringify({ eventId, eventType: schema.type, timestamp: new Date(time).toISOString(), version: schema.version, source: schema.source, data: dataFor(schema, random, seq), metadata }));
    previousId = eventId;
  }
  return { schemas, lines, jsonl: `${lines.join('\n')}\n` };
}
