// Naming rules: PascalCase, past-tense facts (with a suggested name), and the coarse-grained hint.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../core/config/config';
import { checkEventTypeName, checkGranularity, suggestEventTypeName } from '../../core/naming/naming';
import { isPastForm, pastParticiple } from '../../core/naming/verbs';
import { isPascalCase, toPascalCase } from '../../core/naming/words';
import { createSchemaRegistry } from '../../core/registry/registry';

const on = { pastTense: true };

describe('naming: past tense', () => {
  const suggestions: [string, string][] = [
    // imperative first
    ['PlaceOrder', 'OrderPlaced'],
    ['CreateOrder', 'OrderCreated'],
    ['SendEmail', 'EmailSent'],
    ['CancelOrder', 'OrderCancelled'],
    ['BuyTicket', 'TicketBought'],
    ['UpdateCustomerAddress', 'CustomerAddressUpdated'],
    ['SignUpUser', 'UserSignedUp'],
    // noun + bare verb
    ['OrderCreate', 'OrderCreated'],
    ['OrderShip', 'OrderShipped'],
    ['InvoicePay', 'InvoicePaid'],
    ['LoanApply', 'LoanApplied'],
    ['ReportWrite', 'ReportWritten'],
    ['ProjectBegin', 'ProjectBegun'],
    ['CarSell', 'CarSold'],
    ['FundsWithdraw', 'FundsWithdrawn'],
    ['PriceRise', 'PriceRisen'],
    ['ArtifactBuild', 'ArtifactBuilt'],
    ['KeyLose', 'KeyLost'],
    ['PaymentSubmit', 'PaymentSubmitted'],
    ['UserSignUp', 'UserSignedUp'],
    ['Cancel', 'Cancelled'],
    // gerunds
    ['OrderProcessing', 'OrderProcessed'],
    ['OrderShipping', 'OrderShipped'],
    ['OrderCreating', 'OrderCreated'],
    ['PaymentCancelling', 'PaymentCancelled'],
    ['LoanApplying', 'LoanApplied'],
  ];
  for (const [name, expected] of suggestions) {
    it(`${name} -> ${expected}`, () => {
      const findings = checkEventTypeName(name, on);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].code, 'naming/not-past-tense');
      assert.deepEqual(findings[0].data, { suggestion: expected });
      assert.deepEqual(findings[0].path, ['x-event', 'type']);
      assert.ok(findings[0].message.includes(`"${expected}"`), findings[0].message);
    });
  }

  it('accepts past-tense facts, irregular forms and nouns used as events', () => {
    const fine = [
      'OrderPlaced', 'PaymentCaptured', 'EmailSent', 'InvoicePaid', 'OrderShipped', 'TicketBought', 'ReportWritten', 'ProjectBegun',
      'TokenGot', 'FlagSet', 'PricePut', 'PriceCut', 'JobRun', 'SeatHeld', 'KeyLost', 'SeatTaken', 'ConsentGiven', 'PriceRisen', 'CarSold',
      'FundsWithdrawn', 'OrderCanceled', 'OrderCancelled', 'UserSignedUp', 'UserLoggedIn', 'PasswordReset', 'Heartbeat', 'LowStockWarning',
      'ItemOutOfStock', 'OrderOnHold', 'PageView', 'SMSSent', 'DailyReport',
    ];
    for (const name of fine) assert.deepEqual(checkEventTypeName(name, on), [], name);
  });

  it('says why in the message: command, bare verb or in progress', () => {
    assert.match(checkEventTypeName('PlaceOrder', on)[0].message, /reads as a command/);
    assert.match(checkEventTypeName('OrderCreate', on)[0].message, /bare verb "Create"/);
    assert.match(checkEventTypeName('OrderProcessing', on)[0].message, /in progress/);
  });

  it('is off with naming.pastTense = false', () => {
    assert.deepEqual(checkEventTypeName('PlaceOrder', { pastTense: false }), []);
    assert.equal(suggestEventTypeName('PlaceOrder', { pastTense: false }), undefined);
  });
});

describe('naming: verb forms', () => {
  it('forms past participles: irregular, e -> ed, y -> ied, doubling, l doubling (British convention)', () => {
    const table: [string, string][] = [
      ['send', 'sent'], ['pay', 'paid'], ['buy', 'bought'], ['make', 'made'], ['build', 'built'], ['write', 'written'], ['begin', 'begun'],
      ['get', 'got'], ['set', 'set'], ['put', 'put'], ['cut', 'cut'], ['run', 'run'], ['hold', 'held'], ['lose', 'lost'], ['take', 'taken'],
      ['give', 'given'], ['rise', 'risen'], ['sell', 'sold'], ['withdraw', 'withdrawn'],
      ['place', 'placed'], ['apply', 'applied'], ['verify', 'verified'], ['play', 'played'], ['ship', 'shipped'], ['stop', 'stopped'],
      ['submit', 'submitted'], ['transfer', 'transferred'], ['open', 'opened'], ['deliver', 'delivered'], ['fix', 'fixed'],
      ['cancel', 'cancelled'], ['label', 'labelled'], ['fail', 'failed'], ['refund', 'refunded'], ['visit', 'visited'],
    ];
    for (const [verb, past] of table) assert.equal(pastParticiple(verb), past, verb);
  });

  it('recognizes past forms', () => {
    for (const word of ['Placed', 'Sent', 'Written', 'Began', 'Got', 'Canceled']) assert.ok(isPastForm(word), word);
    for (const word of ['Place', 'Send', 'Processing']) assert.ok(!isPastForm(word), word);
  });
});

