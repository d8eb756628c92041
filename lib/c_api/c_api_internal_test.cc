// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
// The guard every C wrapper runs in: no exception may cross the C API.

#include "c_api/c_api_internal.h"

#include <new>
#include <stdexcept>
#include <string>

#include "gtest/gtest.h"

namespace chatcart::c_api {
namespace {

TEST(Guard, TranslatesStatusCodesAndMessages) {
  char* err = nullptr;
  EXPECT_EQ(Guard(&err, [] { return absl::OkStatus(); }), CHATCART_OK);
  EXPECT_EQ(err, nullptr);
  EXPECT_EQ(Guard(&err, [] { return absl::AbortedError("version 3, expected 2"); }),
            CHATCART_ABORTED);
  ASSERT_NE(err, nullptr);
  EXPECT_STREQ(err, "version 3, expected 2");
  // A later failure frees the earlier message and stores its own.
  EXPECT_EQ(Guard(&err, [] { return absl::NotFoundError("no order 7K3"); }), CHATCART_NOT_FOUND);
  EXPECT_STREQ(err, "no order 7K3");
  chatcart_free(err);
}

TEST(Guard, TurnsExceptionsIntoInternalErrors) {
  char* err = nullptr;
  EXPECT_EQ(Guard(&err, []() -> absl::Status { throw std::runtime_error("boom"); }),
            CHATCART_INTERNAL);
  EXPECT_STREQ(err, "internal error: boom");
  EXPECT_EQ(Guard(&err, []() -> absl::Status { throw 42; }), CHATCART_INTERNAL);
  EXPECT_STREQ(err, "internal error: unknown exception");
  chatcart_free(err);
}

TEST(Guard, TurnsBadAllocIntoResourceExhausted) {
  char* err = nullptr;
  EXPECT_EQ(Guard(&err, []() -> absl::Status { throw std::bad_alloc(); }),
            CHATCART_RESOURCE_EXHAUSTED);
  EXPECT_STREQ(err, "out of memory");
  chatcart_free(err);
}

TEST(Guard, AcceptsANullErrmsg) {
  EXPECT_EQ(Guard(nullptr, [] { return absl::InvalidArgumentError("x"); }),
            CHATCART_INVALID_ARGUMENT);
  EXPECT_EQ(Guard(nullptr, []() -> absl::Status { throw std::runtime_error("y"); }),
            CHATCART_INTERNAL);
}

TEST(StatusCodes, EqualAbslStatusCodes) {
  EXPECT_EQ(static_cast<int>(CHATCART_INVALID_ARGUMENT),
            static_cast<int>(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(static_cast<int>(CHATCART_FAILED_PRECONDITION),
            static_cast<int>(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(static_cast<int>(CHATCART_DATA_LOSS), static_cast<int>(absl::StatusCode::kDataLoss));
  EXPECT_EQ(static_cast<int>(CHATCART_UNAUTHENTICATED),
            static_cast<int>(absl::StatusCode::kUnauthenticated));
}

}  // namespace
}  // namespace chatcart::c_api
