/**
 * What the bot reports to whoever runs it, in Prometheus's format (prom-client), on its own registry so
 * that two bots in one process (tests) never share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the metrics read at scrape time instead of being told. */
export interface MetricsSources {
  /** 1 while the gateway session is ready, 0 otherwise. */
  readonly gatewayReady: () => boolean;
  readonly corpus: () => { readonly articles: number; readonly passages: number; readonly outlets: number };
  /** When the corpus was last reloaded (null: not since start-up), and whether that reload took. */
  readonly lastReload: () => { readonly at: Date; readonly ok: boolean } | null;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class BotMetrics {
  readonly registry = new Registry();
  private readonly answers: Counter<'command'>;
  private readonly errors: Counter<'kind'>;
  private readonly refused: Counter<'reason'>;
  private readonly answerSeconds: Histogram<'command'>;
  private readonly interactionSeconds: Histogram<'type'>;

  constructor(sources: MetricsSources, options: { readonly processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'story_desk_' });
    new Gauge({
      name: 'story_desk_gateway_ready',
      help: '1 while the Discord gateway session is ready, 0 while it is connecting, resuming or closed',
      registers,
      collect() {
        this.set(sources.gatewayReady() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'story_desk_corpus_size',
      help: 'Articles, passages and outlets in the serving index',
      labelNames: ['unit'],
      registers,
      collect() {
        const corpus = sources.corpus();
        this.set({ unit: 'articles' }, corpus.articles);
        this.set({ unit: 'passages' }, corpus.passages);
        this.set({ unit: 'outlets' }, corpus.outlets);
      },
    });
    new Gauge({
      name: 'story_desk_last_reload_timestamp_seconds',
      help: 'When the corpus was last reloaded (Unix time; 0: not since start-up), by whether it took',
      labelNames: ['ok'],
      registers,
      collect() {
        const last = sources.lastReload();
        this.reset();
        if (last) this.set({ ok: String(last.ok) }, last.at.getTime() / 1000);
        else this.set({ ok: 'true' }, 0);
      },
    });
    this.answers = new Counter({
      name: 'story_desk_answers_total',
      help: 'Commands answered, by command',
      labelNames: ['command'],
      registers,
    });
    this.errors = new Counter({
      name: 'story_desk_errors_total',
      help: 'Interactions that failed: "failed" (the asker was told), "too late" (Discord no longer took a reply)',
      labelNames: ['kind'],
      registers,
    });
    this.refused = new Counter({
      name: 'story_desk_refused_total',
      help: 'Interactions turned away, by reason (member or channel rate limit, shutdown)',
      labelNames: ['reason'],
      registers,
    });
    this.answerSeconds = new Histogram({
      name: 'story_desk_answer_duration_seconds',
      help: 'Time to compute an answer, by command (waiting for a free answer slot included)',
      labelNames: ['command'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.interactionSeconds = new Histogram({
      name: 'story_desk_interaction_duration_seconds',
      help: 'Time from receiving an interaction to the bot’s last request for it, by interaction type',
      labelNames: ['type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
  }

  answered(command: string, seconds: number): void {
    this.answers.inc({ command });
    this.answerSeconds.observe({ command }, seconds);
  }

  failed(kind: 'failed' | 'too late'): void {
    this.errors.inc({ kind });
  }

  turnedAway(reason: 'member limit' | 'channel limit' | 'stopping'): void {
    this.refused.inc({ reason });
  }

  handled(type: string, seconds: number): void {
    this.interactionSeconds.observe({ type }, seconds);
  }

  /** The text a Prometheus scrape gets. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
