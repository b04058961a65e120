-- lint/year_giveaways.lua: a choice question that asks for a year and whose right choice alone
-- states that year ("Which of these happened in 2013?" → "CPP in the 2013 general election").

return function(bank, report)
  for _, q in ipairs(bank) do
    if q.kind == "choice" or q.kind == "multi" then
      for year in q.prompt:gmatch("%f[%d](%d%d%d%d)%f[%D]") do
        for _, i in ipairs(q.correct or {}) do
          local c = q.choices[i]
          if c ~= year and c:find("%f[%d]" .. year .. "%f[%D]") then
            report(q, "the right choice '" .. c .. "' states the year " .. year .. " the prompt gives")
          end
        end
      end
    end
  end
end
