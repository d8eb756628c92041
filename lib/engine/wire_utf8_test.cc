// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22: binary protobuf input whose strings are not UTF-8 is refused
// naming the field, before protobuf parses it and logs an ERROR line to
// stderr for each such string. The bad bytes are written into serialized
// messages by hand (serializing an ill-formed string would log too).

#include "common/wire_utf8.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <memory>
#include <string>

#include "chatcart/engine.h"
#include "chatcart/limits.h"
#include "chatcart/session.h"
#include "chatcart/v1/session.pb.h"
#include "chatcart/v1/turn.pb.h"
#include "chatcart/wire.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "common/utf8_scrub.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
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

// `bytes` with the first `marker` replaced by `with` (same length).
std::string Replace(std::string bytes, const std::string& marker, const std::string& with) {
  size_t at = bytes.find(marker);
  EXPECT_NE(at, std::string::npos) << marker;
  if (at != std::string::npos) bytes.replace(at, marker.size(), with);
  return bytes;
}

// A snapshot's trailing checksum (tag 15, fixed64 XXH3 of what precedes it)
// made right again after an edit.
std::string Rechecksummed(std::string bytes) {
  const uint64_t sum = XXH3_64bits(bytes.data(), bytes.size() - 9);
  for (int i = 0; i < 8; ++i) bytes[bytes.size() - 8 + i] = static_cast<char>(sum >> (8 * i));
  return bytes;
}

TEST(Issue22WireUtf8, FindsTheFirstIllFormedStringFieldAtAnyDepth) {
  v1::TurnInput input;
  input.set_text("caffX latte");
  (*input.mutable_event()->mutable_param())["size"] = "grandY";
  const std::string good = input.SerializeAsString();
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), good), "");
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), Replace(good, "X", "\xe8")),
            "chatcart.v1.TurnInput.text");
  // A map value inside a nested message.
  EXPECT_THAT(IllFormedUtf8Field(*v1::TurnInput::descriptor(), Replace(good, "Y", "\xff")),
              HasSubstr("value"));
  // A string cut short whose bytes so far are ill-formed: protobuf logs
  // about them before refusing the input (found by store_values_fuzzer:
  // DeskConversation.skill declared 20 bytes long, 4 there), so it is named.
  const std::string cut("\x0a\x14\xf3\x78\x56\x00", 6);
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), cut), "chatcart.v1.TurnInput.text");
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), cut.substr(0, 2) + "abc"), "");
  {
    ::testing::internal::CaptureStderr();
    v1::TurnInput parsed;
    EXPECT_THAT(ParseBytes(cut, "turn", &parsed),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr("chatcart.v1.TurnInput.text is not well-formed UTF-8")));
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_THAT(err, Not(HasSubstr("UTF-8"))) << err;
  }
  // A string declared longer than the message it is in: protobuf reads its
  // length from the whole input, past that message's end, and logs about
  // those bytes (found by store_values_fuzzer in a ConversationRecord's
  // ChannelState.channel): they are checked too.
  const std::string past(
      "\x1a\x03\x0a\x0c"
      "w"
      "\x2a\x04\xff\xfe\xfd\xfc"
      "abcde",
      16);
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), past), "chatcart.v1.Event.kind");
  {
    ::testing::internal::CaptureStderr();
    v1::TurnInput parsed;
    EXPECT_THAT(ParseBytes(past, "turn", &parsed),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("chatcart.v1.Event.kind")));
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_THAT(err, Not(HasSubstr("UTF-8"))) << err;
  }
  // Wire data that does not read is left to the parser.
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), good.substr(0, 5)), "");
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), "\xff\xff\xff"), "");
}

TEST(Issue22WireUtf8, BinaryInputsWithIllFormedStringsAreRefusedWithoutAProtobufLogLine) {
  v1::TurnInput input;
  input.set_text("a gift for my 6 year old under 40 euros X");
  input.mutable_time()->set_seconds(1795428000);
  const std::string turn = Replace(input.SerializeAsString(), "X", "\xe8");

  std::unique_ptr<Session> session = Demo().NewSession("utf8", 1);
  v1::TurnInput first;
  first.set_text("hi there, I am looking for a gift");
  first.mutable_time()->set_seconds(1795427000);
  ASSERT_TRUE(session->HandleTurn(first).ok());
  const std::string before = session->Snapshot();
  // A snapshot whose session id is edited to ill-formed bytes, checksum made
  // right: a writer's bug, or a mutation under the fuzzer.
  const std::string snapshot = Rechecksummed(Replace(before, "utf8", "utf\xff"));

  ::testing::internal::CaptureStderr();
  EXPECT_THAT(session->HandleTurnBytes(turn),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("chatcart.v1.TurnInput.text is not well-formed UTF-8")));
  EXPECT_THAT(Demo().RestoreSession(snapshot),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("not well-formed UTF-8")));
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, Not(HasSubstr("invalid UTF-8"))) << err;
  // Nothing changed, and the well-formed forms still work.
  EXPECT_EQ(session->Snapshot(), before);
  EXPECT_TRUE(Demo().RestoreSession(before).ok());
  EXPECT_TRUE(session->HandleTurnBytes(Replace(turn, "\xe8", "X")).ok());
}

