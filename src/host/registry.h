/* registry.h: the keys under which the host keeps its tables in the Lua registry. */
#ifndef HALQA_REGISTRY_H
#define HALQA_REGISTRY_H

#define HQ_REG_BASE "halqa.base"         /* the frozen global base every environment reads */
#define HQ_REG_COMMANDS "halqa.commands" /* name -> { help=, fn=, complete=, origin= } */
#define HQ_REG_LOADED "halqa.loaded"     /* require's cache */
#define HQ_REG_STAMPS "halqa.stamps"     /* module -> { path, "size mtime" } of a user's module */
#define HQ_REG_REPL_ENV "halqa.replenv"  /* the REPL's own environment */
#define HQ_REG_ENV_META "halqa.env"      /* the metatable every script environment shares */

#endif
