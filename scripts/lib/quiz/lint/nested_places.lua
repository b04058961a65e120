-- lint/nested_places.lua: a question about places whose choices hold one place inside another
-- ("East Pakistan" beside "Dhaka (Dacca), East Pakistan"): a wrong choice that contains a right
-- one, or lies in it, is right in part.

local F = require("lib.quiz.facts")

return function(bank, report)
  for _, q in ipairs(bank) do
    if (q.kind == "choice" or q.kind == "multi") and F.has(q.tags, "places") then
      local n = {}
      for i, c in ipairs(q.choices) do n[i] = halqa.normalize(c) end
      for i = 1, #n do
        for j = 1, #n do
          if i ~= j and F.has_words(n[i], n[j]) then
            report(q, "choice '" .. q.choices[i] .. "' holds choice '" .. q.choices[j] .. "'")
          end
        end
      end
    end
  end
end
