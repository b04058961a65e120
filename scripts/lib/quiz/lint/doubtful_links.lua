-- lint/doubtful_links.lua: a question resting on a link its event marks `doubtful` (a person
-- the event's note says does not belong to it, or one the seeds do not support).

return function(bank, report)
  for _, q in ipairs(bank) do
    for _, id in ipairs(q.facts) do
      local e = events[id]
      if e and e.doubtful then
        for _, d in ipairs(e.doubtful) do
          for _, other in ipairs(q.facts) do
            if other == d then
              report(q, "links '" .. id .. "' to '" .. d .. "', a link the event marks doubtful")
            end
          end
        end
      end
    end
  end
end
