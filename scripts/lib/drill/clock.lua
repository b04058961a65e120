-- lib/drill/clock.lua: where a drill reads the time. The real clock is halqa.clock (monotonic
-- seconds). The simulated one moves only when told (a `/wait N` line in a scripted drill, or a
-- test calling advance), so a scripted run with simulated time never sleeps and is repeatable.
-- Both can be paused: time paused does not count against an answer.

local C = {}

local function make(source)
  local clock = { paused_at = nil, paused_total = 0 }
  function clock.raw() return source() end
  -- Seconds since the clock began, not counting pauses.
  function clock.now()
    local t = clock.paused_at or source()
    return t - clock.paused_total
  end
  function clock.pause()
    if not clock.paused_at then clock.paused_at = source() end
  end
  function clock.resume()
    if clock.paused_at then
      clock.paused_total = clock.paused_total + (source() - clock.paused_at)
      clock.paused_at = nil
    end
  end
  function clock.paused() return clock.paused_at ~= nil end
  return clock
end

function C.real()
  local c = make(halqa.clock)
  c.simulated = false
  return c
end

function C.simulated()
  local t = 0
  local c = make(function() return t end)
  c.simulated = true
  function c.advance(seconds) t = t + seconds end
  return c
end

return C
