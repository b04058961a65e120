-- lint/choice_leaks.lua: choices that give the answer away: the right one always in one place,
-- the only choice of the right type (the only person among parties), an obvious outsider (one
-- state body among parties), or the only choice far longer than the rest.

local table_of = halqa.index.table_of

-- The table a choice's text names, when it is a record's name or alias.
local names = {}
for _, tname in ipairs({ "parties", "people", "organizations", "events" }) do
  for id, r in pairs(_ENV[tname]) do
    for _, n in ipairs({ r.name or r.title, r.abbr }) do names[halqa.normalize(n)] = tname end
    for _, n in ipairs(r.aliases or {}) do names[halqa.normalize(n)] = tname end
  end
end
local function type_of(text)
  return names[halqa.normalize(text)] or names[halqa.normalize((text:gsub("%s*%b()$", "")))]
end

return function(bank, report)
  local at, n = {}, 0
  for _, q in ipairs(bank) do
    if q.kind == "choice" then
      n = n + 1
      at[q.correct[1]] = (at[q.correct[1]] or 0) + 1
      -- one choice whose type differs from the other three
      local types, count = {}, {}
      for i, c in ipairs(q.choices) do
        types[i] = type_of(c) or "?"
        count[types[i]] = (count[types[i]] or 0) + 1
      end
      for i, c in ipairs(q.choices) do
        if types[i] ~= "?" and count[types[i]] == 1 and #q.choices == 4 and count[types[i % 4 + 1]] == 3 then
          report(q, "'" .. c .. "' is the only one of its kind (" .. types[i] .. ") among the choices")
        end
      end
      -- the answer far longer than every other choice
      local right, longest = halqa.width(q.choices[q.correct[1]]), 0
      for i, c in ipairs(q.choices) do
        if i ~= q.correct[1] then longest = math.max(longest, halqa.width(c)) end
      end
      if right > 2 * longest and right - longest > 15 then
        report(q, "the answer is more than twice as long as any other choice")
      end
    end
  end
  for pos, k in pairs(at) do
    if n >= 20 and k > n * 0.4 then
      report({ id = "(bank)" }, "the right answer is choice " .. pos .. " in " .. k .. " of " .. n .. " questions")
    end
  end
end
