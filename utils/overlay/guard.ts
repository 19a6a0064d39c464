// Work that runs from observers, timers and host events is outside the feature runner's try/catch: wrap it so a
// failure is reported in the panel and never surfaces as an error on the host page.
export function guarded<A extends unknown[]>(reportProblem: (error: unknown) => void, task: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      task(...args);
    } catch (error) {
      reportProblem(error);
    }
  };
}
