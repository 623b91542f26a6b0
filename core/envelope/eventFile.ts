// PLACEHOLDER until envelope validation lands.
import type { EventFileContext, EventFileLayout, EventFileValidator } from './types';

export function createEventFileValidator(_file: string, _layout: EventFileLayout, _context: EventFileContext): EventFileValidator {
  return { validate: () => [], typesUsed: () => new Set() };
}
