// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CHATCART_RETURN_IF_ERROR and CHATCART_ASSIGN_OR_RETURN: Debian 12's Abseil
// ships neither, so they are written once here, shaped like Abseil's internal
// ones so a later Abseil can replace them by search and replace.
//
//   absl::Status Load(...) {
//     CHATCART_RETURN_IF_ERROR(Check(x));
//     CHATCART_ASSIGN_OR_RETURN(Catalog catalog, ReadCatalog(path));
//     CHATCART_ASSIGN_OR_RETURN(auto rows, ReadRows(path));
//   }

#ifndef CHATCART_COMMON_STATUS_MACROS_H_
#define CHATCART_COMMON_STATUS_MACROS_H_

#include <utility>

#include "absl/base/optimization.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr`, an absl::Status; returns it from the current function when
// it is not OK.
#define CHATCART_RETURN_IF_ERROR(expr)                \
  do {                                                \
    ::absl::Status chatcart_status_ = (expr);         \
    if (ABSL_PREDICT_FALSE(!chatcart_status_.ok())) { \
      return chatcart_status_;                        \
    }                                                 \
  } while (false)

// Evaluates `rexpr`, an absl::StatusOr<T>; returns its status when not OK,
// otherwise moves its value into `lhs` (a declaration or an assignable name).
#define CHATCART_ASSIGN_OR_RETURN(lhs, rexpr)                                                   \
  CHATCART_ASSIGN_OR_RETURN_IMPL_(CHATCART_STATUS_MACROS_CONCAT_(chatcart_statusor_, __LINE__), \
                                  lhs, rexpr)

#define CHATCART_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                    \
  if (ABSL_PREDICT_FALSE(!statusor.ok())) {                   \
    return std::move(statusor).status();                      \
  }                                                           \
  lhs = *std::move(statusor)

#define CHATCART_STATUS_MACROS_CONCAT_INNER_(x, y) x##y
#define CHATCART_STATUS_MACROS_CONCAT_(x, y) CHATCART_STATUS_MACROS_CONCAT_INNER_(x, y)

#endif  // CHATCART_COMMON_STATUS_MACROS_H_
