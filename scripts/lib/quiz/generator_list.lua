-- lib/quiz/generator_list.lua: the text of `quiz --list-generators` and `help generators`.

-- Every generator on the scripts search path, read afresh (a file added since start-up shows),
-- with what it makes: `quiz --list-generators` and `help generators`.
return function()
  local T = require("lib.text")
  local width = halqa.columns()
  local out = { "Question generators (scripts/generators/, your own in ~/.config/halqa/scripts/generators/):" }
  for _, g in ipairs(require("lib.quiz.bank").generators()) do
    if width >= 60 then -- name and description side by side, the description wrapped under itself
      out[#out + 1] = (T.hang(string.format("  %-14s ", g.name), g.description, width))
    else
      out[#out + 1] = "  " .. g.name .. "\n" .. T.wrap("      " .. g.description, width, "      ")
    end
  end
  out[#out + 1] = "Use one with `quiz --generator NAME`."
  return T.wrap(out[1], width) .. "\n" .. table.concat(out, "\n", 2)
end
