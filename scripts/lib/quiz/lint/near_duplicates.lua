-- lint/near_duplicates.lua: two choices of one question that a reader would take for one name
-- ("Mazdoor Kisan Party (Major Ishaque group)" beside "Mazdoor Kissan Party"): once the
-- bracketed part is dropped, they are one letter apart (numbers and years are left alone).

local function core(s)
  return halqa.normalize((s:gsub("%b()", ""))):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
end

-- Levenshtein distance, stopping early once it is over limit.
local function distance(a, b, limit)
  if math.abs(#a - #b) > limit then return limit + 1 end
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur, best = { [0] = i }, i
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if cur[j] < best then best = cur[j] end
    end
    if best > limit then return limit + 1 end
    prev = cur
  end
  return prev[#b]
end

return function(bank, report)
  for _, q in ipairs(bank) do
    if q.kind == "choice" or q.kind == "multi" or q.kind == "match" then
      local cores = {}
      for i, c in ipairs(q.choices) do cores[i] = core(c) end
      for i = 1, #cores do
        for j = i + 1, #cores do
          -- equal cores, or two names both with a bracket, are told apart on purpose ("... (Khadim
          -- Thaheem group)"); a bare name one letter from another reads as the same party
          local told_apart = q.choices[i]:find("%b()") and q.choices[j]:find("%b()")
          if #cores[i] >= 4 and not cores[i]:find("%d") and cores[i] ~= cores[j] and not told_apart
             and distance(cores[i], cores[j], 1) <= 1 then
            report(q, "choices '" .. q.choices[i] .. "' and '" .. q.choices[j] .. "' are near duplicates")
          end
        end
      end
    end
  end
end
