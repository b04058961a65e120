-- lint/false_statements.lua: a true/false statement called false must be false on every
-- reading. "X served as Leader of the CPP" is not false when X held some post in the CPP, and
-- "this happened in 1957" is not false when the event's date is only a decade that holds 1957.

local F = require("lib.quiz.facts")

local function posts_in(person, party)
  local out = {}
  for _, r in ipairs(people[person].roles or {}) do
    if r.party == party then out[#out + 1] = r.title end
  end
  return out
end

return function(bank, report)
  for _, q in ipairs(bank) do
    if q.kind == "truefalse" and q.answer == "false" then
      -- a false statement names a person and a party the person did hold a post in
      -- people are looked for with the party names taken out ("... (Khadim Thaheem group)")
      local bare = q.prompt
      local names = {}
      for _, p in pairs(parties) do names[#names + 1] = p.name end
      table.sort(names, function(a, b) return #a > #b end) -- the longest first: CPP_Thaheem's holds CPP's
      for _, n in ipairs(names) do
        local a, b = bare:find(n, 1, true)
        if a then bare = bare:sub(1, a - 1) .. bare:sub(b + 1) end
      end
      for person in pairs(people) do
        if F.mentions(bare, person) then
          for id in pairs(parties) do
            if F.mentions(q.prompt, id) and #posts_in(person, id) > 0 and q.id:match("^leaders%.") then
              report(q, "is called false, but " .. person .. " held a post in " .. id .. " (" ..
                table.concat(posts_in(person, id), ", ") .. ")")
            end
          end
        end
      end
      -- a false year for an event whose date is only a decade or a part of one
      local e = events[q.facts[1]]
      local year = tonumber(q.prompt:match("in (%d%d%d%d)"))
      if e and year and not e.date.month and e.date.decade and year // 10 * 10 == e.date.decade then
        report(q, "is called false, but " .. e.id .. " is dated only to the " .. e.date.decade .. "s")
      end
    end
  end
end
