/* test_check.c: every dataset validation rule, one malformed fixture each, with its message. */
/*
** Each case copies tests/fixtures/data-min (a valid dataset) to a temporary folder, replaces one
** file with the case's text, runs `halqa check`'s validator and expects "file:line: message".
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "host.h"

typedef struct check_case {
  const char *name;
  const char *file;     /* which data file to replace; NULL: remove `expect`'s file */
  const char *text;
  const char *expect;   /* must appear in the output, e.g. "parties.lua:4: ... " */
  const char *expect2;  /* a second problem that must also be reported, or NULL */
} check_case;

#define PARTY_HEAD "return {\n  {\n    id = \"CPP\",\n    name = \"Communist Party of Pakistan\",\n"
#define PARTY_TAIL "    sources = { { \"doc\", \"History\" } },\n  },\n}\n"
#define EVENT(date) "return {\n  { id = \"e1\", title = \"t\", kind = \"founding\", summary = \"s\",\n" \
                    "    date = " date ",\n    sources = { { \"doc\", \"History\" } } },\n}\n"

static const check_case cases[] = {
  {"a syntax error is reported at its line", "parties.lua",
   "return {\n  { id = \"CPP\",\n    name = = \"x\" },\n}\n", "parties.lua:3: unexpected symbol", NULL},
  {"a data file cannot call anything", "parties.lua",
   "return {\n  { id = \"CPP\", name = print(\"hi\") },\n}\n", "parties.lua:2: attempt to call a nil value", NULL},
  {"a data file cannot call string methods", "parties.lua",
   "return {\n  { id = \"CPP\", name = (\"x\"):rep(3) },\n}\n", "parties.lua:2: attempt to index a string value", NULL},
  {"binary chunks are refused in data files", "parties.lua",
   "\x1bLuaT", "parties.lua:1: attempt to load a binary chunk", NULL},
  {"a data file returns a list", "parties.lua",
   "return { CPP = { name = \"x\" } }\n", "parties.lua:1: a data file returns a list of records", NULL},
  {"a record must be a table", "parties.lua",
   "return {\n  \"CPP\",\n}\n", "parties.lua:2: record 1 must be a table", NULL},
  {"a record needs an id", "parties.lua",
   "return {\n  { name = \"x\", sources = { { \"doc\", \"History\" } } },\n}\n", "parties.lua:2: record 1 has no id", NULL},
  {"an id must be a name", "parties.lua",
   "return {\n  {\n    id = \"C P P\",\n  },\n}\n", "parties.lua:3: id 'C P P' is not a name", NULL},
  {"duplicate ids are refused within a table", "parties.lua",
   "return {\n  { id = \"CPP\", name = \"a\", sources = { { \"doc\", \"History\" } } },\n"
   "  { id = \"CMKP\", name = \"b\", sources = { { \"doc\", \"History\" } } },\n"
   "  { id = \"CPP\", name = \"c\", sources = { { \"doc\", \"History\" } } },\n}\n",
   "parties.lua:4: duplicate id 'CPP' (already used in parties)", NULL},
  {"duplicate ids are refused across tables", "organizations.lua",
   "return {\n  { id = \"CPP\", name = \"x\", kind = \"student\", sources = { { \"doc\", \"History\" } } },\n"
   "  { id = \"DSF\", name = \"Democratic Students Federation\", kind = \"student\",\n"
   "    sources = { { \"doc\", \"History\" } } },\n}\n",
   "organizations.lua:2: duplicate id 'CPP' (already used in parties)", NULL},
  {"an unknown field is reported at its own line", "parties.lua",
   PARTY_HEAD "    foundr = \"x\",\n" PARTY_TAIL, "parties.lua:5: party 'CPP': foundr: unknown field 'foundr' in a party", NULL},
  {"a missing required field is reported", "parties.lua",
   "return {\n  { id = \"CPP\", sources = { { \"doc\", \"History\" } } },\n}\n",
   "parties.lua:2: party 'CPP': missing field 'name'", NULL},
  {"a record without a source is reported", "parties.lua",
   "return {\n  { id = \"CPP\", name = \"x\" },\n}\n", "party 'CPP': missing field 'sources'", NULL},
  {"an empty source list is reported", "parties.lua",
   PARTY_HEAD "    founders = {},\n    sources = {},\n  },\n}\n", "parties.lua:6: party 'CPP': sources: must not be empty", NULL},
  {"a string field must be a string", "parties.lua",
   PARTY_HEAD "    position = 3,\n" PARTY_TAIL, "parties.lua:5: party 'CPP': position: must be a non-empty string, got number", NULL},
  {"a boolean field must be a boolean", "parties.lua",
   PARTY_HEAD "    registered = \"no\",\n" PARTY_TAIL, "parties.lua:5: party 'CPP': registered: must be true or false", NULL},
  {"an integer field must be an integer", "parties.lua",
   PARTY_HEAD "    elections = { { election = \"x\", year = 2013.5 } },\n" PARTY_TAIL,
   "parties.lua:5: party 'CPP': elections[1].year: must be an integer", NULL},
  {"a list field must be a list", "parties.lua",
   PARTY_HEAD "    ideology = \"Communism\",\n" PARTY_TAIL, "parties.lua:5: party 'CPP': ideology: must be a list of strings", NULL},
  {"an enum field takes only its values", "parties.lua",
   PARTY_HEAD "    status = \"asleep\",\n" PARTY_TAIL, "parties.lua:5: party 'CPP': status: must be one of: active, defunct, unknown", NULL},
  {"a reference must name an existing id", "parties.lua",
   PARTY_HEAD "    founders = { \"zaheer\", \"nobody\" },\n" PARTY_TAIL,
   "parties.lua:5: party 'CPP': founders[2]: no record with id 'nobody' in people", NULL},
  {"a reference must point into the right table", "parties.lua",
   PARTY_HEAD "    founders = { \"DSF\" },\n" PARTY_TAIL, "founders[1]: 'DSF' is in organizations, not in people", NULL},
  {"a citation names a known source", "parties.lua",
   PARTY_HEAD "    sources = { { \"nodoc\", \"History\" } },\n  },\n}\n", "parties.lua:5: party 'CPP': sources[1]: unknown source 'nodoc'", NULL},
  {"a citation names a section of its source", "parties.lua",
   PARTY_HEAD "    sources = { { \"doc\", \"1960s\" } },\n  },\n}\n", "source 'doc' has no section \"1960s\"", NULL},
  {"a citation is a pair", "parties.lua",
   PARTY_HEAD "    sources = { \"doc\" },\n  },\n}\n", "sources[1]: a citation is", NULL},
  {"a role names a party or an organization, not both", "people.lua",
   "return {\n  { id = \"zaheer\", name = \"Sajjad Zaheer\", sources = { { \"doc\", \"History\" } },\n"
   "    roles = { { title = \"x\", party = \"CPP\", organization = \"DSF\" } } },\n}\n",
   "person 'zaheer': roles[1]: a role names at most one of 'party' and 'organization'", NULL},
  {"a sub-record's unknown field is found at its line", "people.lua",
   "return {\n  { id = \"zaheer\", name = \"Sajjad Zaheer\", sources = { { \"doc\", \"History\" } },\n"
   "    roles = {\n      { title = \"x\",\n        party = \"CPP\",\n        rank = 1 },\n    } },\n}\n",
   "people.lua:6: person 'zaheer': roles[1].rank: unknown field 'rank' in a role", NULL},
  {"a month must be 1-12", "events.lua", EVENT("{ year = 1948, month = 13 }"), "events.lua:3: event 'e1': date: bad date: month 13 is not 1-12", NULL},
  {"a day must exist in its month", "events.lua", EVENT("{ year = 1950, month = 2, day = 29 }"), "day 29 does not exist in month 2 of 1950", NULL},
  {"29 February exists in leap years", "events.lua", EVENT("{ year = 1948, month = 2, day = 30 }"), "day 30 does not exist in month 2 of 1948", NULL},
  {"a day needs a month", "events.lua", EVENT("{ year = 1948, day = 6 }"), "a date with a day needs a month", NULL},
  {"a date needs a year", "events.lua", EVENT("{ month = 3 }"), "a date needs a year", NULL},
  {"a date has only date fields", "events.lua", EVENT("{ year = 1948, season = \"spring\" }"), "unknown date field 'season'", NULL},
  {"a part of a year is early, mid or late", "events.lua", EVENT("{ year = 2009, part = \"autumn\" }"), "part must be \"early\", \"mid\" or \"late\"", NULL},
  {"a vague date cannot have a month", "events.lua", EVENT("{ year = 2009, part = \"late\", month = 11 }"), "a vague date (part or decade) cannot also have a month or day", NULL},
  {"a decade must contain its year", "events.lua", EVENT("{ year = 1975, decade = 1960, part = \"mid\" }"), "decade 1960 must be a multiple of 10 containing year 1975", NULL},
  {"a year must be plausible", "events.lua", EVENT("{ year = 19480 }"), "year 19480 is out of range", NULL},
  {"inferred is a boolean", "events.lua", EVENT("{ year = 1960, inferred = \"yes\" }"), "inferred must be true or false", NULL},
  {"a date must be a table", "events.lua", EVENT("\"1948\""), "bad date: must be a date table", NULL},
  {"a missing data file is reported", "organizations.lua", NULL, "organizations.lua: cannot read the organizations file", NULL},
  {"every problem is reported, not just the first", "parties.lua",
   PARTY_HEAD "    foundr = \"x\",\n    position = 3,\n" PARTY_TAIL,
   "parties.lua:5: party 'CPP': foundr: unknown field", "parties.lua:6: party 'CPP': position: must be"},
};

