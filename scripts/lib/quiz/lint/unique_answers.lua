-- lint/unique_answers.lua: a cloze or "which party/who" question must have one right answer in
-- the whole dataset: another record that fits the prompt as well makes the question unfair
-- ("____ was founded in the 1950s": the APP, but the NAP too).

-- Per template: the other records that answer q as well as its own fact does.
local others = {
  ["dates.founded_cloze"] = function(q)
    local mine = parties[q.facts[1]].founded
    local out = {}
    for id, p in pairs(parties) do
      local d = p.founded
      -- "founded in the 1950s" fits a party of 1957 as well as one dated only to the decade
      if id ~= q.facts[1] and d and (halqa.format_date(d) == halqa.format_date(mine) or
          (mine.decade and not mine.part and d.year // 10 * 10 == mine.decade)) then
        out[#out + 1] = id
      end
    end
    return out
  end,
  -- "Who served as head of X?": anyone else with that post in that party
  ["leaders.holder"] = function(q)
    local person, post = q.facts[1], q.facts[2]
    local party, title
    for _, r in ipairs(people[person].roles or {}) do
      -- the prompt writes the title in lower case, as running text does
      if q.prompt:lower():find(" as " .. r.title:lower() .. " of ", 1, true) and r.party then party, title = r.party, r.title end
    end
    local out = {}
    if not party then return out end
    for id, p in pairs(people) do
      for _, r in ipairs(p.roles or {}) do
        if id ~= person and r.party == party and r.title == title then out[#out + 1] = id end
      end
    end
    return out
  end,
}
others["leaders.holder_choice"] = others["leaders.holder"]

return function(bank, report)
  for _, q in ipairs(bank) do
    local f = others[q.id:match("^[^.]+%.[^.]+")]
    local more = f and f(q) or {}
    if q.kind == "choice" then -- "which of these": only another right answer shown is wrong
      local shown, kept = {}, {}
      for _, c in ipairs(q.choices) do shown[halqa.normalize(c)] = true end
      for _, id in ipairs(more) do
        local r = people[id] or parties[id]
        if r and shown[halqa.normalize(r.name)] then kept[#kept + 1] = id end
      end
      more = kept
    end
    if #more > 0 then
      table.sort(more)
      report(q, "is also answered by " .. table.concat(more, ", "))
    end
  end
end
