/** The settings as one shard process uses them (src/discord/shardMain.ts). */
import type { Config } from '../config.ts';

/**
 * The settings as this shard uses them: each shard's health endpoint on a port of its own (HEALTH_PORT
 * plus the shard's id; 0 still picks a free one), as they cannot share one.
 */
export function configForShard(config: Config, shardId: number): Config {
  const health = config.operations.health;
  if (!health || health.port === 0) return config;
  return { ...config, operations: { ...config.operations, health: { ...health, port: health.port + shardId } } };
}
