// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart's version: the single source of truth, parsed by CMake. Usable from
// C and C++. chatcart_version_string() (c.h) reports the version at run time,
// which may differ from these macros when a host links another build.

#ifndef CHATCART_VERSION_H_
#define CHATCART_VERSION_H_

#define CHATCART_VERSION_MAJOR 0
#define CHATCART_VERSION_MINOR 1
#define CHATCART_VERSION_PATCH 0

// MAJOR * 10000 + MINOR * 100 + PATCH, comparable with < and > (zstd's scheme).
#define CHATCART_VERSION_NUMBER \
  (CHATCART_VERSION_MAJOR * 10000 + CHATCART_VERSION_MINOR * 100 + CHATCART_VERSION_PATCH)

#define CHATCART_VERSION_QUOTE_(x) #x
#define CHATCART_VERSION_EXPAND_(x) CHATCART_VERSION_QUOTE_(x)
#define CHATCART_VERSION_STRING                                                      \
  CHATCART_VERSION_EXPAND_(CHATCART_VERSION_MAJOR)                                   \
  "." CHATCART_VERSION_EXPAND_(CHATCART_VERSION_MINOR) "." CHATCART_VERSION_EXPAND_( \
      CHATCART_VERSION_PATCH)

// The major version of the C ABI (c.h). It is the SONAME of libchatcart_c.so
// and changes only when a published C function or enum value changes; adding
// functions keeps it.
#define CHATCART_C_ABI_VERSION 1

#endif  // CHATCART_VERSION_H_
