// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/status.h"

#include "absl/strings/cord.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::Eq;

TEST(Annotate, PutsTheContextBeforeTheMessageAndKeepsTheCode) {
  absl::Status status = Annotate(absl::NotFoundError("no such sku"), "cart.jsonl:3");
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kNotFound, Eq("cart.jsonl:3: no such sku")));
}

TEST(Annotate, KeepsPayloads) {
  absl::Status status = absl::AbortedError("version mismatch");
  status.SetPayload("chatcart/version", absl::Cord("7"));
  absl::Status annotated = Annotate(status, "command 2");
  ASSERT_TRUE(annotated.GetPayload("chatcart/version").has_value());
  EXPECT_EQ(std::string(*annotated.GetPayload("chatcart/version")), "7");
}

TEST(Annotate, LeavesOkAlone) { EXPECT_TRUE(Annotate(absl::OkStatus(), "x").ok()); }

TEST(StatusCodeName, NamesEveryCanonicalCode) {
  EXPECT_EQ(StatusCodeName(absl::StatusCode::kOk), "OK");
  EXPECT_EQ(StatusCodeName(absl::StatusCode::kInvalidArgument), "INVALID_ARGUMENT");
  EXPECT_EQ(StatusCodeName(absl::StatusCode::kAborted), "ABORTED");
  EXPECT_EQ(StatusCodeName(absl::StatusCode::kUnauthenticated), "UNAUTHENTICATED");
  EXPECT_EQ(StatusCodeName(static_cast<absl::StatusCode>(99)), "UNKNOWN");
}

}  // namespace
}  // namespace chatcart