static char *run_check(const check_case *c, int *status) {
  char dir[] = "/tmp/halqa-check-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char cmd[8192];
  snprintf(cmd, sizeof cmd, "cp %s/tests/fixtures/data-min/*.lua %s/", HALQA_SOURCE_DIR, dir);
  assert_int_equal(system(cmd), 0);
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, c->file);
  if (c->text) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(c->text, f);
    fclose(f);
  } else {
    assert_int_equal(unlink(path), 0);
  }
  char *buf = NULL;
  size_t len = 0;
  FILE *err = open_memstream(&buf, &len);
  FILE *out = fopen("/dev/null", "w");
  *status = hq_check(dir, out, err);
  fclose(err);
  fclose(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  assert_int_equal(system(cmd), 0);
  return buf;
}

static void run_case(void **state) {
  const check_case *c = *state;
  int status;
  char *msgs = run_check(c, &status);
  if (!strstr(msgs, c->expect) || (c->expect2 && !strstr(msgs, c->expect2)))
    print_error("expected \"%s\"%s%s in:\n%s\n", c->expect, c->expect2 ? " and " : "", c->expect2 ? c->expect2 : "", msgs);
  assert_non_null(strstr(msgs, c->expect));
  if (c->expect2) assert_non_null(strstr(msgs, c->expect2));
  assert_int_equal(status, 1);
  free(msgs);
}

static void the_fixture_dataset_is_valid(void **state) {
  (void)state;
  FILE *out = fopen("/dev/null", "w");
  assert_int_equal(hq_check(HALQA_SOURCE_DIR "/tests/fixtures/data-min", out, stderr), 0);
  fclose(out);
}

static void the_bundled_dataset_is_valid(void **state) {
  (void)state;
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  assert_int_equal(hq_check(HALQA_SOURCE_DIR "/data", out, stderr), 0);
  fclose(out);
  assert_non_null(strstr(buf, "no problems"));
  free(buf);
}

int main(void) {
  enum { N = sizeof cases / sizeof cases[0] };
  struct CMUnitTest tests[N + 2];
  tests[0] = (struct CMUnitTest)cmocka_unit_test(the_fixture_dataset_is_valid);
  tests[1] = (struct CMUnitTest)cmocka_unit_test(the_bundled_dataset_is_valid);
  for (size_t i = 0; i < N; i++)
    tests[i + 2] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
  return cmocka_run_group_tests_name("dataset validation", tests, NULL, NULL);
}
