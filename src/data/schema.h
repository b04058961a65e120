/* schema.h: the shape of a dataset, as tables of field rules the validator walks. */
#ifndef HALQA_SCHEMA_H
#define HALQA_SCHEMA_H

typedef enum {
  F_STRING,   /* non-empty string */
  F_STRINGS,  /* list of non-empty strings */
  F_INT,
  F_NUMBER,
  F_BOOL,
  F_DATE,     /* { year=, month=, day=, part=, decade= } */
  F_CITES,    /* list of { "source id", "section" } */
  F_REF,      /* an id in one of the tables named by `refs` */
  F_REFS,     /* a list of such ids */
  F_ENUM,     /* one of `values` */
  F_RECORDS   /* a list of sub-records of shape `sub` */
} field_type;

struct record_spec;

typedef struct field_spec {
  const char *name;
  field_type type;
  int required;
  const char *refs;              /* F_REF, F_REFS: "parties" or "parties|organizations" */
  const char *const *values;     /* F_ENUM */
  const struct record_spec *sub; /* F_RECORDS */
} field_spec;

typedef struct record_spec {
  const char *what;              /* "party", "role": how messages name a record */
  const field_spec *fields;      /* ends with a NULL name */
  const char *one_of[3];         /* at most one of these fields may be set (NULL: no rule) */
} record_spec;

typedef struct table_spec {
  const char *table;             /* also the file name: data/<table>.lua */
  const record_spec *record;
} table_spec;

extern const table_spec hq_schema[]; /* in load order; ends with a NULL table */

const field_spec *hq_schema_field(const record_spec *rec, const char *name);
const char *hq_schema_type_name(const field_spec *f);

#endif
