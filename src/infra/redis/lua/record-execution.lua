-- record-execution: counts one finished execution in a pattern's statistics, atomically, and
-- only while the pattern exists (a run that ends after a delete leaves no stray key).
-- A run of a pattern deleted and created again (another generation) does not count either.
-- KEYS[1] patterns:version  KEYS[2] pattern:<id>:stats  KEYS[3] patterns:generation
-- ARGV[1] pattern id  ARGV[2] 1 when it succeeded, else 0  ARGV[3] duration in ms
-- ARGV[4] the generation that ran, or '' when unknown (any will do)
-- Reply: 1 when counted, 0 when the pattern no longer exists.
-- @include lib/count-execution.lua
return countExecution(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
