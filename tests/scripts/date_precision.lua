-- tests/scripts/date_precision.lua: lib/dates.lua says how precise a date is, so a script does not
-- take the 1950s for 1955.

local t = require("lib.testing").new()
local D = require("lib.dates")

t:equal(D.precision(parties.APP.founded), "decade", "the APP's founding (the 1950s) is a decade")
t:equal(D.exact_year(parties.APP.founded), nil, "and has no exact year, though its year field is 1955")
t:equal(parties.APP.founded.year, 1955, "(the stand-in year the trap is about)")
t:equal(D.precision(parties.CPP.founded), "day", "the CPP's founding (6 March 1948) is a day")
t:equal(D.exact_year(parties.CPP.founded), 1948, "with its year")
t:equal(D.precision({ year = 1990, month = 12 }), "month", "a month")
t:equal(D.precision({ year = 1951 }), "year", "a year")
t:equal(D.precision({ year = 2009, part = "late" }), "part of year", "late 2009")
t:equal(D.exact_year({ year = 2009, part = "late" }), 2009, "late 2009 is in 2009")
t:equal(D.precision({ year = 1965, decade = 1960, part = "mid" }), "part of decade", "the mid-1960s")
t:equal(D.precision("1950s"), nil, "a string is not a date")
t:equal(D.precision({}), nil, "nor an empty table")
t:done()
