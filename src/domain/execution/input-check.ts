import { type Issue, ValidationError } from '../shared/errors.js';
import type { JsonValue } from '../shared/json.js';
import type { CompiledPattern } from './compiled-pattern.js';
import { hasPath } from './template.js';

/** Every input path a step's templates read must be in the input; all missing ones at once. */
export function checkInput(pattern: CompiledPattern, input: JsonValue | null): void {
  const missing = new Map<string, readonly string[]>();
  for (const [path, stepIds] of pattern.requiredInputs) {
    if (!hasPath(input ?? {}, path)) missing.set(path, stepIds);
  }
  if (missing.size === 0) return;
  const issues: Issue[] = [...missing].map(([path, stepIds]) => ({
    path: ['input', ...path.split('.')],
    message: `is required by step${stepIds.length > 1 ? 's' : ''} ${stepIds.map((id) => `"${id}"`).join(', ')}`,
  }));
  throw new ValidationError(issues);
}
