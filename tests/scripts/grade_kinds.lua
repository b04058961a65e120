-- tests/scripts/grade_kinds.lua: halqa.grade through its Lua binding, a table of cases per question
-- kind, including Urdu and garbage answers (grade_*.c's own rules are pinned in unit/test_grade_*.c).

local t = require("lib.testing").new()

local cases = {
  -- { question, answer, verdict }
  { { kind = "short", answer = "Communist Party of Pakistan", accepted = { "CPP" } }, "communist party of pakistan", "correct" },
  { { kind = "short", answer = "Communist Party of Pakistan", accepted = { "CPP" } }, "the CPP", "correct" },
  { { kind = "short", answer = "Communist Mazdoor Kissan Party", accepted = { "Communist Mazdoor Kisan Party" } }, "Communist Mazdoor Kisan Party", "correct" },
  { { kind = "short", answer = "Sajjad Zaheer", person = true }, "Sajad Zaheer", "correct" },
  { { kind = "short", answer = "Sajjad Zaheer", person = true }, "Zaheer", "near" },
  { { kind = "short", answer = "Sajjad Zaheer", person = true }, "Imdad Qazi", "wrong" },
  { { kind = "short", answer = "Calcutta", accepted = { "Kolkata" } }, "Kolkata", "correct" },
  { { kind = "short", answer = "کمیونسٹ مزدور کسان پارٹی" }, "کمیونسٹ مزدور کسان پارٹی", "correct" },
  { { kind = "short", answer = "Communist Party of Pakistan" }, "کمیونسٹ", "wrong" },
  { { kind = "short", answer = "Communist Party of Pakistan" }, "", "wrong" },
  { { kind = "short", answer = "Communist Party of Pakistan" }, "\255\254garbage\0", "wrong" },
  { { kind = "short", answer = "Communist Party of Pakistan" }, ("x"):rep(5000), "wrong" },
  { { kind = "cloze", answer = "Democratic Students Federation", accepted = { "DSF" } }, "dsf", "correct" },
  { { kind = "choice", choices = { "1948", "1951", "1954", "1957" }, correct = { 1 } }, "a", "correct" },
  { { kind = "choice", choices = { "1948", "1951", "1954", "1957" }, correct = { 1 } }, "A", "correct" },
  { { kind = "choice", choices = { "1948", "1951", "1954", "1957" }, correct = { 1 } }, "1948", "correct" },
  { { kind = "choice", choices = { "1948", "1951", "1954", "1957" }, correct = { 1 } }, "b", "wrong" },
  { { kind = "choice", choices = { "1948", "1951", "1954", "1957" }, correct = { 1 } }, "zz", "unclear" },
  { { kind = "choice", choices = { "1948", "1951", "1954", "1957" }, correct = { 1 } }, "e", "unclear" },
  { { kind = "choice", choices = { "1948", "1951", "1954", "1957" }, correct = { 1 } }, "", "wrong" },
  { { kind = "multi", choices = { "CPP", "MKP", "NAP", "APP" }, correct = { 1, 2 } }, "a b", "correct" },
  { { kind = "multi", choices = { "CPP", "MKP", "NAP", "APP" }, correct = { 1, 2 } }, "a", "near" },
  { { kind = "multi", choices = { "CPP", "MKP", "NAP", "APP" }, correct = { 1, 2 } }, "c d", "wrong" },
  { { kind = "multi", choices = { "CPP", "MKP", "NAP", "APP" }, correct = { 1, 2 } }, "CPP and who", "unclear" },
  { { kind = "truefalse", answer = "true" }, "true", "correct" },
  { { kind = "truefalse", answer = "true" }, "T", "correct" },
  { { kind = "truefalse", answer = "false" }, "yes", "wrong" },
  { { kind = "truefalse", answer = "false" }, "maybe", "unclear" },
  { { kind = "truefalse", answer = "false" }, "xyz", "unclear" },
  { { kind = "truefalse", answer = "true" }, "ture", "correct" },
  { { kind = "truefalse", answer = "false" }, "flase", "correct" },
  { { kind = "truefalse", answer = "false" }, "ture", "wrong" },
  { { kind = "truefalse", answer = "true" }, "", "wrong" },
  { { kind = "order", choices = { "b", "a", "c" }, correct = { 2, 1, 3 } }, "b a c", "correct" },
  { { kind = "order", choices = { "b", "a", "c" }, correct = { 2, 1, 3 } }, "a b c", "near" },
  { { kind = "match", left = { "x", "y", "z" }, choices = { "p", "q", "r" }, correct = { 2, 1, 3 } }, "1b 2a 3c", "correct" },
  { { kind = "match", left = { "x", "y", "z" }, choices = { "p", "q", "r" }, correct = { 2, 1, 3 } }, "b a c", "correct" },
  { { kind = "match", left = { "x", "y", "z" }, choices = { "p", "q", "r" }, correct = { 2, 1, 3 } }, "b c a", "near" },
  { { kind = "match", left = { "x", "y", "z" }, choices = { "p", "q", "r" }, correct = { 2, 1, 3 } }, "1 2 3", "unclear" },
  { { kind = "order", choices = { "b", "a", "c" }, correct = { 2, 1, 3 } }, "first b", "unclear" },
  { { kind = "date", date = { year = 1948, month = 3, day = 6 } }, "6 March 1948", "correct" },
  { { kind = "date", date = { year = 1948, month = 3, day = 6 } }, "March 6, 1948", "correct" },
  { { kind = "date", date = { year = 1948, month = 3, day = 6 } }, "1948-03-06", "correct" },
  { { kind = "date", date = { year = 1948, month = 3, day = 6 } }, "1948", "near" },
  { { kind = "date", date = { year = 1948, month = 3, day = 6 } }, "6/3/1948", "unclear" },
  { { kind = "date", date = { year = 1948, month = 3, day = 6 } }, "1949", "wrong" },
  { { kind = "date", date = { year = 1951 } }, "1951", "correct" },
  { { kind = "date", date = { year = 2009, part = "late" } }, "2009", "correct" },
  { { kind = "date", date = { year = 1965, decade = 1960, part = "mid" } }, "mid-1960s", "correct" },
  { { kind = "number", number = 3000, approx = true }, "3,000", "correct" },
  { { kind = "number", number = 3000, approx = true }, "about 3100", "correct" },
  { { kind = "number", number = 191 }, "191", "correct" },
  { { kind = "number", number = 191 }, "190", "wrong" },
  { { kind = "number", number = 191 }, "lots", "unclear" },
  { { kind = "number", number = 1995 }, "true", "unclear" },
  { { kind = "date", date = { year = 1948 } }, "hello", "unclear" },
}

for i, c in ipairs(cases) do
  local q, answer, want = c[1], c[2], c[3]
  local ok, r = pcall(halqa.grade, q, answer)
  t:check(ok, "case " .. i .. " (" .. q.kind .. ") does not raise: " .. tostring(r))
  if ok then
    t:equal(r.verdict, want, "case " .. i .. " (" .. q.kind .. ", answer '" .. answer:sub(1, 30) .. "')")
    t:check(type(r.feedback) == "string" and r.score >= 0 and r.score <= 1, "case " .. i .. " has feedback and a score in 0..1")
    t:equal(r.correct, want == "correct", "case " .. i .. " correct flag")
  end
end

-- A malformed question is an error that says what is wrong; an unknown kind too.
t:check(not pcall(halqa.grade, { kind = "riddle" }, "x"), "an unknown kind raises")
local ok, err = pcall(halqa.grade, { kind = "choice", choices = { "a", "b" }, correct = { 5 } }, "a")
t:check(not ok and tostring(err):find("choice 5 of 2", 1, true) ~= nil, "a correct index out of range is named")
t:done()
