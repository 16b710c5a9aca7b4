// Types for server.mjs, so TypeScript harnesses (vitest globalSetup, scripts) can import it.
export interface EmulatorHandle {
  /** e.g. http://127.0.0.1:PORT, no trailing slash */
  url: string;
  port: number;
  /** Stops listening and destroys open sockets (including hung requests). */
  close(): Promise<void>;
}
export interface EmulatorRoute {
  method: string;
  match(path: string): boolean;
  dialect: unknown;
  handle(ctx: unknown): unknown;
}
export function startEmulator(options?: { port?: number; host?: string }): Promise<EmulatorHandle>;
export function registerRoutes(routes: EmulatorRoute[]): void;
export const routes: EmulatorRoute[];
