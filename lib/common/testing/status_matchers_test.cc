// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
// The matchers must fail where they should, or every test using them is void.

#include "common/testing/status_matchers.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(StatusIs, MatchesCodeAndMessage) {
  absl::Status status = absl::NotFoundError("no product cpu-00001");
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kNotFound, HasSubstr("cpu-00001")));
  EXPECT_THAT(status, Not(StatusIs(absl::StatusCode::kAborted)));
  EXPECT_THAT(status, Not(StatusIs(absl::StatusCode::kNotFound, HasSubstr("gpu"))));
}

TEST(StatusIs, WorksOnStatusOr) {
  absl::StatusOr<int> value = absl::AbortedError("version 3, expected 2");
  EXPECT_THAT(value, StatusIs(absl::StatusCode::kAborted, HasSubstr("version 3")));
  EXPECT_THAT(absl::StatusOr<int>(1), Not(StatusIs(absl::StatusCode::kAborted)));
}

TEST(IsOkAndHolds, MatchesOnlyOkValuesThatMatch) {
  EXPECT_THAT(absl::StatusOr<std::string>("abc"), IsOkAndHolds("abc"));
  EXPECT_THAT(absl::StatusOr<std::string>("abc"), IsOkAndHolds(HasSubstr("b")));
  EXPECT_THAT(absl::StatusOr<std::string>("abc"), Not(IsOkAndHolds("abd")));
  EXPECT_THAT(absl::StatusOr<std::string>(absl::InternalError("x")), Not(IsOkAndHolds("abc")));
}

TEST(IsOk, DistinguishesOkFromErrors) {
  EXPECT_THAT(absl::OkStatus(), IsOk());
  EXPECT_THAT(absl::UnknownError("x"), Not(IsOk()));
  EXPECT_THAT(absl::StatusOr<int>(absl::UnknownError("x")), Not(IsOk()));
}

}  // namespace
}  // namespace chatcart::testing
