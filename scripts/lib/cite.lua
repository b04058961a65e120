-- lib/cite.lua: a question's sources as a reader wants them on screen: the document's title and
-- the section ("Communist Party of Pakistan, section "History""). The hashed file names stay where
-- a citation must be exact (exports, --json, drill reports, handouts: q.source).

local C = {}

local by_id = sources -- the dataset's sources, keyed by id

-- The readable citation of a list of { source id, section } pairs; "" for none.
function C.titles(list)
  local parts = {}
  for _, c in ipairs(list or {}) do
    local src = by_id[c[1]]
    local title = src and src.title or tostring(c[1])
    parts[#parts + 1] = (c[2] and c[2] ~= "" and c[2] ~= title) and (title .. ", section “" .. c[2] .. "”") or title
  end
  return table.concat(parts, "; ")
end

-- A question's sources for a screen: its titles, or its exact citation when it has no list.
function C.of(q)
  if type(q.sources) == "table" and #q.sources > 0 then return C.titles(q.sources) end
  return q.source or ""
end

return C
