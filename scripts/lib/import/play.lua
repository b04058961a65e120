-- lib/import/play.lua: the generator an imported question set becomes. A file that `halqa import`
-- wrote (generators/NAME.lua) is its list of questions and one call to this:
--   return require("lib.import.play")("NAME", "FILE", { { line = 3, kind = "choice", ... }, ... })
-- Each question is asked like a bundled one and graded the same way; its fact is its own
-- (NAME_N, not a dataset record: spec.own) and its source is the file and line it came from.
-- The generator sets cards = true, so its questions are also a flashcard deck named NAME.

return function(name, file, questions)
  return {
    name = name,
    description = string.format("%d questions imported from %s", #questions, file),
    cards = true,
    generate = function(ctx)
      for i, q in ipairs(questions) do
        local spec = {
          template = "q" .. i, facts = { name .. "_" .. i }, own = true,
          prompt = q.prompt, explanation = q.explanation, tags = q.tags or {},
          sources = { { file, "line " .. q.line } },
          answer = q.answer, accepted = q.accepted, distractors = q.distractors, answers = q.answers,
          truth = q.truth, statement = q.kind == "truefalse" and q.prompt or nil, pairs = q.pairs,
          number = q.number, approx = q.approx, date = q.date,
        }
        ctx[q.kind](ctx, spec)
      end
    end,
  }
end
