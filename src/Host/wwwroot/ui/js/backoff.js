// How long to wait before reconnection attempt number `attempt` (0 for the first after a loss):
// doubling from a short first wait up to a cap, so a restarting server is neither hammered nor waited on
// for long; jitter spreads out the many pages that one restart drops at the same instant.
export function reconnectDelay(attempt, { firstMs = 500, maxMs = 5000, random = Math.random } = {}) {
  const doubled = firstMs * 2 ** Math.min(attempt, 16);
  const jittered = doubled * (0.8 + 0.4 * random());
  return Math.round(Math.min(maxMs, jittered));
}
