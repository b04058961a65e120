/* bindings.h: the Lua bindings of the engines and helper libraries, each opened into `halqa`. */
/*
** As lualib.h lists Lua's library openers, this lists halqa's: each sets its functions into the
** table at index api (the `halqa` table being built). They use the engines (grade, fsrs, store)
** and Lua, never the host: what a binding needs from the host is passed in when it is opened.
*/
#ifndef HALQA_BINDINGS_H
#define HALQA_BINDINGS_H

#include <lua.h>

#include "store.h"

void hq_open_grade(lua_State *L, int api);  /* halqa.grade, halqa.format_date, halqa.normalize */
/* halqa.random; frozen as for hq_open_json (lists are read through read-only proxies, raw) */
void hq_open_random(lua_State *L, int api, int frozen);
void hq_open_width(lua_State *L, int api);  /* halqa.width */
void hq_open_save(lua_State *L, int api);   /* halqa.save, halqa.can_save */
/* Registry key of the set (path -> true) of words the user typed in the current command: the
** paths halqa.save may write outside the current folder. The host sets it before each run. */
#define HQ_REG_USER_PATHS "halqa.userpaths"
/* halqa.save_generator, writing into generators/ of user_scripts_dir (NULL: there is none) */
void hq_open_save_generator(lua_State *L, int api, const char *user_scripts_dir);
/* Pushes a zeroed userdata of size bytes whose metatable tname has __gc = gc, and returns it:
** where a binding keeps what it must free if Lua raises midway (lua_shared.c). */
void *hq_new_box(lua_State *L, size_t size, const char *tname, lua_CFunction gc);
/* Sets fn as field name of the table at index api. */
void hq_set_function(lua_State *L, int api, const char *name, lua_CFunction fn);

void hq_open_read(lua_State *L, int api);          /* halqa.read_import */
void hq_open_zip(lua_State *L, int api);          /* halqa.zip (nil without libzip) */
void hq_open_xlsx(lua_State *L, int api);         /* halqa.xlsx (nil without libxlsxwriter) */
void hq_open_sqlite_image(lua_State *L, int api); /* halqa.sqlite_image */

/* halqa.json; frozen is the index of a weak table proxy -> real table, so read-only tables
** are encoded through (the host's freeze.c keeps it). */
void hq_open_json(lua_State *L, int api, int frozen);
/* Pushes JSON text as Lua values (objects and arrays as tables, null as nil), or the text itself
** when it is not JSON: what the classroom's messages and the store's settings are read with. */
void hq_push_json_text(lua_State *L, const char *text);

/* Pushes a new table {review, retrievability, configure, parameters} (halqa.fsrs) and returns 1.
** Each call makes its own parameter set (FSRS-6 defaults), kept in a userdata shared as an
** upvalue by the four closures, so separate states (or separate calls) never share parameters. */
int hq_open_fsrs(lua_State *L);
/* Reads the configure{} table at arg 1 into p (fields left out keep p's values); raises a
** "bad argument #1" naming the field on any error. Shared by halqa.fsrs and halqa.store. */
void hq_fsrs_read_config(lua_State *L, fsrs_params *p);
/* Pushes p as the table configure takes (halqa.fsrs.parameters, halqa.store.parameters). */
void hq_push_fsrs_params(lua_State *L, const fsrs_params *p);
/* Pushes one rating's outcome: {stability, difficulty, interval, minutes, phase, step,
** retrievability}. */
void hq_push_fsrs_outcome(lua_State *L, const fsrs_outcome *o);

/* Opens the progress store on first use; the caller keeps what it returns open after lua_close. */
typedef store *hq_store_opener(void *ud);

/* halqa.store over s: mode, path, today, begin_session, end_session, record_answer, sync_cards,
** due, new_cards, card, review, undo, make_due, history, stats (docs/store.md). Scripts get no
** SQL. The host keeps s open until after lua_close(L). */
void hq_open_store(lua_State *L, int api, store *s);
/* The same, with the store opened by open(ud) the first time a function of halqa.store needs it
** (NULL from open: "no progress store is open"). */
void hq_open_store_lazy(lua_State *L, int api, hq_store_opener *open, void *ud);

/* halqa.classroom: the networked classroom's server, client and QR codes (lua_classroom.c);
** web_dir is the phone page's folder (share/halqa/web), or NULL when it was not found. */
void hq_open_classroom(lua_State *L, int api, const char *web_dir);

#endif
