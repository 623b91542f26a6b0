// Valid documents the fuzz suite starts from: one per kind of file Eventline reads.
const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-8d1a-4f2b-9c3d-2e4f5a6b7c8d`;

const producers: Record<string, string> = { OrderPlaced: 'order-service', PaymentCaptured: 'payment-service' };

const envelope = (n: number, type: string, data: Record<string, unknown>, causation?: number) => ({
  eventId: uuid(n),
  eventType: type,
  timestamp: `2026-01-05T10:3${n}:00Z`,
  version: '1.0',
  source: producers[type],
  data,
  metadata: { correlationId: uuid(100), ...(causation === undefined ? {} : { causationId: uuid(causation) }) },
});

export const seeds: Record<string, string> = {
  'eventline.json': JSON.stringify({ envelope: 'default', schemasDir: 'schemas', compatibility: 'FULL', diagnostics: { 'naming/coarse-grained': 'off' } }, null, 2),
  'schemas/OrderPlaced/1.0.schema.json': JSON.stringify(
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'OrderPlaced',
      description: 'A customer placed an order.',
      'x-event': { type: 'OrderPlaced', version: '1.0', kind: 'domain', source: 'order-service', partitionKey: '/customerId' },
      type: 'object',
      properties: { orderId: { type: 'string' }, customerId: { type: 'string' }, lines: { type: 'array', items: { $ref: '#/$defs/line' } } },
      required: ['orderId', 'customerId'],
      $defs: { line: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } }, required: ['sku'] } },
    },
    null,
    2,
  ),
  'schemas/PaymentCaptured/1.0.schema.yaml': [
    '$schema: "http://json-schema.org/draft-07/schema#"',
    'title: PaymentCaptured',
    'description: The payment provider captured the amount.',
    'x-event:',
    '  type: PaymentCaptured',
    '  version: "1.0"',
    '  kind: integration',
    '  source: payment-service',
    'type: object',
    'properties:',
    '  paymentId:',
    '    type: string',
    '  amount:',
    '    type: number',
    'required: [paymentId, amount]',
    '',
  ].join('\n'),
  'events/order.event.json': JSON.stringify(envelope(1, 'OrderPlaced', { orderId: 'o-1', customerId: 'c-1', lines: [{ sku: 'A', qty: 1 }] }), null, 2),
  'events/flow.events.jsonl':
    [
      envelope(2, 'OrderPlaced', { orderId: 'o-2', customerId: 'c-2' }),
      envelope(3, 'PaymentCaptured', { paymentId: 'p-1', amount: 9.99 }, 2),
      envelope(4, 'PaymentCaptured', { paymentId: 'p-2', amount: 1 }, 3),
    ]
      .map((e) => JSON.stringify(e))
      .join('\n') + '\n',
  'events/batch.events.json': JSON.stringify([envelope(5, 'OrderPlaced', { orderId: 'o-5', customerId: 'c-5' }), envelope(6, 'PaymentCaptured', { paymentId: 'p-6', amount: 2 }, 5)], null, 2),
};
