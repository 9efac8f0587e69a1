// The records of the project's registries: each entry file of an extension point (an
// optimizer, a data set, a plot kind, a layer) places one function pointer in a linker
// section of its own with Swift's `@used @section("NAME")`; the linker gathers them from
// every object file and marks the section's start and end, which these functions read.
// Swift cannot name `__start_NAME`, so this is the one place that does.
#ifndef LESSONS_CREGISTRIES_H
#define LESSONS_CREGISTRIES_H

#include <stddef.h>

/// One registry record: returns the entry's metatype (`Any.Type`) as a raw pointer.
typedef const void *_Nonnull (*lessons_registry_record)(void);

/// The records in the section `lessons_optimizers`, and how many there are.
const lessons_registry_record _Nonnull *_Nullable lessons_optimizers_records(size_t *_Nonnull count);
/// The records in the section `lessons_layers`.
const lessons_registry_record _Nonnull *_Nullable lessons_layers_records(size_t *_Nonnull count);
/// The records in the section `lessons_datasets`.
const lessons_registry_record _Nonnull *_Nullable lessons_datasets_records(size_t *_Nonnull count);
/// The records in the section `lessons_plot_kinds`.
const lessons_registry_record _Nonnull *_Nullable lessons_plot_kinds_records(size_t *_Nonnull count);

#endif