// protobuf's parser reads a string's length and a nested message past the
// end of the message they are in, and checks the strings it reads there
// before it refuses the input; the walk stopped at that end, so protobuf
// logged (found by snapshot_restore_fuzzer's first 10-million-execution run,
// 87,402 ERROR lines in it; tests/fuzz/corpus/snapshot/
// regress_length_past_its_message).
TEST(Issue22WireUtf8, ReadsLengthsAndNestedMessagesPastTheirMessageAsTheParserDoes) {
  // The reproducer: a SessionSnapshot whose pending_restore_notes (field
  // 10) is 1 byte long, the RestoreNote's kind tag (0x0a); kind's length
  // (0x0e, 14) and bytes come after the RestoreNote: the checksum's tag and
  // its 8 bytes, not well-formed.
  const std::string snapshot =
      Rechecksummed(std::string("\x52\x01\x0a\x0e\x79", 5) + std::string(8, '\0'));
  EXPECT_EQ(IllFormedUtf8Field(*v1::SessionSnapshot::descriptor(), snapshot),
            "chatcart.v1.RestoreNote.kind");
  EXPECT_EQ(IllFormedUtf8Field(*v1::SessionSnapshot::descriptor(),
                               std::string("\x52\x01\x0a\x04\xff\xfe\xfd\xfc", 8)),
            "chatcart.v1.RestoreNote.kind");
  EXPECT_EQ(IllFormedUtf8Field(*v1::SessionSnapshot::descriptor(),
                               std::string("\x52\x01\x0a\x04") + "abcd"),
            "");
  // A map entry of a TurnInput's event declared 7 bytes long in an Event
  // declared 3: the entry's value, 0xff 0xfe, lies past the Event.
  const std::string entry("\x1a\x03\x12\x07\x0a\x01k\x12\x02\xff\xfe", 11);
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), entry),
            "chatcart.v1.Event.ParamEntry.value");
  EXPECT_EQ(IllFormedUtf8Field(*v1::TurnInput::descriptor(), Replace(entry, "\xff\xfe", "ok")), "");
  ::testing::internal::CaptureStderr();
  EXPECT_THAT(Demo().RestoreSession(snapshot),
              StatusIs(absl::StatusCode::kDataLoss,
                       HasSubstr("chatcart.v1.RestoreNote.kind is not well-formed UTF-8")));
  v1::TurnInput parsed;
  EXPECT_THAT(ParseBytes(entry, "turn", &parsed),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("chatcart.v1.Event.ParamEntry.value is not well-formed UTF-8")));
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, Not(HasSubstr("libprotobuf"))) << err;
}

// ParseBytes (chatcart/wire.h), what the Python binding parses its bytes
// with: the size limit and the walk before protobuf parses.
TEST(Issue22WireUtf8, ParseBytesRefusesIllFormedStringsAndOversizedInputBeforeParsing) {
  v1::ShopperProfile profile;
  profile.set_language("eX");
  const std::string good = profile.SerializeAsString();
  ::testing::internal::CaptureStderr();
  v1::ShopperProfile parsed;
  EXPECT_THAT(ParseBytes(Replace(good, "X", "\xff"), "profile", &parsed),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("profile: chatcart.v1.ShopperProfile.language is not "
                                 "well-formed UTF-8")));
  EXPECT_THAT(ParseBytes("\x1a\x05ab", "profile", &parsed),  // cut short
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("are not a chatcart.v1.ShopperProfile")));
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, Not(HasSubstr("UTF-8"))) << err;
  EXPECT_THAT(err, Not(HasSubstr("libprotobuf"))) << err;
  // At kMaxProtoBytes it parses; one byte beyond it is not looked at.
  v1::ShopperProfile big;
  big.set_language(std::string(kMaxProtoBytes - 4, 'x'));  // tag, 3-byte length
  const std::string at_limit = big.SerializeAsString();
  ASSERT_EQ(at_limit.size(), kMaxProtoBytes);
  EXPECT_TRUE(ParseBytes(at_limit, "profile", &parsed).ok());
  EXPECT_THAT(ParseBytes(at_limit + "x", "profile", &parsed),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("kMaxProtoBytes")));
  EXPECT_TRUE(ParseBytes(good, "profile", &parsed).ok());
  EXPECT_EQ(parsed.language(), "eX");
}

// ParseJson's errors quote protobuf's parser, which quotes the input: with
// ill-formed UTF-8 in the JSON, the message was not well-formed (#22).
TEST(Issue22WireUtf8, ParseJsonErrorsAreWellFormedWhateverTheInput) {
  v1::TurnInput input;
  absl::Status status = ParseJson("{\"text\": \"caff\xe8 latte\"}", "turn input", &input);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("turn input JSON")));
  const std::string message(status.message());
  EXPECT_TRUE(IsWellFormedUtf8(message)) << message;
}

}  // namespace
}  // namespace chatcart
