/** The RunTracer port on OpenTelemetry: a span per run, and one per attempt of each step. */
import {
  type Context,
  context,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { Execution, ExecutionStatus } from '../../domain/execution/execution.js';
import type {
  RunTrace,
  RunTracer,
  StepAttemptStatus,
  StepTrace,
} from '../../domain/execution/run-tracer.js';
import type { StepType } from '../../domain/pattern/pattern.js';

/** Attribute names (Nexus's own namespace: OpenTelemetry has no conventions for these). */
const RUN_ATTRIBUTES = {
  executionId: 'nexus.execution.id',
  executionStatus: 'nexus.execution.status',
  depth: 'nexus.execution.depth',
  patternId: 'nexus.pattern.id',
  patternVersion: 'nexus.pattern.version',
  stepId: 'nexus.step.id',
  stepType: 'nexus.step.type',
  attempt: 'nexus.step.attempt',
  stepStatus: 'nexus.step.status',
} as const;

export class OtelRunTracer implements RunTracer {
  constructor(private readonly tracer: Tracer) {}

  startRun(execution: Execution, depth: number): RunTrace {
    const span = this.tracer.startSpan(`execution ${execution.patternId}`, {
      attributes: {
        [RUN_ATTRIBUTES.executionId]: execution.id,
        [RUN_ATTRIBUTES.patternId]: execution.patternId,
        [RUN_ATTRIBUTES.patternVersion]: execution.patternVersion,
        [RUN_ATTRIBUTES.depth]: depth,
      },
    });
    return new OtelRunTrace(this.tracer, span, execution);
  }
}

class OtelRunTrace implements RunTrace {
  private ended = false;
  /** Steps are children of the run, wherever their attempts happen to start from. */
  private readonly parent: Context;

  constructor(
    private readonly tracer: Tracer,
    private readonly span: Span,
    private readonly execution: Execution,
  ) {
    this.parent = trace.setSpan(context.active(), span);
  }

  startStep(step: { id: string; type: StepType }, attempt: number): StepTrace {
    const span = this.tracer.startSpan(
      `step ${step.id}`,
      {
        attributes: {
          [RUN_ATTRIBUTES.executionId]: this.execution.id,
          [RUN_ATTRIBUTES.patternId]: this.execution.patternId,
          [RUN_ATTRIBUTES.stepId]: step.id,
          [RUN_ATTRIBUTES.stepType]: step.type,
          [RUN_ATTRIBUTES.attempt]: attempt,
        },
      },
      this.parent,
    );
    return new OtelStepTrace(span, this.parent);
  }

  end(status: ExecutionStatus, error?: string | null): void {
    if (this.ended) return;
    this.ended = true;
    this.span.setAttribute(RUN_ATTRIBUTES.executionStatus, status);
    if (status === 'FAILED') {
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: error ?? undefined });
    }
    this.span.end();
  }
}

class OtelStepTrace implements StepTrace {
  constructor(
    private readonly span: Span,
    private readonly parent: Context,
  ) {}

  within<T>(work: () => T): T {
    return context.with(trace.setSpan(this.parent, this.span), work);
  }

  end(status: StepAttemptStatus, error?: string): void {
    this.span.setAttribute(RUN_ATTRIBUTES.stepStatus, status);
    if (status === 'FAILED' || status === 'TIMED_OUT') {
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: error });
    }
    this.span.end();
  }
}
