-- hand-written: Prisma cannot express triggers in schema.prisma.
-- Keeps metric_series (per-key totals and last value) and metric_rollups (pre-aggregated
-- buckets of 16^level steps, levels 1..5) in step with metric_points. A statement-level
-- trigger sees only the rows an INSERT really added (ON CONFLICT DO NOTHING skips
-- duplicates), so the aggregates stay exact under retries. Points are never updated or
-- deleted one by one (only with their run, which cascades to the aggregates too).
-- Prisma's migration runner splits scripts at every semicolon, even inside a quoted
-- function body, so the body below spells its semicolons as the escape \073.
CREATE FUNCTION sparring_aggregate_new_points() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO metric_series AS s (run_id, key, count, min_step, max_step, last_value)
  SELECT run_id, key, count(*)::int, min(step), max(step),
         (array_agg(value ORDER BY step DESC))[1]
  FROM new_points
  GROUP BY run_id, key
  ORDER BY run_id, key
  ON CONFLICT (run_id, key) DO UPDATE SET
    count = s.count + EXCLUDED.count,
    min_step = LEAST(s.min_step, EXCLUDED.min_step),
    max_step = GREATEST(s.max_step, EXCLUDED.max_step),
    last_value = CASE WHEN EXCLUDED.max_step > s.max_step THEN EXCLUDED.last_value ELSE s.last_value END\073

  INSERT INTO metric_rollups AS r (run_id, key, level, bucket, count, min, max, last_step, last_value)
  SELECT p.run_id, p.key, l.level::smallint, p.step >> (4 * l.level), count(*)::int,
         min(p.value), max(p.value), max(p.step),
         (array_agg(p.value ORDER BY p.step DESC))[1]
  FROM new_points p CROSS JOIN generate_series(1, 5) AS l(level)
  GROUP BY p.run_id, p.key, l.level, p.step >> (4 * l.level)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (run_id, key, level, bucket) DO UPDATE SET
    count = r.count + EXCLUDED.count,
    min = LEAST(r.min, EXCLUDED.min),
    max = GREATEST(r.max, EXCLUDED.max),
    last_step = GREATEST(r.last_step, EXCLUDED.last_step),
    last_value = CASE WHEN EXCLUDED.last_step > r.last_step THEN EXCLUDED.last_value ELSE r.last_value END\073
  RETURN NULL\073
END
';

CREATE TRIGGER metric_points_aggregate
AFTER INSERT ON metric_points
REFERENCING NEW TABLE AS new_points
FOR EACH STATEMENT EXECUTE FUNCTION sparring_aggregate_new_points();
