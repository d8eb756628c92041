// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/status_macros.h"

#include <memory>
#include <string>

#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::StatusIs;

absl::Status FailIf(bool fail) {
  return fail ? absl::InvalidArgumentError("asked to fail") : absl::OkStatus();
}

absl::StatusOr<int> Half(int x) {
  if (x % 2 != 0) return absl::InvalidArgumentError("odd");
  return x / 2;
}

absl::Status Chain(bool fail, int* steps) {
  CHATCART_RETURN_IF_ERROR(FailIf(fail));
  ++*steps;
  return absl::OkStatus();
}

absl::StatusOr<int> Quarter(int x) {
  CHATCART_ASSIGN_OR_RETURN(int half, Half(x));
  CHATCART_ASSIGN_OR_RETURN(auto quarter, Half(half));
  return quarter;
}

absl::StatusOr<std::unique_ptr<int>> MakeBox(int x) {
  if (x < 0) return absl::OutOfRangeError("negative");
  return std::make_unique<int>(x);
}

absl::StatusOr<int> Unbox(int x) {
  std::unique_ptr<int> box;
  CHATCART_ASSIGN_OR_RETURN(box, MakeBox(x));  // assigns to an existing name
  return *box;
}

TEST(ReturnIfError, ReturnsTheErrorAndStopsThere) {
  int steps = 0;
  EXPECT_THAT(Chain(true, &steps), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(steps, 0);
  EXPECT_OK(Chain(false, &steps));
  EXPECT_EQ(steps, 1);
}

TEST(AssignOrReturn, DeclaresAndAssignsValues) {
  EXPECT_THAT(Quarter(12), IsOkAndHolds(3));
  EXPECT_THAT(Quarter(6), StatusIs(absl::StatusCode::kInvalidArgument, "odd"));
}

TEST(AssignOrReturn, MovesMoveOnlyValuesIntoExistingNames) {
  EXPECT_THAT(Unbox(5), IsOkAndHolds(5));
  EXPECT_THAT(Unbox(-1), StatusIs(absl::StatusCode::kOutOfRange));
}

}  // namespace
}  // namespace chatcart
