// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The input limits of chatcart/limits.h (#22): each input exactly at its
// limit is taken, one byte (or level) beyond is RESOURCE_EXHAUSTED naming
// what and the limit, before any work.

#include "chatcart/limits.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "chatcart/wire.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

const Engine& Demo() {
  static const std::shared_ptr<const Engine> engine = [] {
    auto e = Engine::Create(chatcart::testing::SourceDir() + "/examples/bundles/demo");
    EXPECT_TRUE(e.ok()) << e.status();
    return e.ok() ? *e : nullptr;
  }();
  return *engine;
}

// `[[...]]`, `depth` arrays deep.
std::string NestedArrays(int depth) {
  return absl::StrCat(std::string(depth, '['), std::string(depth, ']'));
}

TEST(Issue22Limits, TurnJsonUpToTheByteLimitIsTakenAndOneByteMoreIsRefused) {
  const std::string turn = R"({"text":"hello","time":"2026-11-23T10:00:00Z"})";
  std::string at_limit = turn + std::string(kMaxJsonBytes - turn.size(), ' ');
  ASSERT_EQ(at_limit.size(), kMaxJsonBytes);
  std::unique_ptr<Session> session = Demo().NewSession("limits", 1);
  absl::StatusOr<std::string> answered = session->HandleTurnJson(at_limit);
  EXPECT_TRUE(answered.ok()) << answered.status();

  std::string snapshot = session->Snapshot();
  EXPECT_THAT(session->HandleTurnJson(at_limit + " "),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       AllOf(HasSubstr("turn input JSON"), HasSubstr("1048577 bytes"),
                             HasSubstr("limit of 1048576"), HasSubstr("kMaxJsonBytes"))));
  EXPECT_EQ(session->Snapshot(), snapshot) << "a refused turn changed the session";
}

TEST(Issue22Limits, JsonNestedToTheDepthLimitParsesAndOneLevelMoreIsRefused) {
  google::protobuf::Value value;
  // At the limit the JSON goes on to protobuf's parser, which has its own
  // say (a google.protobuf.Value spends two messages per array, and the
  // binary parser stops at 100 messages): not refused for depth.
  EXPECT_THAT(ParseJson(NestedArrays(kMaxJsonDepth), "value", &value),
              Not(StatusIs(absl::StatusCode::kResourceExhausted)));
  EXPECT_OK(ParseJson(NestedArrays(40), "value", &value));
  EXPECT_THAT(ParseJson(NestedArrays(kMaxJsonDepth + 1), "value", &value),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       AllOf(HasSubstr("value JSON"), HasSubstr("limit of 64 levels"),
                             HasSubstr("kMaxJsonDepth"))));
  // Objects count as arrays do; brackets inside strings (escaped quotes
  // included) do not.
  std::string objects;
  for (int i = 0; i <= kMaxJsonDepth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(kMaxJsonDepth + 1, '}');
  EXPECT_THAT(ParseJson(objects, "value", &value),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("kMaxJsonDepth")));
  std::string in_string = absl::StrCat("[\"\\\"", std::string(2 * kMaxJsonDepth, '['), "\", 1]");
  EXPECT_OK(ParseJson(in_string, "value", &value));
  // Half a million levels (1 MB, under the size limit) are refused at once,
  // not recursed into.
  EXPECT_THAT(ParseJson(NestedArrays(500'000), "value", &value),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("kMaxJsonDepth")));
  std::unique_ptr<Session> session = Demo().NewSession("limits", 1);
  EXPECT_THAT(session->HandleTurnJson(absl::StrCat(R"({"text":"hi","event":{"param":{"k":)",
                                                   NestedArrays(kMaxJsonDepth), "}}}")),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("turn input JSON")));
}

TEST(Issue22Limits, TurnBytesUpToTheLimitAreTakenAndOneByteMoreIsRefused) {
  // A TurnInput of exactly kMaxProtoBytes: a long text (cut to the
  // session's 2,000 characters as any long text is).
  v1::TurnInput input;
  input.mutable_time()->set_seconds(1795428000);
  input.set_text(std::string(kMaxProtoBytes, 'a'));
  size_t over = input.ByteSizeLong() - kMaxProtoBytes;
  input.set_text(std::string(kMaxProtoBytes - over, 'a'));
  while (input.ByteSizeLong() < kMaxProtoBytes) input.mutable_text()->push_back('a');
  std::string at_limit = DeterministicBytes(input);
  ASSERT_EQ(at_limit.size(), kMaxProtoBytes);
  std::unique_ptr<Session> session = Demo().NewSession("limits", 1);
  absl::StatusOr<std::string> answered = session->HandleTurnBytes(at_limit);
  EXPECT_TRUE(answered.ok()) << answered.status();

  std::string snapshot = session->Snapshot();
  EXPECT_THAT(session->HandleTurnBytes(at_limit + std::string(1, '\0')),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       AllOf(HasSubstr("turn input"), HasSubstr("1048577 bytes"),
                             HasSubstr("kMaxProtoBytes"))));
  EXPECT_EQ(session->Snapshot(), snapshot);
}

TEST(Issue22Limits, SnapshotsOverTheLimitAreRefusedBeforeTheyAreRead) {
  // At the limit the bytes are read (and, being no snapshot, are DATA_LOSS);
  // one byte more is refused for its size.
  std::string at_limit(kMaxSnapshotBytes, 'x');
  EXPECT_THAT(Demo().RestoreSession(at_limit),
              StatusIs(absl::StatusCode::kDataLoss, Not(HasSubstr("kMaxSnapshotBytes"))));
  at_limit.push_back('x');
  EXPECT_THAT(Demo().RestoreSession(at_limit),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       AllOf(HasSubstr("session snapshot"), HasSubstr("16777217 bytes"),
                             HasSubstr("limit of 16777216"), HasSubstr("kMaxSnapshotBytes"))));
  // A real snapshot still restores.
  std::unique_ptr<Session> session = Demo().NewSession("limits", 1);
  EXPECT_OK(Demo().RestoreSession(session->Snapshot()));
}

}  // namespace
}  // namespace chatcart
