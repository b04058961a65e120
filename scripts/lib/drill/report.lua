-- lib/drill/report.lua: what a drill leaves behind — final standings, each player's or team's
-- accuracy, and the questions most missed with their answers and sources — as terminal text, as
-- Markdown (--report FILE.md) or as CSV (--report FILE.csv, one row per answer, then the totals).

local T = require("lib.text")
local rules_lib = require("lib.drill.rules")

local R = {}

local function pct(right, asked)
  if asked == 0 then return "–" end
  return string.format("%d%%", math.floor(100 * right / asked + 0.5))
end

-- "(2 missed)", or "(not answered)" for a question revealed, skipped or left when the drill ended.
local function missed_note(m)
  if m.misses > 0 then return string.format("(%d missed)", m.misses) end
  return "(not answered)"
end

local function minutes(s)
  return string.format("%d:%02d", math.floor(s / 60), math.floor(s % 60))
end

-- The final screen.
function R.text(d, info, width)
  local lines = { T.color("bold", "Final standings") .. (d.ended_early and "  (ended early)" or "") }
  for _, s in ipairs(d:standings()) do
    lines[#lines + 1] = T.wrap(string.format("  %d. %s — %s %s, %d right of %d answered (%s)", s.rank, s.name,
      rules_lib.fmt(s.points), s.points == 1 and "point" or "points", s.right, s.asked, pct(s.right, s.asked)), width, "     ")
  end
  lines[#lines + 1] = string.format("Questions asked: %d of %d. Time: %s.", d.i, #d.questions, minutes(info.seconds or 0))
  local missed = d:most_missed()
  if #missed > 0 then
    lines[#lines + 1] = ""
    lines[#lines + 1] = T.color("bold", "Most missed")
    for _, m in ipairs(missed) do
      lines[#lines + 1] = "  " .. T.wrap(string.format("Q%d %s: %s", m.n, missed_note(m), m.q.prompt), width - 2, "    ")
      lines[#lines + 1] = T.wrap("    answer: " .. m.q.answer, width, "      ")
      lines[#lines + 1] = T.color("dim", T.wrap("      (" .. require("lib.cite").of(m.q) .. ")", width, "       "))
    end
  end
  return table.concat(lines, "\n")
end

local function md_cell(s)
  return (tostring(s):gsub("|", "\\|"):gsub("\n", " "))
end

function R.markdown(d, info)
  local out = { "# Classroom drill — " .. info.date, "",
    string.format("%d of %d questions asked (seed %d)%s. Rules: %s. Time: %s.", d.i, #d.questions, info.seed,
      d.ended_early and ", ended early" or "", d.rules.name, minutes(info.seconds or 0)), "",
    "## Standings", "", "| Rank | " .. (info.teams and "Team" or "Player") .. " | Points | Right | Answered | Accuracy |",
    "| ---: | --- | ---: | ---: | ---: | ---: |" }
  for _, s in ipairs(d:standings()) do
    out[#out + 1] = string.format("| %d | %s | %s | %d | %d | %s |", s.rank, md_cell(s.name), rules_lib.fmt(s.points),
      s.right, s.asked, pct(s.right, s.asked))
  end
  out[#out + 1] = ""
  out[#out + 1] = "## Most missed"
  out[#out + 1] = ""
  local missed = d:most_missed()
  if #missed == 0 then out[#out + 1] = "None: every question asked was answered right." end
  for _, m in ipairs(missed) do
    out[#out + 1] = string.format("- **Q%d** %s %s  ", m.n, missed_note(m), md_cell(m.q.prompt))
    out[#out + 1] = string.format("  Answer: %s. Source: %s", md_cell(m.q.answer), md_cell(m.q.source))
  end
  out[#out + 1] = ""
  out[#out + 1] = "## Every answer"
  out[#out + 1] = ""
  out[#out + 1] = "| Q | Who | Answer given | Verdict | Points | Seconds | Passed |"
  out[#out + 1] = "| ---: | --- | --- | --- | ---: | ---: | --- |"
  for _, rec in ipairs(d.answers) do
    out[#out + 1] = string.format("| %d | %s | %s | %s | %s | %.1f | %s |", rec.n, md_cell(d.players[rec.player].name),
      md_cell(rec.given), rec.verdict, rules_lib.fmt(rec.points), rec.seconds, rec.passed and "yes" or "no")
  end
  if #info.adjustments > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "## Points given or taken by the teacher"
    out[#out + 1] = ""
    for _, a in ipairs(info.adjustments) do
      out[#out + 1] = string.format("- %s: %s%s", md_cell(d.players[a.player].name), a.delta > 0 and "+" or "", rules_lib.fmt(a.delta))
    end
  end
  return table.concat(out, "\n") .. "\n"
end

local function csv_cell(s)
  s = tostring(s)
  if s:find('[,"\n\r]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end

local function csv_row(cells)
  local out = {}
  for i, c in ipairs(cells) do out[i] = csv_cell(c) end
  return table.concat(out, ",")
end

function R.csv(d, info)
  local out = { csv_row({ "record", "question", "question_id", "player", "given", "verdict", "points", "seconds",
                          "passed", "answer", "source" }) }
  for _, rec in ipairs(d.answers) do
    out[#out + 1] = csv_row({ "answer", rec.n, rec.q.id, d.players[rec.player].name, rec.given, rec.verdict,
      rules_lib.fmt(rec.points), string.format("%.1f", rec.seconds), rec.passed and "yes" or "no", rec.q.answer, rec.q.source })
  end
  for _, a in ipairs(info.adjustments) do
    out[#out + 1] = csv_row({ "adjust", "", "", d.players[a.player].name, "", "", rules_lib.fmt(a.delta), "", "", "", "" })
  end
  for _, s in ipairs(d:standings()) do
    out[#out + 1] = csv_row({ "total", "", "", s.name, "", string.format("%d/%d", s.right, s.asked),
      rules_lib.fmt(s.points), "", "", "", "" })
  end
  return table.concat(out, "\n") .. "\n"
end

-- The report for a file name, by its extension; nil and a message for another extension.
function R.for_file(path, d, info)
  if path:match("%.md$") then return R.markdown(d, info) end
  if path:match("%.csv$") then return R.csv(d, info) end
  return nil, "the report file must end in .md or .csv"
end

return R
