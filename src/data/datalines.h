/* datalines.h: source lines of fields in data files, for error messages. */
#ifndef HALQA_DATALINES_H
#define HALQA_DATALINES_H

#include <stddef.h>

/* One step of a path into nested tables: a string key, or (key NULL) a 1-based list index. */
typedef struct hq_path_elem {
  const char *key;
  long index;
} hq_path_elem;

/* The line in src (a data file's text, `return { ... }`) of the field at path; for a path that
** does not exist, the line of its deepest existing part; 0 if the text has no table at all. */
int hq_data_line(const char *src, size_t len, const hq_path_elem *path, int depth);

/* The same inside one record: its text starts at offset (on line), path is relative to it. */
int hq_data_line_at(const char *src, size_t len, size_t offset, int line, const hq_path_elem *path, int depth);

/* Where each positional element of the file's top-level list starts: offsets and lines, arrays
** of the count returned (malloc'ed, the caller frees them; NULL when 0). */
long hq_data_records(const char *src, size_t len, size_t **offsets, int **lines);

#endif
