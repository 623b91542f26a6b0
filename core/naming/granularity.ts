// Coarse- versus fine-grained events: a generic "XUpdated" whose payload is mostly optional fields
// tells consumers "something changed" and leaves them to diff. That is a fine way to start; the
// hint explains when to split it into specific facts.
import { splitWords } from './words';

const GENERIC_VERBS = new Set(['Updated', 'Changed', 'Modified', 'Edited']);

export interface ObjectShape {
  properties: ReadonlySet<string>;
  required: ReadonlySet<string>;
}

/** The message for a coarse-grained event, or undefined when the type is specific enough. */
export function coarseGrainedMessage(type: string, shape: ObjectShape): string | undefined {
  const words = splitWords(type);
  const verb = words[words.length - 1];
  if (!verb || !GENERIC_VERBS.has(verb)) return undefined;
  const total = shape.properties.size;
  const optional = [...shape.properties].filter((p) => !shape.required.has(p)).length;
  if (total < 3 || optional * 2 <= total) return undefined;
  const subject = words.slice(0, -1).join('') || 'Entity';
  return (
    `"${type}" is a coarse-grained event: ${optional} of its ${total} properties are optional, so it says "something about ${subject} changed". ` +
    'That keeps the number of event types small, but every consumer is notified of changes it does not care about and must diff the payload to find out what happened. ' +
    `Starting coarse is fine; when a consumer needs one specific change, split it into its own fact (e.g. ${subject}ShippingAddressChanged, ${subject}StatusChanged).`
  );
}
