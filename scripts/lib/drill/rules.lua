-- lib/drill/rules.lua: the rules of a classroom drill — points, passing, turns — as plain Lua, so
-- a teacher can write a variant (drills/*.lua, e.g. drills/lightning.lua) that changes any of
-- them. A variant returns a table of overrides; R.make merges it over these defaults.
--
-- The engine (lib/drill/engine.lua) asks the rules three things: who answers question i first
-- (first_player), who gets a passed question (next_player), and how many points an answer earns
-- (points). Everything else here is settings those functions read.

local R = {}

R.defaults = {
  name = "standard",
  description = "turns rotate; a miss may pass once to the next in turn for half points",
  base = 10,            -- points for a right answer
  pass = true,          -- a wrong or timed-out answer passes to the next player or team
  passes = 1,           -- how many times one question may pass on
  pass_factor = 0.5,    -- a passed question is worth this share of the points
  time = 30,            -- seconds per question; 0 = untimed
  speed = false,        -- speed points: up to speed_max, for the share of the time left
  speed_max = 5,
  streaks = false,      -- streak bonus: streak_bonus for each right answer in a row after the first
  streak_bonus = 2,
  streak_cap = 6,
}

-- The player (an index into d.players) who answers question i first: turns rotate.
function R.defaults.first_player(d, i)
  return (i - 1) % #d.players + 1
end

-- The player who gets a question passed on by player `from`: the next in the rotation.
function R.defaults.next_player(d, from)
  return from % #d.players + 1
end

-- Points for a right answer. a = { passed = bool, seconds = time taken, streak = right answers
-- in a row by this player, this one included }.
function R.defaults.points(rules, a)
  local p = rules.base
  if a.passed then p = p * rules.pass_factor end
  if rules.speed and rules.time > 0 then
    local left = math.max(0, rules.time - a.seconds) / rules.time
    p = p + math.floor(rules.speed_max * left + 0.5)
  end
  if rules.streaks and a.streak > 1 then
    p = p + math.min(rules.streak_cap, rules.streak_bonus * (a.streak - 1))
  end
  return p
end

-- The rules in sentences, for the opening screen: every rule that affects the score is stated.
function R.describe(rules)
  local lines = {}
  lines[#lines + 1] = string.format("Rules (%s): %s.", rules.name, rules.description)
  lines[#lines + 1] = string.format("A right answer scores %s %s.", R.fmt(rules.base), rules.base == 1 and "point" or "points")
  if rules.time > 0 then
    lines[#lines + 1] = "Each question has " .. (rules.time == 1 and "1 second." or string.format("%d seconds.", rules.time))
  else
    lines[#lines + 1] = "Questions are untimed."
  end
  if rules.pass then
    lines[#lines + 1] = string.format("A wrong or timed-out answer passes to the next %s for %s points.",
      rules.unit or "player", R.fmt(rules.base * rules.pass_factor))
  else
    lines[#lines + 1] = "No passing: a miss ends the question."
  end
  if rules.speed and rules.time > 0 then
    lines[#lines + 1] = string.format("Speed points: up to %d more for answering quickly.", rules.speed_max)
  else
    lines[#lines + 1] = "Speed points: off."
  end
  if rules.streaks then
    lines[#lines + 1] = string.format("Streaks: +%d for each right answer in a row after the first (at most +%d).",
      rules.streak_bonus, rules.streak_cap)
  else
    lines[#lines + 1] = "Streak bonus: off."
  end
  return lines
end

-- 10 -> "10", 7.5 -> "7.5"
function R.fmt(x)
  if x == math.floor(x) then return string.format("%d", x) end
  return string.format("%.1f", x)
end

-- The rules of a drill: the defaults, then a variant's overrides, then the command line's.
function R.make(variant, overrides)
  local rules = {}
  for k, v in pairs(R.defaults) do rules[k] = v end
  for k, v in pairs(variant or {}) do rules[k] = v end
  for k, v in pairs(overrides or {}) do rules[k] = v end
  for _, k in ipairs({ "base", "pass_factor", "time", "speed_max", "streak_bonus", "streak_cap", "passes" }) do
    if type(rules[k]) ~= "number" or rules[k] < 0 then
      error(string.format("drill rules '%s': %s must be a number >= 0", tostring(rules.name), k), 0)
    end
  end
  for _, k in ipairs({ "first_player", "next_player", "points" }) do
    if type(rules[k]) ~= "function" then
      error(string.format("drill rules '%s': %s must be a function", tostring(rules.name), k), 0)
    end
  end
  return rules
end

-- The variants: drills/NAME.lua across the scripts search path.
function R.variants()
  local out = {}
  for _, modname in ipairs(halqa.scripts("drills")) do
    out[modname:match("([^.]+)$")] = modname
  end
  return out
end

function R.load(name)
  local mod = R.variants()[name]
  if not mod then return nil end
  local v = require(mod)
  if type(v) ~= "table" then error("drills/" .. name .. ".lua must return a table of rules", 0) end
  return v
end

return R
