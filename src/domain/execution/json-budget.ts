/**
 * A bound on the JSON size of what a step makes: its parameters as they are filled in, and its
 * output. Sizes are counted in UTF-16 code units (what `JSON.stringify(...).length` gives, close
 * to bytes for ASCII), and a value is walked only as far as the budget reaches, so the check
 * costs no more than the bound however large the value is.
 */
export class JsonBudget {
  private left: number;

  constructor(
    readonly maxBytes: number,
    private readonly exceeded: (maxBytes: number) => Error,
  ) {
    this.left = maxBytes;
  }

  /** Whether a value's JSON comes to at most `maxBytes` (walked no further than that). */
  static fits(value: unknown, maxBytes: number): boolean {
    let fits = true;
    const budget = new JsonBudget(maxBytes, () => {
      fits = false;
      return new RangeError('over budget');
    });
    try {
      budget.spendValue(value);
    } catch (error) {
      if (fits) throw error;
    }
    return fits;
  }

  spend(bytes: number): void {
    this.left -= bytes;
    if (this.left < 0) throw this.exceeded(this.maxBytes);
  }

  /** Spends the JSON size of a value, iteratively (no depth can overflow the stack). */
  spendValue(value: unknown): void {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const next = stack.pop();
      if (typeof next === 'string') this.spend(next.length + 2);
      else if (Array.isArray(next)) {
        this.spend(next.length + 1);
        for (const item of next) stack.push(item);
      } else if (next !== null && typeof next === 'object') {
        const entries = Object.entries(next);
        this.spend(entries.length + 1);
        for (const [key, item] of entries) {
          this.spend(key.length + 3);
          stack.push(item);
        }
      } else this.spend(String(next).length);
    }
  }
}
