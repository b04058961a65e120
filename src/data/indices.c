/* indices.c: derived indices over the dataset, built once at load for every script to share. */
/*
** halqa.index holds what generators would otherwise recompute by scanning the whole dataset:
**   events_by_date      event ids, oldest first (ties keep the file's order)
**   events_by_year      year -> event ids in date order
**   events_by_kind      kind -> event ids in date order
**   events_of           any party, person or organization id -> the events that name it, in order
**   people_by_party     party id -> ids of people with a role in it (file order, no repeats)
**   roles_by_party      party id -> { person=, title=, from=, to= } for every such role
**   organizations_by_kind  kind -> organization ids
**   table_of            id -> the table that holds it ("parties", "people", ...)
*/
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "dataset.h"

typedef struct dated {
  long key;
  long order; /* the record's place in the file, 0-based */
} dated;

static int by_date(const void *a, const void *b) {
  const dated *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Appends the string at the stack top to list t[key] (t at idx), creating it, unless it is
** already the list's last element (an event naming a party twice is listed once); pops it. */
static void append(lua_State *L, int idx, int keyidx) {
  lua_pushvalue(L, keyidx);
  if (lua_rawget(L, idx) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, keyidx);
    lua_pushvalue(L, -2);
    lua_rawset(L, idx);
  }
  lua_insert(L, -2);                                   /* list value */
  lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
  lua_rawgeti(L, -2, n);
  int repeat = n > 0 && lua_rawequal(L, -1, -2);
  lua_pop(L, 1);
  if (repeat) lua_pop(L, 1);
  else lua_rawseti(L, -2, n + 1);
  lua_pop(L, 1);
}

/* For each id in list field `field` of the record at rec, appends the event id at ev to
** events_of. */
static void note_refs(lua_State *L, int rec, const char *field, int events_of, int ev) {
  lua_getfield(L, rec, field);
  if (lua_type(L, -1) == LUA_TSTRING) {
    lua_pushvalue(L, ev);
    append(L, events_of, lua_gettop(L) - 1);
  } else if (lua_type(L, -1) == LUA_TTABLE) {
    for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TSTRING; i++) {
      lua_pushvalue(L, ev);
      append(L, events_of, lua_gettop(L) - 1);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static void index_events(lua_State *L, int lists, int out) {
  lua_getfield(L, lists, "events");
  int list = lua_gettop(L);
  long n = (long)lua_rawlen(L, list);
  dated *ev = lua_newuserdatauv(L, sizeof(dated) * (size_t)(n ? n : 1), 0);
  for (long i = 0; i < n; i++) {
    lua_rawgeti(L, list, i + 1);
    lua_getfield(L, -1, "date");
    ev[i].key = hq_date_key(L, -1);
    ev[i].order = i;
    lua_pop(L, 2);
  }
  qsort(ev, (size_t)n, sizeof *ev, by_date);
  lua_newtable(L);
  int by_date_t = lua_gettop(L);
  lua_newtable(L);
  int by_year = lua_gettop(L);
  lua_newtable(L);
  int by_kind = lua_gettop(L);
  lua_newtable(L);
  int events_of = lua_gettop(L);
  for (long i = 0; i < n; i++) {
    lua_rawgeti(L, list, ev[i].order + 1); /* the record, read in date order */
    int rec = lua_gettop(L);
    lua_getfield(L, rec, "id");
    int id = lua_gettop(L);
    lua_pushvalue(L, id);
    lua_rawseti(L, by_date_t, i + 1);
    lua_getfield(L, rec, "date");
    lua_getfield(L, -1, "year");
    lua_pushvalue(L, id);
    append(L, by_year, lua_gettop(L) - 1);
    lua_pop(L, 2);
    lua_getfield(L, rec, "kind");
    lua_pushvalue(L, id);
    append(L, by_kind, lua_gettop(L) - 1);
    lua_pop(L, 1);
    static const char *const refs[] = {"parties", "people", "organizations", "from", "formed", NULL};
    for (const char *const *f = refs; *f; f++) note_refs(L, rec, *f, events_of, id);
    lua_pop(L, 2);
  }
  lua_setfield(L, out, "events_of");
  lua_setfield(L, out, "events_by_kind");
  lua_setfield(L, out, "events_by_year");
  lua_setfield(L, out, "events_by_date");
  lua_pop(L, 2); /* ev, list */
}

static void index_people(lua_State *L, int lists, int out) {
  lua_newtable(L);
  int by_party = lua_gettop(L);
  lua_newtable(L);
  int roles_by_party = lua_gettop(L);
  lua_newtable(L);
  int seen = lua_gettop(L); /* "party person" pairs already listed */
  lua_getfield(L, lists, "people");
  int list = lua_gettop(L);
  for (lua_Integer i = 1; lua_rawgeti(L, list, i) == LUA_TTABLE; i++) {
    int person = lua_gettop(L);
    lua_getfield(L, person, "roles");
    for (lua_Integer r = 1; lua_type(L, -1) == LUA_TTABLE && lua_rawgeti(L, -1, r) == LUA_TTABLE; r++) {
      int role = lua_gettop(L);
      if (lua_getfield(L, role, "party") == LUA_TSTRING) {
        int party = lua_gettop(L);
        lua_createtable(L, 0, 4);
        lua_getfield(L, person, "id");
        lua_setfield(L, -2, "person");
        static const char *const copy[] = {"title", "from", "to", NULL};
        for (const char *const *f = copy; *f; f++) {
          lua_getfield(L, role, *f);
          lua_setfield(L, -2, *f);
        }
        append(L, roles_by_party, party);
        lua_getfield(L, person, "id");
        lua_pushfstring(L, "%s %s", lua_tostring(L, party), lua_tostring(L, -1));
        if (lua_rawget(L, seen) == LUA_TNIL) {
          lua_pop(L, 1);
          lua_pushfstring(L, "%s %s", lua_tostring(L, party), lua_tostring(L, -1));
          lua_pushboolean(L, 1);
          lua_rawset(L, seen);
          append(L, by_party, party);
        } else {
          lua_pop(L, 2);
        }
      }
      lua_settop(L, role - 1);
    }
    lua_settop(L, person - 1);
  }
  lua_settop(L, seen - 1);
  lua_setfield(L, out, "roles_by_party");
  lua_setfield(L, out, "people_by_party");
}

static void index_tables(lua_State *L, int lists, int out) {
  lua_newtable(L);
  int table_of = lua_gettop(L);
  lua_newtable(L);
  int org_kind = lua_gettop(L);
  static const char *const names[] = {"sources", "parties", "people", "organizations", "events", NULL};
  for (const char *const *t = names; *t; t++) {
    lua_getfield(L, lists, *t);
    for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
      lua_getfield(L, -1, "id");
      lua_pushstring(L, *t);
      lua_rawset(L, table_of);
      if (strcmp(*t, "organizations") == 0) {
        lua_getfield(L, -1, "kind");
        lua_getfield(L, -2, "id");
        append(L, org_kind, lua_gettop(L) - 1);
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 2);
  }
  lua_setfield(L, out, "organizations_by_kind");
  lua_setfield(L, out, "table_of");
}

void hq_push_indices(lua_State *L, int dataset) {
  dataset = lua_absindex(L, dataset);
  lua_checkstack(L, 40);
  lua_newtable(L);
  int out = lua_gettop(L);
  lua_getfield(L, dataset, "_lists");
  int lists = lua_gettop(L);
  index_events(L, lists, out);
  index_people(L, lists, out);
  index_tables(L, lists, out);
  lua_settop(L, out);
}
