// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/json_parse.h"

#include <string>

#include "common/echo.h"
#include "common/testing/status_matchers.h"
#include "common/utf8_scrub.h"
#include "gmock/gmock.h"
#include "google/protobuf/duration.pb.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(JsonToMessage, ParsesTheJsonMappingWithTheOptionsGiven) {
  google::protobuf::Duration d;
  ASSERT_OK(JsonToMessage(R"({"seconds": "7"})", "duration", &d));
  EXPECT_EQ(d.seconds(), 7);
  google::protobuf::util::JsonParseOptions lenient;
  lenient.ignore_unknown_fields = true;
  ASSERT_OK(JsonToMessage(R"({"seconds": "8", "other": 1})", "duration", &d, lenient));
  EXPECT_EQ(d.seconds(), 8);
  EXPECT_THAT(JsonToMessage(R"({"seconds": "8", "other": 1})", "duration", &d),
              StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("duration: ")));
}

// Issue #22: protobuf's parser quotes an unknown key or a bad value whole and
// the text around a syntax error as it is; the complaint is echoed, at most
// kMaxJsonErrorBytes of it, well-formed.
TEST(JsonToMessage, Issue22TheParsersComplaintIsShortAndWellFormedWhateverTheInput) {
  const std::string big(1 << 20, 'k');
  const std::string inputs[] = {
      "{\"" + big + "\": 1}",                       // an unknown key, quoted whole
      "{\"seconds\": \"" + big + "\"}",             // a bad value, quoted whole
      "{\"seconds\": \"1\", \"caff\xe8\xff\": 2}",  // ill-formed bytes around the error
      "{\"seconds\": \"\xff\xfe" + big + "\"}",
      "{\"seconds\": 1 \xc0\xaf" + big,
  };
  for (const std::string& json : inputs) {
    google::protobuf::Duration d;
    absl::Status status = JsonToMessage(json, "the duration", &d);
    EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("the duration: ")))
        << json.substr(0, 40);
    const std::string message(status.message());
    EXPECT_LE(message.size(), std::string("the duration: ").size() + 3 * kMaxJsonErrorBytes + 3);
    EXPECT_TRUE(IsWellFormedUtf8(message)) << message;
  }
  google::protobuf::Duration d;
  EXPECT_THAT(JsonToMessage("{\"seconds\": \"1\", \"caff\xe8\": 2}", "d", &d),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("\uFFFD")));
}

}  // namespace
}  // namespace chatcart
