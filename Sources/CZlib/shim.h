#ifndef LESSONS_CZLIB_SHIM_H
#define LESSONS_CZLIB_SHIM_H
#include <zlib.h>
#endif
