-- count-execution: what counting a finished run in its pattern's statistics takes, put in
-- place by `-- @include`: only while the pattern exists and, given a generation, is still in it
-- (a run that ends after a delete leaves no stray key, and one of a pattern deleted and created
-- again counts for neither).
-- Returns 1 when counted, 0 when the pattern no longer exists (or is in another generation).
local function countExecution(versions, stats, generations, id, succeeded, durationMs, generation)
  if redis.call('HEXISTS', versions, id) == 0 then
    return 0
  end
  if generation ~= '' and (redis.call('HGET', generations, id) or '') ~= generation then
    return 0
  end
  redis.call('HINCRBY', stats, 'usageCount', 1)
  redis.call('HINCRBY', stats, 'successCount', tonumber(succeeded))
  redis.call('HINCRBY', stats, 'totalDurationMs', tonumber(durationMs))
  return 1
end
