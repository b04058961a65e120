-- lint/order_leaks.lua: an ordering or matching question whose layout gives the answer: the
-- right order is the order shown, or the items on the left already stand in the order of their
-- answers, so sorting the right column (years) solves it.

local function identity(list)
  for i, v in ipairs(list) do
    if v ~= i then return false end
  end
  return true
end

local function ascending(values)
  for i = 2, #values do
    if values[i] < values[i - 1] then return false end
  end
  return true
end

return function(bank, report)
  for _, q in ipairs(bank) do
    if q.kind == "order" and identity(q.correct) then
      report(q, "shows the items already in the right order")
    elseif q.kind == "match" then
      local rights = {}
      for i, c in ipairs(q.correct) do rights[i] = q.choices[c] end
      if identity(q.correct) then
        report(q, "lists the answers in the order of the items")
      elseif ascending(rights) then
        report(q, "lists the items in the sorted order of their answers, so sorting solves it")
      end
    end
  end
end
