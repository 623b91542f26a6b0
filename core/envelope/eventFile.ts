// Event files: picks the validator for the file's layout and the workspace's envelope style.
import { cloudEventsStyle } from './cloudEvents';
import { defaultStyle } from './defaultEnvelope';
import { DocumentValidator } from './documentValidator';
import { JsonlValidator } from './jsonlValidator';
import type { EventFileContext, EventFileLayout, EventFileValidator } from './types';

export function createEventFileValidator(file: string, layout: EventFileLayout, context: EventFileContext): EventFileValidator {
  const style = context.config.envelope === 'cloudevents' ? cloudEventsStyle : defaultStyle;
  if (layout === 'jsonl') return new JsonlValidator(file, style, context.registry);
  return new DocumentValidator(file, layout, style, context.registry);
}
