-- bench/bare_load.lua: the baseline for bench/bank.sh — plain lua5.4 loading a dataset's five
-- files as text chunks in empty environments, keeping the tables, and nothing else.
local keep = {}
for _, name in ipairs({ "sources", "parties", "people", "organizations", "events" }) do
  keep[name] = assert(loadfile(arg[1] .. "/" .. name .. ".lua", "t", {}))()
end
