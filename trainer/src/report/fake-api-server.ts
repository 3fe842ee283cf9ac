/**
 * A small real HTTP server speaking just enough of the API's GraphQL (the trainer's own
 * operations) to test delivery: it stores points by (key, step) like the API does and can
 * be told to fail requests in the ways a network fails. For tests only.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Failure =
  /** Answer 503 without doing anything. */
  | "unavailable"
  /** Do the work, then drop the connection: the client cannot know it succeeded. */
  | "ambiguous"
  /** Answer a GraphQL BAD_USER_INPUT error. */
  | "refuse"
  /** Answer 429 RATE_LIMITED with Retry-After: 1, as the API does over its rate limit. */
  | "rate-limited";

export interface FakeApiRequest {
  operation: string;
  variables: Record<string, unknown>;
}

interface StoredPoint {
  key: string;
  step: number;
  value: number;
}

/** Decides, per request, whether and how it fails (undefined = serve it). */
export type FailurePlan = (request: FakeApiRequest, index: number) => Failure | undefined;

export class FakeApiServer {
  readonly requests: FakeApiRequest[] = [];
  /** Points in the order they were first stored. */
  readonly points: StoredPoint[] = [];
  readonly images: { step: number; kind: string; bytes: number }[] = [];
  readonly finished: { status: string; error: unknown }[] = [];
  status = "RUNNING";
  failurePlan: FailurePlan = () => undefined;
  private readonly seen = new Set<string>();
  private server: http.Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening and cuts open connections: the API is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  count(operation: string): number {
    return this.requests.filter((r) => r.operation === operation).length;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:mutation|query)\s+(\w+)/.exec(body.query)?.[1] ?? "unknown";
    const request = { operation, variables: body.variables };
    const index = this.requests.push(request) - 1;
    const failure = this.failurePlan(request, index);
    if (failure === "unavailable") {
      res.writeHead(503).end("unavailable");
      return;
    }
    if (failure === "rate-limited") {
      const body = { errors: [{ message: "rate limit exceeded (test)", extensions: { code: "RATE_LIMITED" } }] };
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" }).end(JSON.stringify(body));
      return;
    }
    if (failure === "refuse") {
      this.json(res, { errors: [{ message: "refused by the test", extensions: { code: "BAD_USER_INPUT" } }] });
      return;
    }
    const data = this.execute(request);
    if (failure === "ambiguous") {
      req.socket.destroy();
      return;
    }
    this.json(res, { data });
  }

  private execute({ operation, variables }: FakeApiRequest): unknown {
    const runId = variables.runId as string;
    switch (operation) {
      case "TrainerLogMetrics": {
        let accepted = 0;
        for (const point of variables.points as StoredPoint[]) {
          const id = `${point.key}@${point.step}`;
          if (this.seen.has(id)) continue;
          this.seen.add(id);
          this.points.push({ key: point.key, step: point.step, value: point.value });
          accepted++;
        }
        const total = (variables.points as unknown[]).length;
        return { logMetrics: { accepted, duplicates: total - accepted } };
      }
      case "TrainerLogImage": {
        const bytes = Buffer.from(variables.pngBase64 as string, "base64").length;
        this.images.push({ step: variables.step as number, kind: variables.kind as string, bytes });
        return { logImage: { id: String(this.images.length) } };
      }
      case "TrainerRunImageSteps":
        return { run: { id: runId, images: this.images.filter((i) => i.kind === variables.kind).map((i) => ({ step: i.step })) } };
      case "TrainerHeartbeat":
        return { heartbeat: { id: runId, status: this.status } };
      case "TrainerFinishRun":
        this.finished.push({ status: variables.status as string, error: variables.error });
        this.status = variables.status as string;
        return { finishRun: { id: runId, status: this.status, error: variables.error } };
      default:
        throw new Error(`the fake API does not know ${operation}`);
    }
  }

  private json(res: http.ServerResponse, body: unknown): void {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
}
