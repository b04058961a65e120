// read_gift.js FILE.gift BANK.json: reads a GIFT export with gift-pegjs (an independent GIFT
// parser) and checks it against halqa's own JSON of the same bank: the count, each question's
// kind, answers and citation. Prints "N passed, N failed" like the Lua suites; exits 1 on a failure.
const fs = require("fs");
const gift = require("gift-pegjs");
const [file, bankFile] = process.argv.slice(2);
const bank = JSON.parse(fs.readFileSync(bankFile, "utf8"));
const parsed = gift.parse(fs.readFileSync(file, "utf8"));
let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++; else { failed++; console.log("FAIL: " + what); }
}
const expected = bank.filter((q) => q.kind !== "order");
check(parsed.length === expected.length, `questions: ${parsed.length}, wanted ${expected.length}`);
const TYPES = { short: "Short", cloze: "Short", choice: "MC", multi: "MC", truefalse: "TF", match: "Matching", number: "Numerical" };
const byTitle = new Map(parsed.map((q) => [q.title, q]));
for (const q of expected) {
  const p = byTitle.get(q.id);
  if (!p) { check(false, `${q.id}: missing`); continue; }
  const type = q.kind === "date" ? (q.date.month ? "Short" : "Numerical") : TYPES[q.kind];
  check(p.type === type, `${q.id}: type ${p.type}, wanted ${type}`);
  check(p.stem.text === q.prompt, `${q.id}: text ${p.stem.text}`);
  check(p.globalFeedback && p.globalFeedback.text.endsWith("Source: " + q.source), `${q.id}: citation`);
  if (p.type === "Short") {
    const texts = p.choices.map((c) => c.text.text);
    check(texts[0] === q.answer, `${q.id}: answer ${texts[0]}, wanted ${q.answer}`);
    for (const a of q.accepted) check(texts.includes(a), `${q.id}: accepted form ${a} missing`);
  } else if (p.type === "MC") {
    const right = p.choices.map((c, i) => (q.kind === "multi" ? c.weight > 0 : c.isCorrect) ? i + 1 : 0).filter((i) => i);
    check(JSON.stringify(right) === JSON.stringify(q.correct), `${q.id}: right choices ${right}, wanted ${q.correct}`);
    if (q.kind === "multi") {
      const sum = p.choices.filter((c) => c.weight > 0).reduce((s, c) => s + c.weight, 0);
      check(Math.abs(sum - 100) < 0.01, `${q.id}: weights of the right choices sum to ${sum}`);
    }
    p.choices.forEach((c, i) => check(c.text.text === q.choices[i], `${q.id}: choice ${i + 1}`));
  } else if (p.type === "TF") {
    check(p.isTrue === (q.answer === "true"), `${q.id}: truth`);
  } else if (p.type === "Matching") {
    p.matchPairs.forEach((m, i) => {
      check(m.subquestion.text === q.left[i] && m.subanswer === q.choices[q.correct[i] - 1], `${q.id}: pair ${i + 1}`);
    });
  } else if (p.type === "Numerical") {
    // a number exactly, or within 10% when approximate; a year, or the span of a decade
    const c = p.choices;
    if (q.kind === "number") {
      check(c.number === q.number && Math.abs(c.range - (q.approx ? Math.abs(q.number) * 0.1 : 0)) < 1e-9, `${q.id}: ${JSON.stringify(c)}`);
    } else {
      const lo = q.date.decade !== undefined ? q.date.decade : q.date.year;
      check(c.number - c.range >= lo && c.number + c.range <= lo + (q.date.decade !== undefined ? 9 : 0), `${q.id}: ${JSON.stringify(c)}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
