/** What a completed step of a transactional run can undo (nothing, for a read). */
export interface Undoable {
  stepId: string;
  undo?: () => Promise<void>;
}

/**
 * Undoes completed steps in reverse completion order; each undone step is reported, and a failed
 * undo does not stop the others. Returns what failed, as "stepId: message".
 */
export async function rollBack(
  completed: readonly Undoable[],
  rolledBack: (stepId: string) => void,
): Promise<string[]> {
  const failures: string[] = [];
  for (const { stepId, undo } of [...completed].reverse()) {
    try {
      await undo?.();
      rolledBack(stepId);
    } catch (error) {
      failures.push(`${stepId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures;
}
