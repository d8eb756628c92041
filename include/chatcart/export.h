// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CHATCART_EXPORT marks the functions of chatcart's shared C library. The
// library is built with hidden visibility, so only marked symbols (and, by the
// version script, only chatcart_* names) are exported. Static builds need no
// marking.

#ifndef CHATCART_EXPORT_H_
#define CHATCART_EXPORT_H_

#if defined(CHATCART_SHARED_LIBRARY)
#if defined(_WIN32)
#if defined(CHATCART_COMPILE_LIBRARY)
#define CHATCART_EXPORT __declspec(dllexport)
#else
#define CHATCART_EXPORT __declspec(dllimport)
#endif
#else
#define CHATCART_EXPORT __attribute__((visibility("default")))
#endif
#else
#define CHATCART_EXPORT
#endif

#endif  // CHATCART_EXPORT_H_
