-- lib/dates.lua: how precise a dataset date is. A date the sources give only as "the 1950s" is
-- { year = 1955, decade = 1950 }: its `year` is a stand-in (the middle of the decade), not a fact,
-- so a script must not print or compare it as if the sources said 1955. Ask here first.
--
--   local dates = require("lib.dates")
--   dates.precision(parties.APP.founded)   --> "decade"
--   dates.exact_year(parties.APP.founded)  --> nil (the sources give no single year)

local D = {}

-- "day", "month", "year", "part of year" (late 2009), "part of decade" (mid-1960s) or "decade"
-- (the 1950s); nil for what is not a date table.
function D.precision(date)
  if type(date) ~= "table" or (date.year == nil and date.decade == nil) then return nil end
  if date.decade then return date.part and "part of decade" or "decade" end
  if date.day then return "day" end
  if date.month then return "month" end
  if date.part then return "part of year" end
  return "year"
end

-- The year when the sources give one (day, month, year or part of a year), else nil.
function D.exact_year(date)
  local p = D.precision(date)
  if p == nil or p == "decade" or p == "part of decade" then return nil end
  return date.year
end

return D
