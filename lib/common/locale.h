// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The locale cut lives in the public chatcart/locale.h (hosts and the CLI
// use it too); components include it through this name.

#ifndef CHATCART_COMMON_LOCALE_H_
#define CHATCART_COMMON_LOCALE_H_

#include "chatcart/locale.h"  // IWYU pragma: export

#endif  // CHATCART_COMMON_LOCALE_H_
