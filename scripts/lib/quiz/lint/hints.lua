-- lint/hints.lua: a short-answer or cloze hint counts the characters of what the blank stands
-- for (the text cut out of the title), which may not be the answer asked for ("Lenin" in
-- "____'s revolution" against the answer "Vladimir Lenin").

return function(bank, report)
  for _, q in ipairs(bank) do
    if q.kind == "cloze" or q.kind == "short" then
      local stands_for = q.blank or q.answer
      local n = q.hint and tonumber(q.hint:match("has (%d+) characters"))
      if not q.hint then
        report(q, "has no hint of its own (the session would count the answer, not the blank)")
      elseif n and n ~= halqa.width(stands_for) then
        report(q, "hint counts " .. n .. " characters, but '" .. stands_for .. "' has " .. halqa.width(stands_for))
      end
    end
  end
end
