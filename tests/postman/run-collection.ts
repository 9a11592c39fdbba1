import newman from "newman";

export interface CollectionResult {
  readonly passed: number;
  readonly failed: number;
  /** Failures that are not assertions: a request that could not be sent, a script that threw. */
  readonly otherFailures: number;
}

/** Runs the collection with newman's Node API: CLI output, plus a JUnit file for CI. */
export function runCollection(options: {
  readonly collection: string;
  readonly environment: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly junitFile: string;
}): Promise<CollectionResult> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: options.collection,
        environment: options.environment,
        envVar: Object.entries(options.variables).map(([key, value]) => ({ key, value })),
        reporters: ["cli", "junit"],
        reporter: { junit: { export: options.junitFile } },
      },
      (error, summary) => {
        if (error) return reject(error);
        const { assertions } = summary.run.stats;
        const failed = assertions.failed ?? 0;
        resolve({
          passed: (assertions.total ?? 0) - failed,
          failed,
          otherFailures: summary.run.failures.filter((f) => f.error.name !== "AssertionError")
            .length,
        });
      },
    );
  });
}
