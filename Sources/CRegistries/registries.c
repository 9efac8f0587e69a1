#include "CRegistries.h"

// Weak, so that a registry with no entry in a program (a tool that links the engine alone)
// reads as empty instead of failing to link.
#define REGISTRY(NAME)                                                                                \
    extern const lessons_registry_record __start_##NAME[] __attribute__((weak));                       \
    extern const lessons_registry_record __stop_##NAME[] __attribute__((weak));                        \
    const lessons_registry_record *NAME##_records(size_t *count) {                                    \
        *count = __start_##NAME ? (size_t)(__stop_##NAME - __start_##NAME) : 0;                         \
        return __start_##NAME;                                                                        \
    }

REGISTRY(lessons_optimizers)
REGISTRY(lessons_layers)
REGISTRY(lessons_datasets)
REGISTRY(lessons_plot_kinds)
