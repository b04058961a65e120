-- lint/self_answers.lua: a choice question that answers itself through names: the right choice
-- stands whole in the prompt ("the Mazdoor Kisan Party (Major Ishaque group) came out of a
-- split. Which party did it leave?" → Mazdoor Kisan Party), or it alone of the choices holds a
-- name the prompt gives ("a group left the Communist Party of Pakistan. Which party came out of
-- it?" → "Communist Party of Pakistan (Khadim Thaheem group)").

local F = require("lib.quiz.facts")

local function norm(s) return halqa.normalize((s:gsub("%b()", " "))) end

return function(bank, report)
  for _, q in ipairs(bank) do
    if q.kind == "choice" and q.correct and #q.correct == 1 then
      local prompt = norm(q.prompt)
      local right = q.choices[q.correct[1]]
      local r = norm(right)
      if #r > 3 and F.has_words(prompt, r) then
        report(q, "the right choice '" .. right .. "' stands in the prompt")
      end
      -- a name of the prompt that the right choice alone holds
      for _, id in ipairs(F.mentioned(q.prompt)) do
        local n = norm(F.name(id))
        if #n > 3 and F.has_words(r, n) and r ~= n then
          local alone = true
          for i, c in ipairs(q.choices) do
            if i ~= q.correct[1] and F.has_words(norm(c), n) then alone = false end
          end
          if alone then report(q, "only the right choice '" .. right .. "' holds the prompt's '" .. F.name(id) .. "'") end
        end
      end
    end
  end
end
