-- lib/quiz/lint.lua: the bank linter — finds questions that are wrong or misleading for a reader
-- who knows the history, or that give their answer away. Each check is a file in lib/quiz/lint/
-- returning function(bank, report); report(q, message) records one problem. `halqa check` runs
-- them all; the test suite requires that they find nothing in the bundled bank.

local L = {}

-- In the order they are reported; each name is its file.
L.checks = { "doubtful_links", "unique_answers", "false_statements", "order_leaks", "choice_leaks",
             "near_duplicates", "hints", "linked_times", "nested_places", "year_giveaways",
             "self_answers" }

-- Runs every check over bank; returns the problems as { check =, id =, message = }, sorted.
function L.run(bank)
  local problems = {}
  for _, name in ipairs(L.checks) do
    local check = require("lib.quiz.lint." .. name)
    check(bank, function(q, message)
      problems[#problems + 1] = { check = name, id = q.id, message = message }
    end)
  end
  return problems
end

return L
