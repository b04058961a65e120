/* schema.c: the dataset's schema — which fields each kind of record has, of which type. */
/* docs/dataset.md documents these field by field; change both together. */
#include <string.h>

#include "schema.h"

#define END {NULL, F_STRING, 0, NULL, NULL, NULL}
#define STR(n) {n, F_STRING, 0, NULL, NULL, NULL}
#define REQ_STR(n) {n, F_STRING, 1, NULL, NULL, NULL}
#define STRS(n) {n, F_STRINGS, 0, NULL, NULL, NULL}
#define DATE(n) {n, F_DATE, 0, NULL, NULL, NULL}
#define REF(n, t) {n, F_REF, 0, t, NULL, NULL}
#define REFS(n, t) {n, F_REFS, 0, t, NULL, NULL}
#define SOURCES {"sources", F_CITES, 1, NULL, NULL, NULL}
#define OPT_SOURCES {"sources", F_CITES, 0, NULL, NULL, NULL}
#define ID {"id", F_STRING, 1, NULL, NULL, NULL}

static const char *const party_status[] = {"active", "defunct", "unknown", NULL};
static const char *const org_kinds[] = {
  "student", "youth", "women", "union", "peasant", "writers", "front", "alliance",
  "international", "publication", "state", "party_body", "other", NULL
};
static const char *const event_kinds[] = {
  "founding", "merger", "split", "ban", "election", "arrest", "release", "killing", "repression",
  "leadership", "congress", "estimate", "publication", "alliance", "other", NULL
};

static const field_spec source_fields[] = {
  ID, REQ_STR("file"), REQ_STR("title"), {"sections", F_STRINGS, 1, NULL, NULL, NULL},
  STR("summary"), END
};
static const record_spec source_rec = {"source", source_fields, {NULL, NULL, NULL}};

static const field_spec election_fields[] = {
  REQ_STR("election"), {"year", F_INT, 1, NULL, NULL, NULL}, {"votes", F_INT, 0, NULL, NULL, NULL},
  {"percent", F_NUMBER, 0, NULL, NULL, NULL}, {"seats", F_INT, 0, NULL, NULL, NULL},
  STR("note"), OPT_SOURCES, END
};
static const record_spec election_rec = {"election", election_fields, {NULL, NULL, NULL}};

static const field_spec party_fields[] = {
  ID, REQ_STR("name"), STRS("aliases"), STR("abbr"), STR("native_name"), STR("native_lang"),
  DATE("founded"), STR("founded_place"), REFS("founders", "people"), DATE("dissolved"),
  {"status", F_ENUM, 0, NULL, party_status, NULL},
  STRS("ideology"), STR("position"), STR("country"), STRS("colours"), STR("colour_code"),
  STR("symbol"), STR("logo"), STR("flag"),
  REF("student_wing", "organizations"), REFS("national_affiliations", "organizations"),
  REFS("international_affiliations", "organizations"), REFS("publications", "organizations"),
  REFS("split_from", "parties"), REFS("merged_from", "parties"), REF("merged_into", "parties"),
  REF("became", "parties"), /* what it later turned into, under another name */
  {"registered", F_BOOL, 0, NULL, NULL, NULL},
  {"elections", F_RECORDS, 0, NULL, NULL, &election_rec},
  STR("summary"), STR("note"), SOURCES, END
};
static const record_spec party_rec = {"party", party_fields, {NULL, NULL, NULL}};

static const field_spec role_fields[] = {
  REQ_STR("title"), REF("party", "parties"), REF("organization", "organizations"),
  DATE("from"), DATE("to"), STR("note"), OPT_SOURCES, END
};
static const record_spec role_rec = {"role", role_fields, {"party", "organization", NULL}};

static const field_spec person_fields[] = {
  ID, REQ_STR("name"), STRS("aliases"), STR("title"),
  {"roles", F_RECORDS, 0, NULL, NULL, &role_rec},
  STR("summary"), STR("note"), SOURCES, END
};
static const record_spec person_rec = {"person", person_fields, {NULL, NULL, NULL}};

static const field_spec org_fields[] = {
  ID, REQ_STR("name"), STRS("aliases"), STR("abbr"),
  {"kind", F_ENUM, 1, NULL, org_kinds, NULL},
  REF("party", "parties"), STR("language"), STR("translation"), DATE("founded"),
  STR("summary"), STR("note"), SOURCES, END
};
static const record_spec org_rec = {"organization", org_fields, {NULL, NULL, NULL}};

static const field_spec figure_fields[] = {
  REQ_STR("label"), {"value", F_NUMBER, 1, NULL, NULL, NULL}, STR("unit"),
  {"approx", F_BOOL, 0, NULL, NULL, NULL}, END
};
static const record_spec figure_rec = {"figure", figure_fields, {NULL, NULL, NULL}};

static const field_spec claim_fields[] = {REQ_STR("text"), SOURCES, END};
static const record_spec claim_rec = {"claim", claim_fields, {NULL, NULL, NULL}};

static const field_spec event_fields[] = {
  ID, REQ_STR("title"), {"date", F_DATE, 1, NULL, NULL, NULL},
  {"kind", F_ENUM, 1, NULL, event_kinds, NULL}, REQ_STR("summary"),
  REFS("parties", "parties"), REFS("people", "people"), REFS("organizations", "organizations"),
  STRS("places"), REFS("from", "parties|organizations"), REF("formed", "parties|organizations"),
  {"figures", F_RECORDS, 0, NULL, NULL, &figure_rec},
  {"claims", F_RECORDS, 0, NULL, NULL, &claim_rec},
  /* links the record itself calls doubtful or outside the seeds: kept, but never asked */
  REFS("doubtful", "people|organizations|parties"),
  STR("note"), SOURCES, END
};
static const record_spec event_rec = {"event", event_fields, {NULL, NULL, NULL}};

const table_spec hq_schema[] = {
  {"sources", &source_rec},
  {"parties", &party_rec},
  {"people", &person_rec},
  {"organizations", &org_rec},
  {"events", &event_rec},
  {NULL, NULL}
};

const field_spec *hq_schema_field(const record_spec *rec, const char *name) {
  for (const field_spec *f = rec->fields; f->name; f++)
    if (strcmp(f->name, name) == 0) return f;
  return NULL;
}

const char *hq_schema_type_name(const field_spec *f) {
  static const char *const names[] = {
    "a string", "a list of strings", "an integer", "a number", "a boolean", "a date table",
    "a list of citations", "an id", "a list of ids", "one of the allowed values",
    "a list of records"
  };
  return names[f->type];
}
