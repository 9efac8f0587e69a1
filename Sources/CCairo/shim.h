#ifndef LESSONS_CCAIRO_SHIM_H
#define LESSONS_CCAIRO_SHIM_H
#include <cairo/cairo.h>
#endif