describe('naming: PascalCase', () => {
  it('detects and converts other casings', () => {
    for (const name of ['OrderPlaced', 'SMSSent', 'Order2Placed']) assert.ok(isPascalCase(name), name);
    for (const name of ['orderPlaced', 'order_placed', 'ORDER_PLACED', 'Order-Placed', 'ORDERPLACED']) assert.ok(!isPascalCase(name), name);
    assert.equal(toPascalCase('order_placed'), 'OrderPlaced');
    assert.equal(toPascalCase('ORDER_PLACED'), 'OrderPlaced');
    assert.equal(toPascalCase('orderPlaced'), 'OrderPlaced');
    assert.equal(toPascalCase('order.placed'), 'OrderPlaced');
  });

  it('reports naming/not-pascal-case with the fully corrected name (one warning, not two)', () => {
    assert.deepEqual(checkEventTypeName('order_placed', on).map((f) => [f.code, f.data]), [['naming/not-pascal-case', { suggestion: 'OrderPlaced' }]]);
    assert.deepEqual(checkEventTypeName('place_order', on).map((f) => [f.code, f.data]), [['naming/not-pascal-case', { suggestion: 'OrderPlaced' }]]);
    assert.deepEqual(checkEventTypeName('place_order', { pastTense: false }).map((f) => f.data), [{ suggestion: 'PlaceOrder' }]);
  });
});

describe('naming: granularity', () => {
  const shape = (properties: string[], required: string[]) => ({ properties: new Set(properties), required: new Set(required) });

  it('hints at a coarse-grained Updated/Changed/Modified/Edited event with mostly optional properties', () => {
    for (const name of ['OrderUpdated', 'CustomerChanged', 'ProfileModified', 'PostEdited']) {
      const findings = checkGranularity(name, shape(['id', 'a', 'b', 'c'], ['id']));
      assert.equal(findings.length, 1, name);
      assert.equal(findings[0].code, 'naming/coarse-grained');
    }
    const message = checkGranularity('OrderUpdated', shape(['orderId', 'status', 'address', 'note'], ['orderId']))[0].message;
    assert.match(message, /3 of its 4 properties are optional/);
    assert.match(message, /notified of changes it does not care about/);
    assert.match(message, /OrderShippingAddressChanged/);
  });

  it('stays quiet for specific facts, small payloads and mostly required payloads', () => {
    assert.deepEqual(checkGranularity('OrderShipped', shape(['a', 'b', 'c', 'd'], [])), []);
    assert.deepEqual(checkGranularity('OrderUpdated', shape(['a', 'b'], [])), []);
    assert.deepEqual(checkGranularity('OrderUpdated', shape(['a', 'b', 'c', 'd'], ['a', 'b'])), []);
  });
});

describe('naming in the registry', () => {
  const ROOT = '/ws';
  const schema = (type: string, extra: Record<string, unknown> = {}) => JSON.stringify({ 'x-event': { type, version: '1.0' }, type: 'object', ...extra }, null, 2);

  it('reports naming warnings at x-event.type with the suggestion in data', () => {
    const registry = createSchemaRegistry({ root: ROOT, config: defaultConfig() });
    const text = schema('PlaceOrder');
    registry.setFile(`${ROOT}/schemas/PlaceOrder/1.0.schema.json`, text);
    const [problem] = registry.problems(`${ROOT}/schemas/PlaceOrder/1.0.schema.json`);
    assert.equal(problem.code, 'naming/not-past-tense');
    assert.equal(problem.severity, 'warning');
    assert.deepEqual(problem.data, { suggestion: 'OrderPlaced' });
    const line = text.split('\n').findIndex((l) => l.includes('"PlaceOrder"'));
    const character = text.split('\n')[line].indexOf('"PlaceOrder"');
    assert.deepEqual(problem.range, { start: { line, character }, end: { line, character: character + '"PlaceOrder"'.length } });
  });

  it('respects naming.pastTense = false from eventline.json', () => {
    const config = { ...defaultConfig(), naming: { pastTense: false } };
    const registry = createSchemaRegistry({ root: ROOT, config });
    registry.setFile(`${ROOT}/schemas/PlaceOrder/1.0.schema.json`, schema('PlaceOrder'));
    assert.deepEqual(registry.problems(`${ROOT}/schemas/PlaceOrder/1.0.schema.json`), []);
  });

  it('reports naming/coarse-grained as information, reading properties through $ref and allOf', () => {
    const registry = createSchemaRegistry({ root: ROOT, config: defaultConfig() });
    registry.setFile(`${ROOT}/schemas/_common/customer.schema.json`, JSON.stringify({ $defs: { Fields: { properties: { email: {}, phone: {}, name: {} } } } }));
    const file = `${ROOT}/schemas/CustomerChanged/1.0.schema.json`;
    registry.setFile(file, schema('CustomerChanged', { properties: { customerId: { type: 'string' } }, required: ['customerId'], allOf: [{ $ref: '../_common/customer.schema.json#/$defs/Fields' }] }));
    const problems = registry.problems(file);
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['naming/coarse-grained', 'information']]);
    assert.match(problems[0].message, /3 of its 4 properties are optional/);
  });
});
