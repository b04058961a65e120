-- lib/testing.lua: a small test harness for Lua scripts run with `halqa FILE.lua`, used by
-- halqa's own tests and open to script authors testing their generators.
--
--   local t = require("lib.testing").new()
--   t:check(1 + 1 == 2, "arithmetic works")
--   t:equal(halqa.format_date({ year = 1948 }), "1948", "a year formats plainly")
--   t:done()   -- prints "N passed, N failed" and raises an error if any failed

local M = {}

local Suite = {}
Suite.__index = Suite

function M.new()
  return setmetatable({ passed = 0, failed = 0 }, Suite)
end

function Suite:check(ok, what)
  if ok then
    self.passed = self.passed + 1
  else
    self.failed = self.failed + 1
    print("FAIL: " .. what)
  end
  return ok
end

function Suite:equal(got, want, what)
  return self:check(got == want, what .. ": expected " .. tostring(want) .. ", got " .. tostring(got))
end

function Suite:done()
  print(string.format("%d passed, %d failed", self.passed, self.failed))
  if self.failed > 0 then error(self.failed .. " check(s) failed", 0) end
end

return M
