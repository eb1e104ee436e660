/* registry.h — registered process names (register/2, whereis/1, ...). One
 * table under one lock; a process's own name sits in st.reg_name, guarded by
 * the same lock. */
#ifndef EMBER_REGISTRY_H
#define EMBER_REGISTRY_H

#include "proc/process.h"

typedef enum RegResult { REG_OK, REG_NAME_TAKEN, REG_PID_HAS_NAME, REG_NOT_ALIVE } RegResult;

RegResult registry_register(Term name, Term pid);
/* False when the name is not registered. */
bool registry_unregister(Term name);
/* The pid registered as name, or TERM_NONE. */
Term registry_whereis(Term name);
/* The registered name of p, or NIL. */
Term registry_name_of(Process *p);
/* Builds the list of all registered names on p's heap. */
Term registry_names(Process *p);
void registry_unregister_pid(Process *p);

#endif
